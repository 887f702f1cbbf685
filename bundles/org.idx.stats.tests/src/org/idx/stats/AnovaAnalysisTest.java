// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Degenerate inputs, the report tree and the decision paths. */
class AnovaAnalysisTest {

    @Test
    void oneGroupHasSummariesAndNoComparisons() {
        AnovaReport report = AnovaAnalysis.run(new double[] {1, 2, 4, Double.NaN}, new String[] {"a", "a", "a", "a"},
                0.05);
        assertEquals(3, report.nTotal());
        assertEquals(1, report.nGroups());
        assertNull(report.anova());
        assertNull(report.decision());
        Map<String, Object> map = report.toMap();
        assertNull(map.get("pairwise_wilcox"));
        assertNull(map.get("tukey_hsd"));
        assertTrue(report.messages().stream().anyMatch(m -> m.contains("at least 2 groups")));
        assertTrue(report.messages().stream().anyMatch(m -> m.contains("1 rows")));
    }

    @Test
    void allMissingGivesAnEmptyReport() {
        AnovaReport report = AnovaAnalysis.run(new double[] {Double.NaN, 1}, new String[] {"a", null}, 0.05);
        assertEquals(0, report.nTotal());
        assertEquals(0, report.nGroups());
        assertTrue(report.groups().isEmpty());
        assertNull(report.toMap().get("bartlett"));
    }

    @Test
    void constantDataMakesTestsNullWithMessages() {
        AnovaReport report = AnovaAnalysis.run(new double[] {2, 2, 2, 2, 2, 2}, new String[] {"a", "a", "a", "b", "b", "b"},
                0.05);
        assertNull(report.anova());
        assertNull(report.welch());
        assertNull(report.kruskal());
        assertNull(report.bartlett());
        assertNull(report.shapiro().get("a"));
        assertTrue(report.toMap().containsKey("shapiro"));
        assertTrue(((Map<?, ?>) report.toMap().get("shapiro")).containsKey("a"));
        assertNull(((List<Map<String, Object>>) ((Map<String, Object>) report.toMap().get("pairwise_wilcox")).get("holm"))
                .get(0).get("p"));
        assertFalse(report.messages().isEmpty());
    }

    @Test
    void negativeZeroTiesWithZero() {
        GroupedSample sample = GroupedSample.of(new double[] {-0.0, 0.0, 1}, new String[] {"x", "y", "y"});
        assertEquals(0.0, sample.values(0)[0]);
        WilcoxonRankSum.Result result = WilcoxonRankSum.testSorted(sample.values(0), sample.values(1));
        assertFalse(result.exact());
        assertEquals(0.5, result.w());
    }

    @Test
    void groupsAreSortedByName() {
        GroupedSample sample = GroupedSample.of(new double[] {1, 2, 3}, new String[] {"b", "B", "a"});
        assertEquals("B", sample.name(0));
        assertEquals("a", sample.name(1));
        assertEquals("b", sample.name(2));
    }

    @Test
    void decisionFollowsNormalityThenVariance() {
        double[] values = new double[60];
        String[] groups = new String[60];
        for (int i = 0; i < 60; i++) {
            groups[i] = i < 20 ? "a" : i < 40 ? "b" : "c";
            double u = (i % 20 + 0.5) / 20;
            values[i] = Math.log(u / (1 - u)) * (i < 20 ? 1 : i < 40 ? 1.1 : 0.9) + i / 20;
        }
        Decision normal = AnovaAnalysis.run(values, groups, 0.05).decision();
        assertTrue(normal.normal());
        assertEquals(Decision.Test.ANOVA, normal.test());
        assertEquals(Decision.PostHoc.TUKEY, normal.posthoc());
        for (int i = 40; i < 60; i++) {
            values[i] = values[i] * 8;
        }
        Decision unequal = AnovaAnalysis.run(values, groups, 0.05).decision();
        assertEquals(Decision.Test.WELCH, unequal.test());
        assertEquals(Decision.PostHoc.GAMES_HOWELL, unequal.posthoc());
        for (int i = 0; i < 20; i++) {
            values[i] = Math.exp(3 * values[i]);
        }
        Decision skewed = AnovaAnalysis.run(values, groups, 0.05).decision();
        assertFalse(skewed.normal());
        assertEquals(Decision.Test.KRUSKAL, skewed.test());
        assertEquals("wilcox", ((Map<?, ?>) AnovaAnalysis.run(values, groups, 0.05).toMap().get("decision"))
                .get("posthoc"));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> AnovaAnalysis.run(new double[1], new String[2], 0.05));
        assertThrows(IllegalArgumentException.class, () -> AnovaAnalysis.run(new double[1], new String[1], 1.5));
    }

    @Test
    void shapiroLimits() {
        assertThrows(NotComputableException.class, () -> ShapiroWilk.test(new double[] {1, 2}));
        assertThrows(NotComputableException.class, () -> ShapiroWilk.test(new double[5001]));
        assertThrows(NotComputableException.class, () -> ShapiroWilk.test(new double[] {3, 3, 3, 3}));
    }
}
