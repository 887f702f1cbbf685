// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Classical one-way analysis of variance (equal variances), as R's
 * {@code oneway.test(var.equal = TRUE)} or {@code anova(lm(value ~ group))}.
 */
public final class OneWayAnova {

    /**
     * Result of the test.
     *
     * @param f the F statistic
     * @param df1 numerator degrees of freedom (groups - 1)
     * @param df2 denominator degrees of freedom (values - groups)
     * @param p the p-value
     * @param ssBetween sum of squares between groups
     * @param ssWithin sum of squares within groups (residual)
     */
    public record Result(double f, double df1, double df2, double p, double ssBetween, double ssWithin) {

        /** @return the residual mean square {@code ssWithin / df2} */
        public double meanSquareWithin() {
            return ssWithin / df2;
        }
    }

    private OneWayAnova() {
    }

    /**
     * @param sample the grouped sample
     * @return the test result
     * @throws NotComputableException with fewer than two groups, no residual degrees of freedom or
     *             no variation within groups
     */
    public static Result test(GroupedSample sample) {
        Preconditions.requireGroups(sample, 2, "ANOVA");
        int k = sample.groupCount();
        double n = sample.totalSize();
        if (n <= k) {
            throw new NotComputableException(
                    "ANOVA needs more values than groups: every group has a single value.");
        }
        double grand = 0;
        for (int g = 0; g < k; g++) {
            grand += sample.size(g) * sample.mean(g);
        }
        grand /= n;
        double between = 0;
        double within = 0;
        for (int g = 0; g < k; g++) {
            double deviation = sample.mean(g) - grand;
            between += sample.size(g) * deviation * deviation;
            within += Descriptive.sumOfSquares(sample.sortedValues(g), sample.mean(g));
        }
        if (!(within > 0)) {
            throw new NotComputableException(
                    "ANOVA is undefined: there is no variation within the groups.");
        }
        double df1 = k - 1.0;
        double df2 = n - k;
        double f = (between / df1) / (within / df2);
        double p = FDistribution.of(df1, df2).survivalProbability(f);
        return new Result(f, df1, df2, p, between, within);
    }
}
