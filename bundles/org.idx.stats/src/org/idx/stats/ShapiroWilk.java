// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Shapiro-Wilk normality test, Royston's (1995) algorithm AS R94 as used by R's
 * {@code shapiro.test}: coefficients from normal scores with Royston's polynomial corrections for
 * the two extreme ones, W as the squared correlation of the ordered sample with the coefficients,
 * and the p-value from Royston's normalising transformations (exact for n = 3).
 * Defined for 3 to 5000 values that are not all identical.
 */
public final class ShapiroWilk {

    /** Smallest sample size. */
    public static final int MIN_SIZE = 3;
    /** Largest sample size. */
    public static final int MAX_SIZE = 5000;

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private static final double[] C1 = {0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056};
    private static final double[] C2 = {0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633};
    private static final double[] GAMMA = {-2.273, 0.459};
    private static final double[] MEAN_SMALL = {0.544, -0.39978, 0.025054, -6.714e-4};
    private static final double[] LOG_SD_SMALL = {1.3822, -0.77857, 0.062767, -0.0020322};
    private static final double[] MEAN_LARGE = {-1.5861, -0.31082, -0.083751, 0.0038915};
    private static final double[] LOG_SD_LARGE = {-0.4803, -0.082676, 0.0030302};

    /**
     * Result of the test.
     *
     * @param w the W statistic
     * @param p the p-value
     */
    public record Result(double w, double p) {
    }

    private ShapiroWilk() {
    }

    /**
     * @param values the sample (no NaN)
     * @return the test result
     * @throws NotComputableException for fewer than 3 or more than 5000 values, or identical values
     */
    public static Result test(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return testSorted(sorted);
    }

    /**
     * @param sorted the sample, sorted ascending
     * @return the test result
     * @throws NotComputableException as {@link #test}
     */
    static Result testSorted(double[] sorted) {
        int n = sorted.length;
        if (n < MIN_SIZE || n > MAX_SIZE) {
            throw new NotComputableException(
                    "Shapiro-Wilk needs between 3 and 5000 values, the group has " + n + ".");
        }
        double range = sorted[n - 1] - sorted[0];
        double scale = Math.max(Math.abs(sorted[0]), Math.abs(sorted[n - 1]));
        if (!(range > 1e-10 * scale) || range == 0) {
            throw new NotComputableException("Shapiro-Wilk is undefined: all values are identical.");
        }
        double[] a = coefficients(n);
        double mean = Descriptive.mean(sorted);
        double sax = 0;
        double ssa = 0;
        double ssx = 0;
        for (int i = 0; i < n; i++) {
            int half = Math.min(i, n - 1 - i);
            double coefficient = half == a.length ? 0 : i < n - 1 - i ? -a[half] : a[half];
            double deviation = sorted[i] - mean;
            sax += coefficient * deviation;
            ssa += coefficient * coefficient;
            ssx += deviation * deviation;
        }
        double root = Math.sqrt(ssa * ssx);
        double oneMinusW = (root - sax) * (root + sax) / (ssa * ssx);
        double w = 1 - oneMinusW;
        return new Result(w, pValue(n, w, oneMinusW));
    }

    /** @return the coefficients a[0..n/2) for the pairs (x[n-1-i], x[i]), all positive */
    private static double[] coefficients(int n) {
        int half = n / 2;
        double[] a = new double[half];
        if (n == 3) {
            a[0] = Math.sqrt(0.5);
            return a;
        }
        double[] m = new double[half];
        double summ2 = 0;
        for (int i = 0; i < half; i++) {
            m[i] = NORMAL.inverseCumulativeProbability((i + 1 - 0.375) / (n + 0.25));
            summ2 += m[i] * m[i];
        }
        summ2 *= 2;
        double ssumm2 = Math.sqrt(summ2);
        double rsn = 1 / Math.sqrt(n);
        double a1 = polynomial(C1, rsn) - m[0] / ssumm2;
        int first;
        double fac;
        if (n > 5) {
            first = 2;
            double a2 = -m[1] / ssumm2 + polynomial(C2, rsn);
            fac = Math.sqrt((summ2 - 2 * m[0] * m[0] - 2 * m[1] * m[1])
                    / (1 - 2 * a1 * a1 - 2 * a2 * a2));
            a[1] = a2;
        } else {
            first = 1;
            fac = Math.sqrt((summ2 - 2 * m[0] * m[0]) / (1 - 2 * a1 * a1));
        }
        a[0] = a1;
        for (int i = first; i < half; i++) {
            a[i] = -m[i] / fac;
        }
        return a;
    }

    private static double pValue(int n, double w, double oneMinusW) {
        if (n == 3) {
            double p = 6 / Math.PI * (Math.asin(Math.sqrt(w)) - Math.asin(Math.sqrt(0.75)));
            return Math.max(p, 0);
        }
        double y = Math.log(oneMinusW);
        double mean;
        double sd;
        if (n <= 11) {
            double gamma = polynomial(GAMMA, n);
            if (y >= gamma) {
                return 1e-99;
            }
            y = -Math.log(gamma - y);
            mean = polynomial(MEAN_SMALL, n);
            sd = Math.exp(polynomial(LOG_SD_SMALL, n));
        } else {
            double logN = Math.log(n);
            mean = polynomial(MEAN_LARGE, logN);
            sd = Math.exp(polynomial(LOG_SD_LARGE, logN));
        }
        return NORMAL.survivalProbability((y - mean) / sd);
    }

    private static double polynomial(double[] coefficients, double x) {
        double result = 0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            result = result * x + coefficients[i];
        }
        return result;
    }
}
