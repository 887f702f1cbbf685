// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.distribution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.numbers.gamma.ErfDifference;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * The distribution of the range of {@code k} independent standard normal variables (the
 * studentized range with infinite degrees of freedom):
 * {@code P(range <= w) = k * integral phi(z) (Phi(z) - Phi(z - w))^(k-1) dz}.
 * <p>
 * Both tails are integrated directly with a composite Gauss-Legendre rule on [-9, 15]; the upper
 * tail uses {@code Phi(z)^(k-1) - (Phi(z) - Phi(z-w))^(k-1)} in a cancellation-free form. For the
 * many evaluations needed by the integral over the variance estimate, {@link #interpolatedTails}
 * reads the logarithm of each tail from a table in {@code log w} (six-point Lagrange
 * interpolation), built once per {@code k}, and {@link #logTail} extends it continuously beyond
 * its ends.
 */
final class RangeDistribution {

    private static final Map<Integer, RangeDistribution> CACHE = new ConcurrentHashMap<>();

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double Z_LOWER_LIMIT = -9;
    // above w = 20 the upper tail comes from z near w / 2: the rule reaches 15 for the table's end (w = 24)
    private static final double Z_UPPER_LIMIT = 15;
    private static final int Z_PANELS = 24;
    private static final GaussLegendre RULE = new GaussLegendre(16);
    private static final double SMALL_RANGE = 0.5;

    private static final double LOG_W_MIN = Math.log(0.01);
    private static final double LOG_W_MAX = Math.log(24);
    private static final double LOG_W_STEP = 0.005;
    private static final int TABLE_SIZE = (int) Math.ceil((LOG_W_MAX - LOG_W_MIN) / LOG_W_STEP) + 1;
    /** log w of the table's last entry (at or just above {@link #LOG_W_MAX}). */
    private static final double LOG_W_MAX_TABLE = LOG_W_MIN + (TABLE_SIZE - 1) * LOG_W_STEP;
    private static final int STENCIL = 6;
    private static final double[] LAGRANGE_DENOMINATORS = lagrangeDenominators();

    private final int means;
    private final double[] z;
    private final double[] weightedDensity;
    private final double[] cdfZ;
    private final double[] survivalZ;
    private final double[] powerCdfZ;

    private volatile double[][] table;
    /** First table index from which the logarithm of the lower tail is finite (set with the table). */
    private int firstFiniteLower;

    private RangeDistribution(int means) {
        this.means = means;
        int nodes = Z_PANELS * RULE.order();
        z = new double[nodes];
        weightedDensity = new double[nodes];
        cdfZ = new double[nodes];
        survivalZ = new double[nodes];
        powerCdfZ = new double[nodes];
        double width = (Z_UPPER_LIMIT - Z_LOWER_LIMIT) / Z_PANELS;
        int index = 0;
        for (int panel = 0; panel < Z_PANELS; panel++) {
            double a = Z_LOWER_LIMIT + panel * width;
            for (int i = 0; i < RULE.order(); i++, index++) {
                double x = RULE.node(i, a, a + width);
                z[index] = x;
                weightedDensity[index] = means * RULE.weight(i, width) * Math.exp(-0.5 * x * x)
                        / Math.sqrt(2 * Math.PI);
                cdfZ[index] = normalCdf(x);
                survivalZ[index] = normalCdf(-x);
                powerCdfZ[index] = Math.pow(cdfZ[index], means - 1);
            }
        }
    }

    /**
     * @param means number of normal variables, at least 2
     * @return the shared instance for that number
     */
    static RangeDistribution of(int means) {
        return CACHE.computeIfAbsent(means, RangeDistribution::new);
    }

    /**
     * Integrates both tails at {@code w > 0}.
     *
     * @param w the range
     * @param out receives {P(range <= w), P(range > w)}
     * @return out
     */
    double[] tails(double w, double[] out) {
        double lower = 0;
        double upper = 0;
        int power = means - 1;
        for (int j = 0; j < z.length; j++) {
            double x = z[j];
            double shifted = x - w;
            double below;
            double window;
            if (shifted < 0) {
                below = normalCdf(shifted);
                window = cdfZ[j] - below;
            } else {
                double above = normalCdf(-shifted);
                below = 1 - above;
                window = above - survivalZ[j];
            }
            if (w < SMALL_RANGE) {
                window = 0.5 * ErfDifference.value(shifted * SQRT_HALF, x * SQRT_HALF);
            }
            if (window > 0) {
                lower += weightedDensity[j] * Math.exp(power * Math.log(window));
            }
            double ratio = below / cdfZ[j];
            double excess = ratio >= 1 ? 1 : -Math.expm1(power * Math.log1p(-ratio));
            upper += weightedDensity[j] * powerCdfZ[j] * excess;
        }
        out[0] = lower;
        out[1] = upper;
        return out;
    }

    /**
     * As {@link #tails}, read from the interpolation table and extended beyond it as
     * {@link #logTail} describes.
     *
     * @param w the range
     * @param out receives {P(range <= w), P(range > w)}
     * @return out
     */
    double[] interpolatedTails(double w, double[] out) {
        double logW = Math.log(w);
        out[0] = Math.exp(logTail(false, logW));
        out[1] = Math.exp(logTail(true, logW));
        return out;
    }

    /**
     * The logarithm of one tail at {@code w = exp(logW)}, read from the interpolation table and
     * extended smoothly beyond it, so that the integrand over the variance estimate is continuous
     * in {@code w} (no jump to 0 at the table's end). Below the table the lower tail is
     * extrapolated as a power of {@code w}; above it the upper tail follows the asymptotic form of
     * {@code P(|Z1 - Z2| > w)}, {@code -(w/2)^2 - log w} up to a constant, matched to the table.
     * The complementary tail is {@code log(1 - exp(other))} there.
     *
     * @param upper true for {@code log P(range > w)}, false for {@code log P(range <= w)}
     * @param logW the logarithm of the range
     * @return the logarithm of the tail probability (finite for finite {@code logW})
     */
    double logTail(boolean upper, double logW) {
        double[][] logTails = table();
        double x = (logW - LOG_W_MIN) / LOG_W_STEP;
        int last = logTails[0].length - 1;
        int start = firstFiniteLower;
        if (x < start) {
            // a power of w below the table or below where the lower tail underflows in it
            double logLower = logTails[0][start] + (logTails[0][start + 1] - logTails[0][start]) * (x - start);
            return upper ? Math.log1p(-Math.exp(logLower)) : logLower;
        }
        if (x >= last) {
            double w = Math.exp(logW);
            double wMax = Math.exp(LOG_W_MAX_TABLE);
            double logUpper = logTails[1][last] - 0.25 * (w * w - wMax * wMax) - (logW - LOG_W_MAX_TABLE);
            return upper ? logUpper : Math.log1p(-Math.exp(logUpper));
        }
        int first = Math.min(Math.max((int) x - STENCIL / 2 + 1, 0), last + 1 - STENCIL);
        double t = x - first;
        double[] values = logTails[upper ? 1 : 0];
        double sum = 0;
        for (int i = 0; i < STENCIL; i++) {
            double value = values[first + i];
            if (value == Double.NEGATIVE_INFINITY) {
                double[] direct = tails(Math.exp(logW), new double[2]);
                return Math.log(direct[upper ? 1 : 0]);
            }
            sum += LAGRANGE_DENOMINATORS[i] * product(t, i) * value;
        }
        return sum;
    }

    /** @return the product of (t - m) over the stencil points m other than i */
    private static double product(double t, int i) {
        double result = 1;
        for (int m = 0; m < STENCIL; m++) {
            if (m != i) {
                result *= t - m;
            }
        }
        return result;
    }

    private static double[] lagrangeDenominators() {
        double[] result = new double[STENCIL];
        for (int i = 0; i < STENCIL; i++) {
            double denominator = 1;
            for (int m = 0; m < STENCIL; m++) {
                if (m != i) {
                    denominator *= i - m;
                }
            }
            result[i] = 1 / denominator;
        }
        return result;
    }

    private double[][] table() {
        double[][] result = table;
        if (result == null) {
            synchronized (this) {
                result = table;
                if (result == null) {
                    result = buildTable();
                    table = result;
                }
            }
        }
        return result;
    }

    private double[][] buildTable() {
        int size = TABLE_SIZE;
        double[][] result = new double[2][size];
        double[] out = new double[2];
        for (int i = 0; i < size; i++) {
            tails(Math.exp(LOG_W_MIN + i * LOG_W_STEP), out);
            result[0][i] = Math.log(out[0]);
            result[1][i] = Math.log(out[1]);
        }
        int first = size - 2;
        while (first > 0 && result[0][first - 1] > Double.NEGATIVE_INFINITY) {
            first--;
        }
        firstFiniteLower = first;
        return result;
    }

    private static double normalCdf(double x) {
        return 0.5 * Erfc.value(-x * SQRT_HALF);
    }
}
