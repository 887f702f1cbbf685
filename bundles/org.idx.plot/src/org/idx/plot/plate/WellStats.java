// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.plate;

/**
 * The aggregate of one column over the rows of one well. Empty wells have count 0 and NaN
 * statistics.
 *
 * @param count the number of non-NA values
 * @param mean their mean
 * @param median their median
 * @param sd their sample standard deviation (n - 1 denominator, as R's {@code sd}); NaN for
 *        fewer than 2 values
 * @param cv the coefficient of variation {@code sd / mean} as a fraction; NaN when the mean is 0
 */
public record WellStats(int count, double mean, double median, double sd, double cv) {

    /** The statistic of an empty well. */
    public static final WellStats EMPTY = new WellStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** A per-well statistic to show on the plate map. */
    public enum Statistic {
        /** Number of non-NA values. */
        COUNT,
        /** Mean. */
        MEAN,
        /** Median. */
        MEDIAN,
        /** Sample standard deviation. */
        SD,
        /** Coefficient of variation. */
        CV
    }

    /**
     * @param statistic which statistic
     * @return its value
     */
    public double get(Statistic statistic) {
        return switch (statistic) {
            case COUNT -> count;
            case MEAN -> mean;
            case MEDIAN -> median;
            case SD -> sd;
            case CV -> cv;
        };
    }
}
