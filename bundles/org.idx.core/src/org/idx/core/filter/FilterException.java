// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.filter;

/** A filter expression that cannot be used: bad syntax, unknown column, mismatched types. */
public final class FilterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;

    /**
     * @param message  what is wrong
     * @param position the 1-based character position in the expression it is about
     */
    public FilterException(String message, int position) {
        super(message + " at position " + position);
        this.position = position;
    }

    /** @return the 1-based character position in the expression */
    public int position() {
        return position;
    }
}
