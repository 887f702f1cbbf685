// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Wilcoxon rank-sum tests between all pairs of groups, as R's {@code pairwise.wilcox.test}, with
 * the p-values adjusted over all pairs. Pairs are tested in parallel.
 */
public final class PairwiseWilcoxon {

    /**
     * The p-value of one pair.
     *
     * @param group1 the first group's name
     * @param group2 the second group's name
     * @param p the (adjusted) p-value; NaN where undefined
     */
    public record Comparison(String group1, String group2, double p) {
    }

    private PairwiseWilcoxon() {
    }

    /**
     * @param sample the grouped sample
     * @return the comparisons per adjustment method, pairs in {@link GroupPair} order
     * @throws NotComputableException with fewer than two groups
     */
    public static Map<PValueAdjustment, List<Comparison>> test(GroupedSample sample) {
        Preconditions.requireGroups(sample, 2, "Pairwise Wilcoxon tests");
        List<GroupPair> pairs = GroupPair.all(sample.groupCount());
        double[] ties = IntStream.range(0, sample.groupCount()).parallel()
                .mapToDouble(g -> WilcoxonRankSum.tieSum(sample.sortedValues(g))).toArray();
        double[] p = pairs.parallelStream()
                .mapToDouble(pair -> WilcoxonRankSum.testSorted(sample.sortedValues(pair.first()),
                        ties[pair.first()], sample.sortedValues(pair.second()), ties[pair.second()]).p())
                .toArray();
        Map<PValueAdjustment, List<Comparison>> result = new EnumMap<>(PValueAdjustment.class);
        for (PValueAdjustment method : PValueAdjustment.values()) {
            double[] adjusted = method.adjust(p);
            result.put(method, IntStream.range(0, pairs.size())
                    .mapToObj(i -> new Comparison(sample.name(pairs.get(i).first()),
                            sample.name(pairs.get(i).second()), adjusted[i]))
                    .toList());
        }
        return result;
    }
}
