// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.distribution;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The studentized range distribution: the distribution of {@code (max - min) / s} for
 * {@code nmeans} independent standard normal variables and an independent {@code s} with
 * {@code df * s^2 ~ chi-square(df)}. This is the distribution of R's {@code ptukey} and
 * {@code qtukey} (with {@code nranges = 1}).
 * <p>
 * The probability is computed as in Copenhaver and Holland (1988): for infinite degrees of freedom
 * an integral over the standard normal density of the probability that all other means fall in a
 * window of width {@code w} ({@link RangeDistribution}); for finite degrees of freedom that
 * probability is integrated over the distribution of {@code s} (adaptive Gauss-Legendre in
 * {@code log s}). Both tails are integrated directly (positive integrands), so small upper-tail
 * probabilities keep their relative accuracy instead of being computed as {@code 1 - cdf}; the
 * relative accuracy is about 1e-8 for probabilities above 1e-12. As in R, degrees of freedom above
 * {@value #LARGE_DF} are treated as infinite (an error of order 1/df), and {@code df < 2} is not
 * supported (probabilities and quantiles are NaN).
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class StudentizedRange {

    /** Degrees of freedom above which the distribution is evaluated as for infinite df. */
    public static final double LARGE_DF = 25000;

    private static final GaussLegendre OUTER_RULE = new GaussLegendre(10);
    private static final int OUTER_PANELS = 4;
    private static final int MAX_DEPTH = 30;
    private static final double RELATIVE_TOLERANCE = 1e-8;
    private static final double LOG_DENSITY_CUTOFF = 46;

    private final int means;
    private final double df;

    private final RangeDistribution range;
    private final double logDensityConstant;
    private final double uLow;
    private final double uHigh;

    private StudentizedRange(int means, double df) {
        this.means = means;
        this.df = df;
        range = RangeDistribution.of(means);
        if (isFiniteDf()) {
            double halfDf = 0.5 * df;
            logDensityConstant = Math.log(2) + halfDf * Math.log(halfDf) - LogGamma.value(halfDf);
            uLow = densityBound(-1);
            uHigh = densityBound(1);
        } else {
            logDensityConstant = Double.NaN;
            uLow = Double.NaN;
            uHigh = Double.NaN;
        }
    }

    /**
     * @param nmeans number of means compared, at least 2
     * @param df degrees of freedom of the variance estimate ({@code > 0}; infinite allowed; below 2
     *            all probabilities are NaN, as in R)
     * @return the distribution
     * @throws IllegalArgumentException if {@code nmeans < 2} or {@code df} is not positive
     */
    public static StudentizedRange of(int nmeans, double df) {
        if (nmeans < 2) {
            throw new IllegalArgumentException("nmeans must be at least 2: " + nmeans);
        }
        if (!(df > 0)) {
            throw new IllegalArgumentException("df must be positive: " + df);
        }
        return new StudentizedRange(nmeans, df);
    }

    /** @return the number of means */
    public int nmeans() {
        return means;
    }

    /** @return the degrees of freedom */
    public double df() {
        return df;
    }

    /**
     * @param q the studentized range
     * @return {@code P(Q <= q)}, as R's {@code ptukey(q, nmeans, df)}
     */
    public double cumulativeProbability(double q) {
        return tails(q)[0];
    }

    /**
     * @param q the studentized range
     * @return {@code P(Q > q)}, as R's {@code ptukey(q, nmeans, df, lower.tail = FALSE)}, with
     *         relative accuracy kept for small probabilities
     */
    public double survivalProbability(double q) {
        return tails(q)[1];
    }

    /**
     * @param p a probability
     * @return the {@code q} with {@code P(Q <= q) = p}, as R's {@code qtukey(p, nmeans, df)}
     */
    public double inverseCumulativeProbability(double p) {
        if (!(p >= 0 && p <= 1) || df < 2) {
            return Double.NaN;
        }
        if (p == 0) {
            return 0;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        return new QuantileSearch(this, p).solve(initialGuess(p));
    }

    /**
     * Starts from the quantile for infinite df (cheap: no integral over the variance estimate),
     * corrected as the normal quantile is towards Student's t.
     */
    private double initialGuess(double p) {
        double alpha = Math.min(1 - p, 0.5);
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha / (means * (means - 1.0)));
        double guess = Math.sqrt(2) * Math.max(z, 0.1);
        if (!isFiniteDf()) {
            return guess;
        }
        double infinite = new QuantileSearch(of(means, Double.POSITIVE_INFINITY), p).solve(guess);
        return infinite * (1 + (infinite * infinite / 2 + 1) / (4 * df));
    }

    /**
     * @param q the studentized range
     * @return {lower tail, upper tail}; both NaN where undefined
     */
    double[] tails(double q) {
        if (Double.isNaN(q) || df < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (q <= 0) {
            return new double[] {0, 1};
        }
        if (q == Double.POSITIVE_INFINITY) {
            return new double[] {1, 0};
        }
        double[] result = isFiniteDf() ? studentizedTails(q) : range.interpolatedTails(q, new double[2]);
        double lower = Math.min(1, Math.max(0, result[0]));
        double upper = Math.min(1, Math.max(0, result[1]));
        if (lower < upper) {
            upper = 1 - lower;
        } else {
            lower = 1 - upper;
        }
        return new double[] {lower, upper};
    }

    private boolean isFiniteDf() {
        return df <= LARGE_DF;
    }

    private double[] studentizedTails(double q) {
        double width = (uHigh - uLow) / OUTER_PANELS;
        double[][] panels = new double[OUTER_PANELS][];
        double[] estimate = new double[2];
        for (int i = 0; i < OUTER_PANELS; i++) {
            double a = uLow + i * width;
            panels[i] = outerRule(q, a, a + width);
            estimate[0] += panels[i][0];
            estimate[1] += panels[i][1];
        }
        double[] tolerance = {RELATIVE_TOLERANCE * estimate[0], RELATIVE_TOLERANCE * estimate[1]};
        double[] total = new double[2];
        for (int i = 0; i < OUTER_PANELS; i++) {
            double a = uLow + i * width;
            adapt(q, a, a + width, panels[i], tolerance, 0, total);
        }
        return total;
    }

    private void adapt(double q, double a, double b, double[] coarse, double[] tolerance, int depth,
            double[] total) {
        double mid = 0.5 * (a + b);
        double[] left = outerRule(q, a, mid);
        double[] right = outerRule(q, mid, b);
        double fine0 = left[0] + right[0];
        double fine1 = left[1] + right[1];
        boolean converged = Math.abs(fine0 - coarse[0]) <= tolerance[0]
                && Math.abs(fine1 - coarse[1]) <= tolerance[1];
        if (converged || depth >= MAX_DEPTH) {
            total[0] += fine0;
            total[1] += fine1;
            return;
        }
        adapt(q, a, mid, left, tolerance, depth + 1, total);
        adapt(q, mid, b, right, tolerance, depth + 1, total);
    }

    /** Gauss-Legendre rule over u = log(s) in [a, b] of density(s) * s * tails(q * s). */
    private double[] outerRule(double q, double a, double b) {
        double[] sum = new double[2];
        double[] inner = new double[2];
        double length = b - a;
        for (int i = 0; i < OUTER_RULE.order(); i++) {
            double u = OUTER_RULE.node(i, a, b);
            double weight = OUTER_RULE.weight(i, length) * Math.exp(logDensityOfLogS(u));
            if (weight == 0) {
                continue;
            }
            range.interpolatedTails(q * Math.exp(u), inner);
            sum[0] += weight * inner[0];
            sum[1] += weight * inner[1];
        }
        return sum;
    }

    /** Log density of u = log(s) where df * s^2 is chi-square(df). */
    private double logDensityOfLogS(double u) {
        return logDensityConstant + df * u - 0.5 * df * Math.exp(2 * u);
    }

    /** @return the u on the given side of the mode where the log density has fallen by the cutoff */
    private double densityBound(int side) {
        double peak = logDensityOfLogS(0);
        double inside = 0;
        double outside = side;
        while (peak - logDensityOfLogS(outside) < LOG_DENSITY_CUTOFF) {
            outside *= 2;
        }
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (inside + outside);
            if (peak - logDensityOfLogS(mid) < LOG_DENSITY_CUTOFF) {
                inside = mid;
            } else {
                outside = mid;
            }
        }
        return outside;
    }

    /** Root search on the logarithm of the smaller tail. */
    private static final class QuantileSearch {

        private final StudentizedRange distribution;
        private final boolean upper;
        private final double logTarget;

        QuantileSearch(StudentizedRange distribution, double p) {
            this.distribution = distribution;
            this.upper = p > 0.5;
            this.logTarget = Math.log(upper ? 1 - p : p);
        }

        /** Increasing in q; zero at the quantile. */
        double excess(double q) {
            double[] tails = distribution.tails(q);
            return upper ? logTarget - Math.log(tails[1]) : Math.log(tails[0]) - logTarget;
        }

        /** Secant iteration, kept inside the bracket of a sign change once one is known. */
        double solve(double guess) {
            double below = 0;
            double above = Double.POSITIVE_INFINITY;
            double x0 = guess;
            double f0 = excess(x0);
            double x1 = guess * (f0 > 0 ? 0.98 : 1.02);
            for (int i = 0; i < 100; i++) {
                if (f0 < 0) {
                    below = Math.max(below, x0);
                } else {
                    above = Math.min(above, x0);
                }
                double f1 = excess(x1);
                if (Math.abs(f1) < 1e-11 || Double.isNaN(f1)) {
                    return x1;
                }
                if (f1 < 0) {
                    below = Math.max(below, x1);
                } else {
                    above = Math.min(above, x1);
                }
                double next = x1 - f1 * (x1 - x0) / (f1 - f0);
                if (!(next > below && next < above)) {
                    next = above == Double.POSITIVE_INFINITY ? 2 * x1 : 0.5 * (below + above);
                }
                if (Math.abs(next - x1) <= 1e-12 * x1) {
                    return next;
                }
                x0 = x1;
                f0 = f1;
                x1 = next;
            }
            return x1;
        }
    }
}
