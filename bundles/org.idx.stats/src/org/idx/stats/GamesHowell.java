// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.util.List;

import org.idx.stats.distribution.StudentizedRange;

/**
 * Games-Howell post-hoc test (unequal variances), as {@code rstatix::games_howell_test}: for each
 * pair a Welch t statistic with Welch-Satterthwaite degrees of freedom, its p-value and 95%
 * interval from the studentized range distribution for all groups.
 */
public final class GamesHowell {

    /** Family-wise confidence level of the intervals. */
    public static final double CONFIDENCE = 0.95;

    /**
     * One pair.
     *
     * @param group1 the first group's name
     * @param group2 the second group's name
     * @param estimate {@code mean(group2) - mean(group1)}
     * @param confLow lower end of the 95% interval
     * @param confHigh upper end of the interval
     * @param t the Welch t statistic, {@code |estimate| / sqrt(var1/n1 + var2/n2)}
     * @param df Welch-Satterthwaite degrees of freedom
     * @param pAdj the adjusted p-value
     */
    public record Comparison(String group1, String group2, double estimate, double confLow,
            double confHigh, double t, double df, double pAdj) {
    }

    private GamesHowell() {
    }

    /**
     * Pairs where a group has fewer than two values, no variance, or where the degrees of freedom
     * are below 2 (R's {@code ptukey} is undefined there) get NaN p-values and intervals.
     *
     * @param sample the grouped sample
     * @return the comparisons in {@link GroupPair} order
     * @throws NotComputableException with fewer than two groups
     */
    public static List<Comparison> test(GroupedSample sample) {
        Preconditions.requireGroups(sample, 2, "The Games-Howell test");
        int k = sample.groupCount();
        return GroupPair.all(k).parallelStream().map(pair -> compare(sample, k, pair)).toList();
    }

    private static Comparison compare(GroupedSample sample, int k, GroupPair pair) {
        int i = pair.first();
        int j = pair.second();
        double estimate = sample.mean(j) - sample.mean(i);
        double vi = sample.variance(i) / sample.size(i);
        double vj = sample.variance(j) / sample.size(j);
        double sum = vi + vj;
        double t = Math.abs(estimate) / Math.sqrt(sum);
        double df = sum * sum / (vi * vi / (sample.size(i) - 1) + vj * vj / (sample.size(j) - 1));
        double p = Double.NaN;
        double halfWidth = Double.NaN;
        if (df >= 2 && sum > 0) {
            StudentizedRange range = StudentizedRange.of(k, df);
            p = range.survivalProbability(t * Math.sqrt(2));
            halfWidth = range.inverseCumulativeProbability(CONFIDENCE) * Math.sqrt(sum / 2);
        }
        return new Comparison(sample.name(i), sample.name(j), estimate, estimate - halfWidth,
                estimate + halfWidth, t, df, p);
    }
}
