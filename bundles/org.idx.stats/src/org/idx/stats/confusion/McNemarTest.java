// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.confusion;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * McNemar's test of marginal homogeneity of a square table, as R's {@code mcnemar.test} (which
 * caret's {@code confusionMatrix} calls): for k classes the statistic is the sum over pairs i &lt; j
 * of (n<sub>ij</sub> - n<sub>ji</sub>)<sup>2</sup> / (n<sub>ij</sub> + n<sub>ji</sub>), chi-square
 * with k(k - 1)/2 degrees of freedom; for 2 x 2 tables with n<sub>12</sub> &ne; n<sub>21</sub> the
 * continuity correction (|n<sub>12</sub> - n<sub>21</sub>| - 1)<sup>2</sup> / (n<sub>12</sub> +
 * n<sub>21</sub>) is used. The test is undefined (NaN, as R) when some pair of cells off the
 * diagonal is empty on both sides.
 */
public final class McNemarTest {

    private McNemarTest() {
    }

    /**
     * @param table a table of at least 2 x 2
     * @return the statistic, NaN when undefined
     */
    public static double statistic(ConfusionMatrix table) {
        int k = table.size();
        if (k < 2) {
            throw new IllegalArgumentException("McNemar's test needs at least a 2 x 2 table");
        }
        boolean corrected = k == 2 && table.count(0, 1) != table.count(1, 0);
        double statistic = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double upper = table.count(i, j);
                double lower = table.count(j, i);
                double difference = corrected ? Math.abs(upper - lower) - 1 : upper - lower;
                statistic += difference * difference / (upper + lower); // 0/0 = NaN, as R
            }
        }
        return statistic;
    }

    /**
     * @param table a table of at least 2 x 2
     * @return the degrees of freedom, k(k - 1)/2
     */
    public static int degreesOfFreedom(ConfusionMatrix table) {
        return table.size() * (table.size() - 1) / 2;
    }

    /**
     * @param table a table of at least 2 x 2
     * @return the p-value, NaN when undefined
     */
    public static double pValue(ConfusionMatrix table) {
        double statistic = statistic(table);
        if (Double.isNaN(statistic)) {
            return Double.NaN;
        }
        return ChiSquaredDistribution.of(degreesOfFreedom(table)).survivalProbability(statistic);
    }
}
