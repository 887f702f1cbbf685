// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.examples.platezscore;

import java.util.Arrays;

/**
 * The centre and spread of a set of reference values: mean and sample standard deviation, or
 * median and MAD scaled by 1.4826 (R's {@code mad}). Only finite values count.
 *
 * @param centre the mean or median, NaN when there are no values
 * @param spread the sd or scaled MAD, NaN with fewer than two values
 * @param n      how many values counted
 */
record ReferenceStatistics(double centre, double spread, int n) {

    /** R's {@code mad} constant: makes the MAD a consistent estimator of the sd for normal data. */
    static final double MAD_CONSTANT = 1.4826;

    /**
     * @param values the reference values; the first {@code n} are used; they are reordered when robust
     * @param n      how many values
     * @param robust median and MAD instead of mean and sd
     * @return the statistics
     */
    static ReferenceStatistics of(double[] values, int n, boolean robust) {
        if (n == 0) {
            return new ReferenceStatistics(Double.NaN, Double.NaN, 0);
        }
        if (robust) {
            Arrays.sort(values, 0, n);
            double median = median(values, n);
            double[] deviations = new double[n];
            for (int i = 0; i < n; i++) {
                deviations[i] = Math.abs(values[i] - median);
            }
            Arrays.sort(deviations);
            return new ReferenceStatistics(median, n < 2 ? Double.NaN : MAD_CONSTANT * median(deviations, n), n);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        return new ReferenceStatistics(mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1)), n);
    }

    private static double median(double[] sorted, int n) {
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
