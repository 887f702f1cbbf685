// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/** Kruskal-Wallis rank-sum test with the correction for ties, as R's {@code kruskal.test}. */
public final class KruskalWallis {

    /**
     * Result of the test.
     *
     * @param h the tie-corrected H statistic
     * @param df degrees of freedom (groups - 1)
     * @param p the p-value (chi-square upper tail)
     */
    public record Result(double h, double df, double p) {
    }

    private KruskalWallis() {
    }

    /**
     * @param sample the grouped sample
     * @return the test result
     * @throws NotComputableException with fewer than two groups or when all values are identical
     */
    public static Result test(GroupedSample sample) {
        Preconditions.requireGroups(sample, 2, "The Kruskal-Wallis test");
        Ranking ranking = Ranking.of(sample);
        double n = ranking.size();
        double sum = 0;
        for (int g = 0; g < sample.groupCount(); g++) {
            double rankSum = ranking.rankSum(sample.sortedValues(g));
            sum += rankSum * rankSum / sample.size(g);
        }
        double correction = 1 - ranking.tieSum() / (n * n * n - n);
        if (!(correction > 0)) {
            throw new NotComputableException(
                    "The Kruskal-Wallis test is undefined: all values are identical.");
        }
        double h = (12 * sum / (n * (n + 1)) - 3 * (n + 1)) / correction;
        double df = sample.groupCount() - 1.0;
        return new Result(h, df, ChiSquaredDistribution.of(df).survivalProbability(h));
    }
}
