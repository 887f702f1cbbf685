// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.util.List;
import java.util.Map;

/**
 * The Image Data Explorer's rule for choosing the tests. Normality is checked with Shapiro-Wilk in
 * each group smaller than {@value #SMALL_GROUP} values (larger groups are taken as normal enough
 * for the means); any rejection at {@code alpha} leads to Kruskal-Wallis with pairwise Wilcoxon
 * tests. Otherwise Bartlett's test decides: equal variances lead to the one-way ANOVA with Tukey's
 * HSD, unequal ones to Welch's ANOVA with Games-Howell.
 * <p>
 * A small group whose Shapiro-Wilk test is undefined (fewer than 3 values, or all identical) gives
 * no evidence against normality; a Bartlett test that is undefined (a group with one value or no
 * variance) counts as unequal variances, since the Welch path assumes less. Both cases are noted in
 * the messages.
 */
public final class DecisionRule {

    /** Groups with fewer values than this are tested for normality. */
    public static final int SMALL_GROUP = 30;

    private DecisionRule() {
    }

    /**
     * @param sample the grouped sample (at least two groups)
     * @param shapiro Shapiro-Wilk result per group name, {@code null} where undefined
     * @param bartlett Bartlett's test, {@code null} where undefined
     * @param alpha the significance level
     * @param messages receives the notes on undefined tests that the decision passed over
     * @return the decision
     */
    public static Decision decide(GroupedSample sample, Map<String, ShapiroWilk.Result> shapiro,
            BartlettTest.Result bartlett, double alpha, List<String> messages) {
        boolean normal = true;
        for (int g = 0; g < sample.groupCount(); g++) {
            if (sample.size(g) >= SMALL_GROUP) {
                continue;
            }
            ShapiroWilk.Result result = shapiro.get(sample.name(g));
            if (result == null) {
                messages.add("Decision: normality of group " + sample.name(g)
                        + " could not be tested; it was not counted as non-normal.");
            } else if (result.p() < alpha) {
                normal = false;
            }
        }
        boolean equalVariance = bartlett != null && bartlett.p() >= alpha;
        if (normal && bartlett == null) {
            messages.add("Decision: Bartlett's test could not be computed; variances were "
                    + "treated as unequal.");
        }
        if (!normal) {
            return new Decision(false, equalVariance, Decision.Test.KRUSKAL, Decision.PostHoc.WILCOX);
        }
        return equalVariance
                ? new Decision(true, true, Decision.Test.ANOVA, Decision.PostHoc.TUKEY)
                : new Decision(true, false, Decision.Test.WELCH, Decision.PostHoc.GAMES_HOWELL);
    }
}
