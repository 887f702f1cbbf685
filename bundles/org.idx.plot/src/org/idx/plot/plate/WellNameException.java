// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.plate;

/**
 * A value of the well column is not a well name. The message names the value and the first row
 * holding it, counted from 1 as a user sees rows.
 */
public final class WellNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String value;
    private final int row;

    WellNameException(String value, int row, String reason) {
        super("row " + (row + 1) + ": " + reason);
        this.value = value;
        this.row = row;
    }

    /** @return the value that does not parse */
    public String value() {
        return value;
    }

    /** @return the zero-based row holding it (the first such row) */
    public int row() {
        return row;
    }
}
