// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

/**
 * Summary statistics of a {@link NumericColumn}, over its non-NA values.
 *
 * @param naCount the number of NA values
 * @param min     the smallest value, NaN when there is none
 * @param max     the largest value, NaN when there is none
 * @param mean    the arithmetic mean, NaN when there is none (compensated sum plus a residual
 *                pass, as R's {@code mean})
 */
public record NumericSummary(int naCount, double min, double max, double mean) {

    /**
     * Computes the summary of a column.
     *
     * @param column the column
     * @return its summary
     */
    public static NumericSummary of(NumericColumn column) {
        int na = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double compensation = 0;
        int n = column.size();
        for (int row = 0; row < n; row++) {
            if (column.isNA(row)) {
                na++;
                continue;
            }
            double v = column.value(row);
            min = Math.min(min, v);
            max = Math.max(max, v);
            double y = v - compensation; // Kahan summation keeps the mean accurate on 10^7 rows
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        int count = n - na;
        if (count == 0) {
            return new NumericSummary(na, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / count;
        if (Double.isFinite(mean)) { // second pass as R's mean(): add the mean residual
            double residual = 0;
            for (int row = 0; row < n; row++) {
                if (!column.isNA(row)) {
                    residual += column.value(row) - mean;
                }
            }
            mean += residual / count;
        }
        return new NumericSummary(na, min, max, mean);
    }
}
