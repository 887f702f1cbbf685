// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/** Bartlett's test of homogeneity of variances, as R's {@code bartlett.test}. */
public final class BartlettTest {

    /**
     * Result of the test.
     *
     * @param statistic Bartlett's K-squared
     * @param df degrees of freedom (groups - 1)
     * @param p the p-value (chi-square upper tail)
     */
    public record Result(double statistic, double df, double p) {
    }

    private BartlettTest() {
    }

    /**
     * @param sample the grouped sample
     * @return the test result
     * @throws NotComputableException with fewer than two groups, a group of fewer than two values or
     *             a group without variance
     */
    public static Result test(GroupedSample sample) {
        int k = sample.groupCount();
        Preconditions.requireGroups(sample, 2, "Bartlett's test");
        Preconditions.requireVariance(sample, "Bartlett's test");
        double n = 0;
        double pooled = 0;
        double sumLog = 0;
        double sumReciprocal = 0;
        for (int g = 0; g < k; g++) {
            double df = sample.size(g) - 1.0;
            n += df;
            pooled += df * sample.variance(g);
            sumLog += df * Math.log(sample.variance(g));
            sumReciprocal += 1 / df;
        }
        pooled /= n;
        double statistic = (n * Math.log(pooled) - sumLog)
                / (1 + (sumReciprocal - 1 / n) / (3.0 * (k - 1)));
        double df = k - 1.0;
        return new Result(statistic, df, ChiSquaredDistribution.of(df).survivalProbability(statistic));
    }
}
