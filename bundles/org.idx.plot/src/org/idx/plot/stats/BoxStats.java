// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.stats;

import java.util.Arrays;

/**
 * Box-plot statistics of one group: quartiles by {@link Quantiles#type7 R's type 7} (as
 * ggplot2's {@code geom_boxplot}; base R's {@code boxplot} uses Tukey's hinges instead, which
 * can differ slightly), whiskers at the most extreme values within 1.5 IQR of the box, and
 * the values beyond them as outliers.
 *
 * @param n number of non-NA values
 * @param q1 first quartile
 * @param median median
 * @param q3 third quartile
 * @param lowerWhisker smallest value {@code >= q1 - 1.5 IQR}
 * @param upperWhisker largest value {@code <= q3 + 1.5 IQR}
 * @param outlierRows rows of the values outside the whiskers, ascending
 * @param outlierValues their values, in the same order
 */
public record BoxStats(int n, double q1, double median, double q3, double lowerWhisker, double upperWhisker,
        int[] outlierRows, double[] outlierValues) {

    /** The whisker reach, in interquartile ranges. */
    public static final double WHISKER_IQR = 1.5;

    /** @return the interquartile range {@code q3 - q1} */
    public double iqr() {
        return q3 - q1;
    }

    /**
     * Box statistics per group. Rows with a NaN value or a negative (NA) group code are left
     * out; a group without values gets {@code n = 0} and NaN statistics.
     *
     * @param values the column, NaN for NA
     * @param groupCodes a group code per row, or null for one group
     * @param groupCount the number of groups
     * @return one entry per group
     */
    public static BoxStats[] of(double[] values, int[] groupCodes, int groupCount) {
        int n = values.length;
        int[] start = new int[groupCount + 1];
        for (int i = 0; i < n; i++) {
            int g = group(groupCodes, i, groupCount);
            if (g >= 0 && !Double.isNaN(values[i])) {
                start[g + 1]++;
            }
        }
        for (int g = 0; g < groupCount; g++) {
            start[g + 1] += start[g];
        }
        double[] sorted = new double[start[groupCount]];
        int[] fill = Arrays.copyOf(start, groupCount);
        for (int i = 0; i < n; i++) {
            int g = group(groupCodes, i, groupCount);
            if (g >= 0 && !Double.isNaN(values[i])) {
                sorted[fill[g]++] = values[i];
            }
        }
        BoxStats[] result = new BoxStats[groupCount];
        double[] lowFence = new double[groupCount];
        double[] highFence = new double[groupCount];
        int[] outliers = new int[groupCount];
        for (int g = 0; g < groupCount; g++) {
            int from = start[g];
            int to = start[g + 1];
            Arrays.sort(sorted, from, to);
            lowFence[g] = Double.NaN;
            highFence[g] = Double.NaN;
            if (from == to) {
                result[g] = new BoxStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new int[0],
                        new double[0]);
                continue;
            }
            double q1 = Quantiles.type7(sorted, from, to, 0.25);
            double med = Quantiles.type7(sorted, from, to, 0.5);
            double q3 = Quantiles.type7(sorted, from, to, 0.75);
            double reach = WHISKER_IQR * (q3 - q1);
            lowFence[g] = q1 - reach;
            highFence[g] = q3 + reach;
            int lo = from;
            while (sorted[lo] < lowFence[g]) {
                lo++;
            }
            int hi = to - 1;
            while (sorted[hi] > highFence[g]) {
                hi--;
            }
            outliers[g] = (lo - from) + (to - 1 - hi);
            result[g] = new BoxStats(to - from, q1, med, q3, sorted[lo], sorted[hi], new int[outliers[g]],
                    new double[outliers[g]]);
        }
        int[] next = new int[groupCount];
        for (int i = 0; i < n; i++) {
            int g = group(groupCodes, i, groupCount);
            double v = values[i];
            if (g >= 0 && (v < lowFence[g] || v > highFence[g])) {
                BoxStats s = result[g];
                s.outlierRows[next[g]] = i;
                s.outlierValues[next[g]++] = v;
            }
        }
        return result;
    }

    private static int group(int[] codes, int row, int groupCount) {
        if (codes == null) {
            return 0;
        }
        int g = codes[row];
        return g < groupCount ? g : -1;
    }
}
