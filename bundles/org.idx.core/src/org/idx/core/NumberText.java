// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

/**
 * The textual form of numbers shared by the table view, the writers and reports: the shortest
 * decimal that reads back to the identical double, and whole numbers of integer columns without
 * a fraction.
 */
public final class NumberText {

    private static final double EXACT_LIMIT = 0x1p53;

    private NumberText() {
    }

    /**
     * @param value   a finite or infinite double (NaN is formatted as {@code NaN})
     * @param integer whether the value belongs to an integer column
     * @return {@code 42} for an integer column's 42.0, otherwise {@link Double#toString(double)},
     *         which since Java 19 is the shortest round-trip representation
     */
    public static String format(double value, boolean integer) {
        if (integer && Math.abs(value) <= EXACT_LIMIT && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
