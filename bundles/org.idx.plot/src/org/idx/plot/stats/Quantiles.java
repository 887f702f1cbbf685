// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.stats;

/**
 * Sample quantiles by R's default definition, {@code quantile(x, type = 7)}: for sorted
 * {@code x[0..n-1]} and probability p, h = (n - 1) p, and the quantile is
 * {@code (1 - (h - floor h)) x[floor h] + (h - floor h) x[ceil h]}.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * @param sorted values in ascending order, no NaN
     * @param from first index of the range
     * @param to end of the range (exclusive), greater than {@code from}
     * @param p a probability in [0, 1]
     * @return the type-7 quantile of {@code sorted[from..to)}
     */
    public static double type7(double[] sorted, int from, int to, double p) {
        int n = to - from;
        if (n <= 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability outside [0, 1]: " + p);
        }
        double index = (n - 1) * p;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double q = sorted[from + lo];
        double h = index - lo;
        if (hi > lo && sorted[from + hi] != q) {
            q = (1 - h) * q + h * sorted[from + hi];
        }
        return q;
    }

    /**
     * @param sorted values in ascending order, no NaN, at least one
     * @param p a probability in [0, 1]
     * @return the type-7 quantile
     */
    public static double type7(double[] sorted, double p) {
        return type7(sorted, 0, sorted.length, p);
    }
}
