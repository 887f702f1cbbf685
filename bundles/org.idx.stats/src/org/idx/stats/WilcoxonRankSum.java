// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.idx.stats.distribution.WilcoxonRankSumDistribution;

/**
 * Two-sided Wilcoxon rank-sum (Mann-Whitney) test of two samples, as R's {@code wilcox.test} with
 * its defaults: the exact p-value when both samples have fewer than 50 values and there are no ties,
 * otherwise the normal approximation with continuity correction and tie-corrected variance.
 * The samples are ranked by walking them in sorted order (a merge with mid-ranks where a value
 * occurs in both).
 */
public final class WilcoxonRankSum {

    /** Both samples must be smaller than this for the exact distribution. */
    public static final int EXACT_LIMIT = 50;

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    /**
     * Result of the test.
     *
     * @param w the statistic (rank sum of the first sample minus {@code m(m+1)/2})
     * @param p the two-sided p-value; NaN when all values are identical
     * @param exact whether the exact distribution was used
     */
    public record Result(double w, double p, boolean exact) {
    }

    private WilcoxonRankSum() {
    }

    /**
     * @param x the first sample, sorted ascending, not empty
     * @param y the second sample, sorted ascending, not empty
     * @return the test result
     */
    public static Result testSorted(double[] x, double[] y) {
        return testSorted(x, tieSum(x), y, tieSum(y));
    }

    /**
     * As {@link #testSorted(double[], double[])}, with each sample's own tie sum known.
     *
     * @param x the first sample, sorted ascending, not empty
     * @param xTies sum of {@code t^3 - t} over the runs of equal values in {@code x}
     * @param y the second sample, sorted ascending, not empty
     * @param yTies the same for {@code y}
     * @return the test result
     */
    static Result testSorted(double[] x, double xTies, double[] y, double yTies) {
        double w = countBelow(x, y);
        double tieSum = xTies + yTies;
        if (Double.isNaN(w)) {
            double[] merged = mergedStatistic(x, y);
            w = merged[0];
            tieSum = merged[1];
        }
        int m = x.length;
        int n = y.length;
        if (m < EXACT_LIMIT && n < EXACT_LIMIT && tieSum == 0) {
            return new Result(w, WilcoxonRankSumDistribution.of(m, n).twoSidedPValue(w), true);
        }
        double total = m + (double) n;
        double z = w - m * (double) n / 2;
        double sigma = Math.sqrt(m * (double) n / 12 * (total + 1 - tieSum / (total * (total - 1))));
        double corrected = (z - Math.signum(z) * 0.5) / sigma;
        double p = sigma > 0 ? 2 * NORMAL.cumulativeProbability(-Math.abs(corrected)) : Double.NaN;
        return new Result(w, Math.min(p, 1), false);
    }

    /** @return the sum over runs of equal values of {@code t^3 - t}, for sorted values */
    static double tieSum(double[] sorted) {
        double sum = 0;
        int run = 1;
        for (int i = 1; i <= sorted.length; i++) {
            if (i < sorted.length && sorted[i] == sorted[i - 1]) {
                run++;
            } else {
                sum += (double) run * run * run - run;
                run = 1;
            }
        }
        return sum;
    }

    /**
     * The statistic when no value occurs in both samples: the number of pairs with
     * {@code x > y}.
     *
     * @return the statistic, or NaN if a value of {@code x} also occurs in {@code y}
     */
    private static double countBelow(double[] x, double[] y) {
        int m = x.length;
        int n = y.length;
        int i = 0;
        int j = 0;
        long count = 0;
        boolean shared = false;
        while (i < m && j < n) {
            double xValue = x[i];
            double yValue = y[j];
            shared |= xValue == yValue;
            int yBelow = yValue < xValue ? 1 : 0;
            j += yBelow;
            count += (1 - yBelow) * (long) j;
            i += 1 - yBelow;
        }
        count += (m - i) * (long) n;
        return shared ? Double.NaN : count;
    }

    /** @return {statistic, tie sum of the pooled sample} by a merge with mid-ranks */
    private static double[] mergedStatistic(double[] x, double[] y) {
        int m = x.length;
        int n = y.length;
        double rankSum = 0;
        double tieSum = 0;
        int i = 0;
        int j = 0;
        long position = 0;
        while (i < m || j < n) {
            double value = j >= n || i < m && x[i] <= y[j] ? x[i] : y[j];
            int inX = 0;
            while (i < m && x[i] == value) {
                i++;
                inX++;
            }
            int inY = 0;
            while (j < n && y[j] == value) {
                j++;
                inY++;
            }
            double t = inX + inY;
            rankSum += inX * (position + 0.5 * (t + 1));
            tieSum += t * t * t - t;
            position += inX + inY;
        }
        return new double[] {rankSum - m * (m + 1.0) / 2, tieSum};
    }
}
