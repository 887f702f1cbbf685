// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.distribution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exact null distribution of the Wilcoxon rank-sum (Mann-Whitney) statistic
 * {@code W = sum of the ranks of the first sample - m(m+1)/2} for samples of sizes {@code m} and
 * {@code n} without ties, as R's {@code pwilcox}.
 * <p>
 * The counts of arrangements are built with the recurrence
 * {@code N(u; m, n) = N(u - n; m - 1, n) + N(u; m, n - 1)} (the largest observation belongs to
 * the first or to the second sample). Only additions of positive numbers are involved, so tail
 * probabilities keep full relative accuracy. Cost is of order {@code m^2 n^2 / 4}; intended for
 * {@code m, n < 50}. Distributions are cached per pair of sizes; instances are immutable.
 */
public final class WilcoxonRankSumDistribution {

    private static final Map<Long, WilcoxonRankSumDistribution> CACHE = new ConcurrentHashMap<>();

    private final int m;
    private final int n;
    /** cumulative[u] = P(W <= u). */
    private final double[] cumulative;
    /** survival[u] = P(W >= u). */
    private final double[] survival;

    private WilcoxonRankSumDistribution(int m, int n) {
        this.m = m;
        this.n = n;
        double[] counts = counts(Math.min(m, n), Math.max(m, n));
        double total = 0;
        for (double count : counts) {
            total += count;
        }
        cumulative = new double[counts.length];
        survival = new double[counts.length];
        double sum = 0;
        for (int u = 0; u < counts.length; u++) {
            sum += counts[u];
            cumulative[u] = sum / total;
        }
        sum = 0;
        for (int u = counts.length - 1; u >= 0; u--) {
            sum += counts[u];
            survival[u] = sum / total;
        }
    }

    /**
     * @param m size of the first sample, at least 1
     * @param n size of the second sample, at least 1
     * @return the distribution (shared, cached)
     */
    public static WilcoxonRankSumDistribution of(int m, int n) {
        if (m < 1 || n < 1) {
            throw new IllegalArgumentException("sample sizes must be positive: " + m + ", " + n);
        }
        long key = ((long) m << 32) | n;
        return CACHE.computeIfAbsent(key, k -> new WilcoxonRankSumDistribution(m, n));
    }

    /**
     * @param w a value of the statistic
     * @return {@code P(W <= w)}
     */
    public double cumulativeProbability(double w) {
        double floor = Math.floor(w);
        if (floor < 0) {
            return 0;
        }
        return floor >= cumulative.length - 1 ? 1 : cumulative[(int) floor];
    }

    /**
     * @param w a value of the statistic
     * @return {@code P(W >= w)}
     */
    public double survivalProbabilityInclusive(double w) {
        double ceil = Math.ceil(w);
        if (ceil <= 0) {
            return 1;
        }
        return ceil >= survival.length ? 0 : survival[(int) ceil];
    }

    /**
     * Two-sided p-value as R's {@code wilcox.test} (exact case): twice the smaller tail at the
     * observed statistic, at most 1.
     *
     * @param w the observed statistic
     * @return the p-value
     */
    public double twoSidedPValue(double w) {
        double tail = w > m * (double) n / 2 ? survivalProbabilityInclusive(w) : cumulativeProbability(w);
        return Math.min(2 * tail, 1);
    }

    /** Counts for sizes small <= large, indexed by the statistic. */
    private static double[] counts(int small, int large) {
        double[][] column = new double[small + 1][];
        for (int i = 0; i <= small; i++) {
            column[i] = new double[] {1};
        }
        for (int j = 1; j <= large; j++) {
            for (int i = 1; i <= small; i++) {
                double[] withLargestFirst = column[i - 1];
                double[] withLargestSecond = column[i];
                double[] next = new double[i * j + 1];
                System.arraycopy(withLargestSecond, 0, next, 0, withLargestSecond.length);
                for (int u = 0; u < withLargestFirst.length; u++) {
                    next[u + j] += withLargestFirst[u];
                }
                column[i] = next;
            }
        }
        return column[small];
    }
}
