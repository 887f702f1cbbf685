// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.axis;

import java.math.BigDecimal;

/**
 * Formats exact tick values: plain decimals ({@code 0.05}, {@code 1200}) between 1e-4 and 1e7,
 * and {@code 2.5e7} / {@code 1e-5} style outside that range.
 */
public final class TickLabels {

    private static final BigDecimal PLAIN_MAX = BigDecimal.TEN.pow(7);
    private static final BigDecimal PLAIN_MIN = new BigDecimal("0.0001");

    private TickLabels() {
    }

    /**
     * @param value an exact decimal value
     * @return its label
     */
    public static String format(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        BigDecimal abs = stripped.abs();
        if (abs.compareTo(PLAIN_MAX) < 0 && abs.compareTo(PLAIN_MIN) >= 0) {
            return stripped.toPlainString();
        }
        int exponent = stripped.precision() - stripped.scale() - 1;
        String mantissa = stripped.movePointLeft(exponent).toPlainString();
        return mantissa + "e" + exponent;
    }

    /**
     * @param value a value, e.g. from a data column
     * @return its label, using the shortest decimal that round-trips the double
     */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NA" : value > 0 ? "Inf" : "-Inf";
        }
        return format(new BigDecimal(Double.toString(value)));
    }

    /**
     * A short label for a computed value (a mean, a bin edge) in a legend or tool tip.
     *
     * @param value a value
     * @param digits the significant digits to keep, at least 1
     * @return its label rounded to {@code digits} significant digits, e.g. 474.8 for 474.8076923
     */
    public static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return format(value);
        }
        return format(new BigDecimal(Double.toString(value)).round(new java.math.MathContext(Math.max(1, digits))));
    }
}
