// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * Agreement with R per quantity, and a record of the largest relative error seen for each (printed
 * by the tests that use it).
 */
public final class Tolerance {

    /** Statistics, degrees of freedom, exact and normal-approximation p-values. */
    public static final double STATISTIC = 1e-6;
    /** Shapiro-Wilk W. */
    public static final double SHAPIRO_W = 1e-5;
    /** Shapiro-Wilk p and studentized-range p-values. */
    public static final double P_APPROXIMATE = 1e-3;
    /**
     * Absolute floor for studentized-range p-values: R computes the upper tail as 1 - cdf and cuts
     * its integrals off near 1e-14, so below this its values are rounding noise.
     */
    public static final double P_FLOOR = 1e-10;

    /**
     * Studentized-range quantiles, compared through the half-widths of the intervals built from
     * them: R's {@code qtukey} stops iterating when successive values differ by less than 1e-4.
     */
    public static final double QUANTILE = 1e-4;

    private static final Map<String, Double> MAX_RELATIVE_ERROR = new TreeMap<>();

    private Tolerance() {
    }

    /** @return the relative tolerance for a report field of a section */
    static double relative(String section, String field) {
        if (section.equals("shapiro")) {
            return field.equals("W") ? SHAPIRO_W : P_APPROXIMATE;
        }
        if ((section.equals("tukey_hsd") || section.equals("games_howell")) && field.equals("p_adj")) {
            return P_APPROXIMATE;
        }
        return STATISTIC;
    }

    /** @return whether a report field is an end of a confidence interval */
    static boolean isIntervalBound(String field) {
        return field.equals("lwr") || field.equals("upr") || field.equals("conf_low")
                || field.equals("conf_high");
    }

    /** @return the absolute floor for a report field of a section */
    static double absolute(String section, String field) {
        if ((section.equals("tukey_hsd") || section.equals("games_howell")) && field.equals("p_adj")) {
            return P_FLOOR;
        }
        return 1e-13;
    }

    /** @return whether {@code actual} agrees with {@code expected}; records the relative error */
    public static synchronized boolean agrees(String quantity, double actual, double expected, double relative,
            double absolute) {
        double error = Math.abs(actual - expected);
        if (Math.abs(expected) > absolute) {
            MAX_RELATIVE_ERROR.merge(quantity, error / Math.abs(expected), Math::max);
        }
        return error <= relative * Math.abs(expected) + absolute;
    }

    /** @return the largest relative errors recorded so far, by quantity */
    public static synchronized String summary() {
        StringBuilder text = new StringBuilder("max relative error vs R:\n");
        MAX_RELATIVE_ERROR.forEach((quantity, error) -> text.append(String.format("  %-40s %.3e%n", quantity, error)));
        return text.toString();
    }
}
