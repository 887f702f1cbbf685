// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

/** Accurate one-sample summaries (two-pass mean and variance). */
final class Descriptive {

    private Descriptive() {
    }

    /** @return the mean, refined by the mean of the residuals as R does */
    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / values.length;
        double residual = 0;
        for (double value : values) {
            residual += value - mean;
        }
        return mean + residual / values.length;
    }

    /** @return the sum of squared deviations from the given mean */
    static double sumOfSquares(double[] values, double mean) {
        double sum = 0;
        for (double value : values) {
            double deviation = value - mean;
            sum += deviation * deviation;
        }
        return sum;
    }

    /** @return the sample variance (denominator n - 1), NaN below two values */
    static double variance(double[] values, double mean) {
        return values.length < 2 ? Double.NaN : sumOfSquares(values, mean) / (values.length - 1);
    }

    /** @return the median of sorted values */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
