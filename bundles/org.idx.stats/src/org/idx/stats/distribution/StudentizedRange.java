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
 * probability is integrated over the distribution of {@code s}. That outer integral is taken in
 * {@code u = log s}, where the logarithm of the integrand is unimodal: its mode is located by a
 * bounded search, and the integrand is integrated with fixed 16-point Gauss-Legendre panels
 * over the interval where it is within a factor {@code e^40} of its mode. Every loop has a fixed
 * maximum trip count ({@code MAX_EVALUATIONS_PER_TAIL} integrand evaluations per tail), so no
 * input can make a call slow; tails far below the smallest double come out as 0 after the mode
 * search. Both tails are integrated directly (positive integrands), so small upper-tail
 * probabilities keep their relative accuracy instead of being computed as {@code 1 - cdf}
 * (about 1e-5 relative down to 1e-30, within 1% below). As in R, degrees of freedom
 * above {@value #LARGE_DF} are treated as infinite (an error of order 1/df), and {@code df < 2}
 * is not supported (probabilities and quantiles are NaN).
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class StudentizedRange {

    /** Degrees of freedom above which the distribution is evaluated as for infinite df. */
    public static final double LARGE_DF = 25000;

    private static final int OUTER_ORDER = 16;
    private static final GaussLegendre OUTER_RULE = new GaussLegendre(OUTER_ORDER);
    private static final int PANELS_PER_SIDE = 4;
    /** The integrand is integrated to where its log has fallen this much below its mode. */
    private static final double LOG_INTEGRAND_DROP = 40;
    /** A log integrand at the mode below this gives a tail that underflows to 0. */
    private static final double LOG_NEGLIGIBLE = -760;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;
    private static final int GOLDEN_STEPS = 30;
    private static final int MAX_BRACKET_STEPS = 40;
    private static final int REACH_BISECTIONS = 14;
    /**
     * The most integrand evaluations one tail can take: bracket (3 + steps), golden section
     * (2 + steps), two reaches (steps + 1 + bisections each) and the two rules.
     */
    static final int MAX_EVALUATIONS_PER_TAIL = 3 + MAX_BRACKET_STEPS + 2 + GOLDEN_STEPS
            + 2 * (MAX_BRACKET_STEPS + 1 + REACH_BISECTIONS) + 2 * PANELS_PER_SIDE * OUTER_ORDER;

    private final int means;
    private final double df;

    private final RangeDistribution range;
    private final double logDensityConstant;
    /** Step for the searches over u = log s: about the width of the density of u. */
    private final double scale;

    private StudentizedRange(int means, double df) {
        this.means = means;
        this.df = df;
        range = RangeDistribution.of(means);
        if (isFiniteDf()) {
            double halfDf = 0.5 * df;
            logDensityConstant = Math.log(2) + halfDf * Math.log(halfDf) - LogGamma.value(halfDf);
            scale = 1 / Math.sqrt(2 * df);
        } else {
            logDensityConstant = Double.NaN;
            scale = Double.NaN;
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
        TailEvaluation evaluation = evaluate(q);
        return new double[] {evaluation.lower(), evaluation.upper()};
    }

    /**
     * @param q the studentized range
     * @return the tails as {@link #tails} and the number of evaluations of the integrand over the
     *         variance estimate spent on them (0 where no integral is needed)
     */
    TailEvaluation evaluate(double q) {
        if (Double.isNaN(q) || df < 2) {
            return new TailEvaluation(Double.NaN, Double.NaN, 0);
        }
        if (q <= 0) {
            return new TailEvaluation(0, 1, 0);
        }
        if (q == Double.POSITIVE_INFINITY) {
            return new TailEvaluation(1, 0, 0);
        }
        TailEvaluation raw;
        if (isFiniteDf()) {
            raw = studentizedTails(q);
        } else {
            double[] infinite = range.interpolatedTails(q, new double[2]);
            raw = new TailEvaluation(infinite[0], infinite[1], 0);
        }
        double lower = Math.min(1, Math.max(0, raw.lower()));
        double upper = Math.min(1, Math.max(0, raw.upper()));
        if (lower < upper) {
            upper = 1 - lower;
        } else {
            lower = 1 - upper;
        }
        return new TailEvaluation(lower, upper, raw.evaluations());
    }

    private boolean isFiniteDf() {
        return df <= LARGE_DF;
    }

    /**
     * Integrates both tails over the distribution of {@code s} with bounded work.
     *
     * @param q the studentized range, positive and finite
     * @return {lower tail, upper tail} and the number of integrand evaluations used
     */
    private TailEvaluation studentizedTails(double q) {
        TailIntegral lower = new TailIntegral(Math.log(q), false);
        TailIntegral upper = new TailIntegral(Math.log(q), true);
        double lowerTail = lower.integrate();
        double upperTail = upper.integrate();
        return new TailEvaluation(lowerTail, upperTail, lower.evaluations + upper.evaluations);
    }

    /**
     * Both tails at one {@code q} and the number of evaluations of the integrand over {@code s}
     * that produced them.
     */
    record TailEvaluation(double lower, double upper, int evaluations) {
    }

    /**
     * The integral over {@code u = log s} of {@code density(u) * tail(q e^u)} for one tail. The
     * logarithm of the integrand is unimodal (a sum of concave functions of {@code u}): its mode
     * is bracketed and refined by golden-section search, the integration interval extends from
     * the mode to where the integrand has fallen by {@value #LOG_INTEGRAND_DROP} in log on each
     * side, and each side is integrated by a fixed composite Gauss-Legendre rule
     * ({@value #PANELS_PER_SIDE} panels of {@code OUTER_RULE.order()} points). Every loop has a
     * fixed maximum trip count, so the work per call is bounded by {@link #MAX_EVALUATIONS}.
     */
    private final class TailIntegral {

        private final double logQ;
        private final boolean upper;
        private int evaluations;

        TailIntegral(double logQ, boolean upper) {
            this.logQ = logQ;
            this.upper = upper;
        }

        /** @return log of the integrand at u = log s */
        private double logIntegrand(double u) {
            evaluations++;
            return logDensityOfLogS(u) + range.logTail(upper, logQ + u);
        }

        double integrate() {
            // bracket the mode, walking uphill from the mode of the density (u = 0)
            double step = scale;
            double b = 0;
            double hb = logIntegrand(b);
            double c = step;
            double hc = logIntegrand(c);
            if (hc < hb) {
                step = -step;
                c = step;
                hc = logIntegrand(c);
            }
            double a = b;
            if (hc < hb) {
                a = -step;
                c = step;
            } else {
                a = b;
                b = c;
                hb = hc;
                for (int i = 0; i < MAX_BRACKET_STEPS; i++) {
                    step *= 2;
                    c = b + step;
                    hc = logIntegrand(c);
                    if (hc < hb) {
                        break;
                    }
                    a = b;
                    b = c;
                    hb = hc;
                }
            }
            double lo = Math.min(a, c);
            double hi = Math.max(a, c);
            // golden-section search of the mode in [lo, hi]
            double x1 = hi - GOLDEN * (hi - lo);
            double x2 = lo + GOLDEN * (hi - lo);
            double h1 = logIntegrand(x1);
            double h2 = logIntegrand(x2);
            for (int i = 0; i < GOLDEN_STEPS; i++) {
                if (h1 >= h2) {
                    hi = x2;
                    x2 = x1;
                    h2 = h1;
                    x1 = hi - GOLDEN * (hi - lo);
                    h1 = logIntegrand(x1);
                } else {
                    lo = x1;
                    x1 = x2;
                    h1 = h2;
                    x2 = lo + GOLDEN * (hi - lo);
                    h2 = logIntegrand(x2);
                }
            }
            double mode = h1 >= h2 ? x1 : x2;
            double peak = Math.max(h1, h2);
            if (!(peak > LOG_NEGLIGIBLE)) {
                // below the smallest double even before integrating (or NaN): nothing to add
                return 0;
            }
            double left = mode - reach(mode, peak, -1);
            double right = mode + reach(mode, peak, 1);
            return rule(left, mode, peak) + rule(mode, right, peak);
        }

        /** @return the distance from the mode, on the given side, where the log falls by the drop */
        private double reach(double mode, double peak, int side) {
            double inside = 0;
            double outside = scale;
            int i = 0;
            while (peak - logIntegrand(mode + side * outside) < LOG_INTEGRAND_DROP && i++ < MAX_BRACKET_STEPS) {
                inside = outside;
                outside *= 2;
            }
            for (int j = 0; j < REACH_BISECTIONS; j++) {
                double mid = 0.5 * (inside + outside);
                if (peak - logIntegrand(mode + side * mid) < LOG_INTEGRAND_DROP) {
                    inside = mid;
                } else {
                    outside = mid;
                }
            }
            return outside;
        }

        /** Composite Gauss-Legendre rule on [a, b], the integrand scaled by exp(-peak) inside. */
        private double rule(double a, double b, double peak) {
            double width = (b - a) / PANELS_PER_SIDE;
            double sum = 0;
            for (int panel = 0; panel < PANELS_PER_SIDE; panel++) {
                double from = a + panel * width;
                for (int i = 0; i < OUTER_RULE.order(); i++) {
                    double u = OUTER_RULE.node(i, from, from + width);
                    sum += OUTER_RULE.weight(i, width) * Math.exp(logIntegrand(u) - peak);
                }
            }
            return sum * Math.exp(peak);
        }
    }

    /** Log density of u = log(s) where df * s^2 is chi-square(df). */
    private double logDensityOfLogS(double u) {
        return logDensityConstant + df * u - 0.5 * df * Math.exp(2 * u);
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
