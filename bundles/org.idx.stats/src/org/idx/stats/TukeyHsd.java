// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.util.List;

import org.idx.stats.distribution.StudentizedRange;

/**
 * Tukey's honest significant differences (Tukey-Kramer for unequal group sizes), as R's
 * {@code TukeyHSD(aov(value ~ group))}: the residual mean square of the one-way ANOVA as the common
 * variance, family-wise confidence intervals and p-values from the studentized range distribution.
 */
public final class TukeyHsd {

    /** Family-wise confidence level of the intervals. */
    public static final double CONFIDENCE = 0.95;

    /**
     * One pair.
     *
     * @param group1 the first group's name
     * @param group2 the second group's name
     * @param diff {@code mean(group2) - mean(group1)}
     * @param lwr lower end of the family-wise 95% interval
     * @param upr upper end of the interval
     * @param pAdj the adjusted p-value
     */
    public record Comparison(String group1, String group2, double diff, double lwr, double upr,
            double pAdj) {
    }

    private TukeyHsd() {
    }

    /**
     * @param sample the grouped sample
     * @param anova the one-way ANOVA of the same sample
     * @return the comparisons in {@link GroupPair} order
     * @throws NotComputableException when the studentized range is undefined (df below 2)
     */
    public static List<Comparison> test(GroupedSample sample, OneWayAnova.Result anova) {
        if (anova.df2() < 2) {
            throw new NotComputableException("Tukey's HSD needs at least 2 residual degrees of "
                    + "freedom (values minus groups), there " + (anova.df2() == 1 ? "is 1." : "are 0."));
        }
        StudentizedRange range = StudentizedRange.of(sample.groupCount(), anova.df2());
        double critical = range.inverseCumulativeProbability(CONFIDENCE);
        double mse = anova.meanSquareWithin();
        return GroupPair.all(sample.groupCount()).parallelStream().map(pair -> {
            int i = pair.first();
            int j = pair.second();
            double diff = sample.mean(j) - sample.mean(i);
            double se = Math.sqrt(mse / 2 * (1.0 / sample.size(i) + 1.0 / sample.size(j)));
            double width = critical * se;
            return new Comparison(sample.name(i), sample.name(j), diff, diff - width, diff + width,
                    range.survivalProbability(Math.abs(diff) / se));
        }).toList();
    }
}
