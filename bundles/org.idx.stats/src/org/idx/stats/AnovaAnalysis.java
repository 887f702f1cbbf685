// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Computes the complete {@link AnovaReport} for one measurement grouped by one label: summaries,
 * Shapiro-Wilk per group, Bartlett, one-way and Welch ANOVA, Kruskal-Wallis, pairwise Wilcoxon
 * (unadjusted, Holm, BH), Tukey HSD, Games-Howell and the {@link DecisionRule}.
 */
public final class AnovaAnalysis {

    /** Default significance level. */
    public static final double DEFAULT_ALPHA = 0.05;

    private AnovaAnalysis() {
    }

    /**
     * @param values the measurement per row (NaN or infinite = NA)
     * @param groups the group label per row ({@code null} = NA)
     * @param alpha significance level of the decision, in (0, 1)
     * @return the report
     */
    public static AnovaReport run(double[] values, String[] groups, double alpha) {
        return run(GroupedSample.of(values, groups), alpha);
    }

    /**
     * @param sample the grouped sample
     * @param alpha significance level of the decision, in (0, 1)
     * @return the report
     */
    public static AnovaReport run(GroupedSample sample, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1: " + alpha);
        }
        List<String> messages = new ArrayList<>();
        if (sample.droppedRows() > 0) {
            messages.add(sample.droppedRows() + " rows with a missing value or group were dropped.");
        }
        List<GroupSummary> summaries = IntStream.range(0, sample.groupCount())
                .mapToObj(g -> GroupSummary.of(sample, g)).toList();
        Map<String, ShapiroWilk.Result> shapiro = shapiro(sample, messages);
        if (sample.groupCount() < 2) {
            messages.add("The group comparisons need at least 2 groups, there "
                    + (sample.groupCount() == 1 ? "is 1." : "are none."));
            return new AnovaReport(sample.totalSize(), sample.groupCount(), summaries, shapiro, null,
                    null, null, null, null, null, null, null, List.copyOf(messages));
        }
        BartlettTest.Result bartlett = attempt(() -> BartlettTest.test(sample), messages);
        OneWayAnova.Result anova = attempt(() -> OneWayAnova.test(sample), messages);
        WelchAnova.Result welch = attempt(() -> WelchAnova.test(sample), messages);
        KruskalWallis.Result kruskal = attempt(() -> KruskalWallis.test(sample), messages);
        var wilcox = attempt(() -> PairwiseWilcoxon.test(sample), messages);
        List<TukeyHsd.Comparison> tukey = anova == null ? null
                : attempt(() -> TukeyHsd.test(sample, anova), messages);
        List<GamesHowell.Comparison> gamesHowell = attempt(() -> GamesHowell.test(sample), messages);
        noteUndefinedPairs(wilcox, gamesHowell, messages);
        Decision decision = DecisionRule.decide(sample, shapiro, bartlett, alpha, messages);
        return new AnovaReport(sample.totalSize(), sample.groupCount(), summaries, shapiro, bartlett,
                anova, welch, kruskal, wilcox, tukey, gamesHowell, decision, List.copyOf(messages));
    }

    private static Map<String, ShapiroWilk.Result> shapiro(GroupedSample sample, List<String> messages) {
        Map<String, ShapiroWilk.Result> result = new LinkedHashMap<>();
        for (int g = 0; g < sample.groupCount(); g++) {
            int group = g;
            ShapiroWilk.Result test = attempt(() -> ShapiroWilk.testSorted(sample.sortedValues(group)),
                    new ArrayList<>());
            if (test == null) {
                messages.add("Shapiro-Wilk for group " + sample.name(g) + ": " + shapiroReason(sample, g));
            }
            result.put(sample.name(g), test);
        }
        return result;
    }

    private static String shapiroReason(GroupedSample sample, int group) {
        int n = sample.size(group);
        if (n < ShapiroWilk.MIN_SIZE || n > ShapiroWilk.MAX_SIZE) {
            return "not computed for " + n + " values (defined for 3 to 5000).";
        }
        return "not computed, all values are identical.";
    }

    private static void noteUndefinedPairs(Map<PValueAdjustment, List<PairwiseWilcoxon.Comparison>> wilcox,
            List<GamesHowell.Comparison> gamesHowell, List<String> messages) {
        if (wilcox != null) {
            for (PairwiseWilcoxon.Comparison c : wilcox.get(PValueAdjustment.NONE)) {
                if (Double.isNaN(c.p())) {
                    messages.add("Wilcoxon test " + c.group1() + " vs " + c.group2()
                            + ": undefined, all values of the two groups are identical.");
                }
            }
        }
        if (gamesHowell != null) {
            for (GamesHowell.Comparison c : gamesHowell) {
                if (Double.isNaN(c.pAdj())) {
                    messages.add("Games-Howell " + c.group1() + " vs " + c.group2() + ": undefined "
                            + "(a group with fewer than 2 values or no variance, or df below 2).");
                }
            }
        }
    }

    private static <T> T attempt(Supplier<T> test, List<String> messages) {
        try {
            return test.get();
        } catch (NotComputableException e) {
            if (!messages.contains(e.getMessage())) {
                messages.add(e.getMessage());
            }
            return null;
        }
    }
}
