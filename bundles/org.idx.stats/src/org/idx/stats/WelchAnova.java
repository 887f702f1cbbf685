// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import org.apache.commons.statistics.distribution.FDistribution;

/** Welch's one-way analysis of variance (unequal variances), as R's {@code oneway.test}. */
public final class WelchAnova {

    /**
     * Result of the test.
     *
     * @param f the F statistic
     * @param df1 numerator degrees of freedom
     * @param df2 denominator degrees of freedom (Welch approximation)
     * @param p the p-value
     */
    public record Result(double f, double df1, double df2, double p) {
    }

    private WelchAnova() {
    }

    /**
     * @param sample the grouped sample
     * @return the test result
     * @throws NotComputableException with fewer than two groups, a group of one value or a group
     *             without variance
     */
    public static Result test(GroupedSample sample) {
        Preconditions.requireGroups(sample, 2, "Welch's ANOVA");
        Preconditions.requireVariance(sample, "Welch's ANOVA");
        int k = sample.groupCount();
        double[] weight = new double[k];
        double sumWeight = 0;
        double weightedMean = 0;
        for (int g = 0; g < k; g++) {
            weight[g] = sample.size(g) / sample.variance(g);
            sumWeight += weight[g];
            weightedMean += weight[g] * sample.mean(g);
        }
        weightedMean /= sumWeight;
        double between = 0;
        double tmp = 0;
        for (int g = 0; g < k; g++) {
            double deviation = sample.mean(g) - weightedMean;
            between += weight[g] * deviation * deviation;
            double share = 1 - weight[g] / sumWeight;
            tmp += share * share / (sample.size(g) - 1);
        }
        tmp /= k * (double) k - 1;
        double df1 = k - 1.0;
        double f = between / (df1 * (1 + 2 * (k - 2) * tmp));
        double df2 = 1 / (3 * tmp);
        return new Result(f, df1, df2, FDistribution.of(df1, df2).survivalProbability(f));
    }
}
