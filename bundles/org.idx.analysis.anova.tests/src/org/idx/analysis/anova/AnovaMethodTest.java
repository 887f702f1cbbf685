// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.anova;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.MethodCategory;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterException;
import org.idx.analysis.ReportWriter;
import org.idx.core.DataTable;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.junit.jupiter.api.Test;

/** The anova method's declaration, bad inputs, many groups and its JSON. */
class AnovaMethodTest {

    private static final List<String> TESTS = List.of("bartlett", "anova", "welch", "kruskal", "pairwise_wilcox",
            "tukey_hsd", "games_howell");

    /** x: 3 groups a, b, c of 4 values; label as text too; code as numbers 1, 2.5, 10. */
    private static DataTable table() {
        double[] x = { 1.2, 2.3, 1.9, 2.8, 3.1, 3.9, 4.4, 3.5, 2.0, 2.9, 2.6, 1.7 };
        int[] codes = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2 };
        String[] text = new String[12];
        double[] numbers = new double[12];
        for (int i = 0; i < 12; i++) {
            text[i] = "abc".substring(codes[i], codes[i] + 1);
            numbers[i] = new double[] { 1, 2.5, 10 }[codes[i]];
        }
        return new InMemoryDataTable(12, List.of(DoubleArrayColumn.of("x", x),
                DictionaryColumn.adopt("group", codes, List.of("a", "b", "c")), StringArrayColumn.of("label", text),
                DoubleArrayColumn.of("code", numbers)));
    }

    @Test
    void registeredThroughTheExtensionPoint() throws Exception {
        MethodDescriptor anova = Anova.descriptor();
        assertEquals("anova", anova.id());
        assertEquals(MethodCategory.STATISTICS, anova.category());
        assertEquals(List.of("value", "group", "alpha", "groups"), anova.parameters().stream().map(p -> p.name()).toList());
        assertTrue(anova.parameter("value").orElseThrow().required());
        assertTrue(anova.parameter("group").orElseThrow().required());
        assertEquals("0.05", anova.parameter("alpha").orElseThrow().defaultValue());
        assertEquals("org.idx.analysis.anova", anova.contributor());
        assertTrue(anova.factory().create() instanceof AnovaMethod);
    }

    @Test
    @SuppressWarnings("unchecked")
    void categoricalTextAndNumericGroupingGiveTheSameTests() throws Exception {
        Map<String, Object> byLevel = Anova.report(table(), "value=x", "group=group");
        Map<String, Object> byText = Anova.report(table(), "value=x", "group=label");
        Map<String, Object> byNumber = Anova.report(table(), "value=x", "group=code");
        assertEquals(byLevel, byText);
        assertEquals(List.of("1", "10", "2.5"), ((Map<String, Object>) byNumber.get("shapiro")).keySet().stream().toList());
        // other group order (1, 10, 2.5), so sums may differ in the last bit
        for (String test : List.of("anova", "welch", "kruskal", "bartlett")) {
            Map<String, Object> a = (Map<String, Object>) byLevel.get(test);
            Map<String, Object> b = (Map<String, Object>) byNumber.get(test);
            assertEquals(a.keySet(), b.keySet());
            a.forEach((field, value) -> assertEquals((Double) value, (Double) b.get(field), 1e-12 * Math.abs((Double) value),
                    test + " " + field));
        }
        assertEquals(12, byLevel.get("n_total"));
        assertEquals(List.of(), byLevel.get("messages"));
        AnalysisResult result = new AnovaMethod().run(table(), Anova.descriptor().parse(List.of("value=x", "group=group")),
                new NullProgressMonitor());
        assertTrue(result.columns().isEmpty(), "anova adds no columns");
    }

    @Test
    @SuppressWarnings("unchecked")
    void groupsParameterKeepsOnlyTheListedGroups() throws Exception {
        // the same as a table holding only groups a and c
        double[] x = { 1.2, 2.3, 1.9, 2.8, 2.0, 2.9, 2.6, 1.7 };
        int[] codes = { 0, 0, 0, 0, 1, 1, 1, 1 };
        DataTable ac = new InMemoryDataTable(8, List.of(DoubleArrayColumn.of("x", x),
                DictionaryColumn.adopt("group", codes, List.of("a", "c"))));
        Map<String, Object> kept = Anova.report(table(), "value=x", "group=group", "groups=c, a");
        Map<String, Object> reference = Anova.report(ac, "value=x", "group=group");
        assertEquals(reference, kept);
        assertEquals(2, kept.get("n_groups"));
        assertEquals(List.of("a", "c"), ((Map<String, Object>) kept.get("shapiro")).keySet().stream().toList());
        assertEquals(List.of(), kept.get("messages"), "rows of other groups are not reported as dropped");
        assertEquals(Anova.report(table(), "value=x", "group=group"), Anova.report(table(), "value=x", "group=group", "groups="));

        assertEquals("group 'd' of parameter 'groups' is not a value of column 'group'", assertThrows(AnalysisException.class,
                () -> Anova.report(table(), "value=x", "group=group", "groups=a,d")).getMessage());
        assertEquals("parameter 'groups' must list at least two groups, comma-separated; it lists 1", assertThrows(
                AnalysisException.class, () -> Anova.report(table(), "value=x", "group=group", "groups=a")).getMessage());
    }

    @Test
    void badParametersAndColumns() throws Exception {
        DataTable table = table();
        assertEquals("column 'label' is text, not numeric (parameter value)",
                assertThrows(AnalysisException.class, () -> Anova.report(table, "value=label", "group=group")).getMessage());
        assertEquals("column 'group' is categorical text, not numeric (parameter value)",
                assertThrows(AnalysisException.class, () -> Anova.report(table, "value=group", "group=label")).getMessage());
        assertEquals("the table has no column 'nope' (parameter value)",
                assertThrows(AnalysisException.class, () -> Anova.report(table, "value=nope", "group=group")).getMessage());
        assertEquals("the table has no column 'nope' (parameter group)",
                assertThrows(AnalysisException.class, () -> Anova.report(table, "value=x", "group=nope")).getMessage());
        assertEquals("parameter 'alpha' must be strictly between 0 and 1, it is 1.0",
                assertThrows(AnalysisException.class, () -> Anova.report(table, "value=x", "group=group", "alpha=1")).getMessage());
        assertThrows(ParameterException.class, () -> Anova.report(table, "value=x", "group=group", "alpha=2"));
        assertThrows(ParameterException.class, () -> Anova.report(table, "value=x"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneGroupReportsSummariesAndNullTests() throws Exception {
        DataTable table = new InMemoryDataTable(4, List.of(DoubleArrayColumn.of("x", 1, 2, 4, 3),
                StringArrayColumn.of("g", "a", "a", "a", "a")));
        Map<String, Object> report = Anova.report(table, "value=x", "group=g");
        assertEquals(1, report.get("n_groups"));
        assertEquals(1, ((List<?>) report.get("groups")).size());
        assertNotNull(((Map<String, Object>) report.get("shapiro")).get("a"));
        for (String test : TESTS) {
            assertNull(report.get(test), test);
        }
        assertNull(report.get("decision"));
        assertTrue(messages(report).stream().anyMatch(m -> m.contains("at least 2 groups")), messages(report).toString());
    }

    @Test
    void allNaGivesAnEmptyReport() throws Exception {
        DataTable table = new InMemoryDataTable(3, List.of(DoubleArrayColumn.of("x", Double.NaN, Double.NaN, Double.NaN),
                StringArrayColumn.of("g", "a", "b", null)));
        Map<String, Object> report = Anova.report(table, "value=x", "group=g");
        assertEquals(0, report.get("n_total"));
        assertEquals(0, report.get("n_groups"));
        for (String test : TESTS) {
            assertNull(report.get(test), test);
        }
        assertTrue(messages(report).contains("3 rows with a missing value or group were dropped."), messages(report).toString());
        assertTrue(ReportWriter.toJson(report, false).contains("\"anova\":null"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGroupWithOneValueAndAConstantGroup() throws Exception {
        DataTable single = new InMemoryDataTable(7, List.of(DoubleArrayColumn.of("x", 1, 2, 3, 5, 6, 8, 9),
                StringArrayColumn.of("g", "a", "a", "a", "b", "b", "b", "c")));
        Map<String, Object> report = Anova.report(single, "value=x", "group=g");
        assertEquals(3, report.get("n_groups"));
        assertNull(((Map<String, Object>) report.get("shapiro")).get("c"));
        assertNull(report.get("bartlett"));
        assertNotNull(report.get("anova"), "the one-way ANOVA only needs the pooled variance");
        assertNotNull(report.get("kruskal"));
        assertNotNull(report.get("pairwise_wilcox"));
        assertTrue(messages(report).stream().anyMatch(m -> m.startsWith("Shapiro-Wilk for group c")), messages(report).toString());
        assertTrue(messages(report).stream().anyMatch(m -> m.contains("group c has 1")), messages(report).toString());
        Map<String, Object> decision = (Map<String, Object>) report.get("decision");
        assertEquals(Boolean.FALSE, decision.get("equal_variance"));

        DataTable constant = new InMemoryDataTable(8, List.of(DoubleArrayColumn.of("x", 1, 2, 3, 4, 5, 5, 5, 5),
                StringArrayColumn.of("g", "a", "a", "a", "a", "b", "b", "b", "b")));
        report = Anova.report(constant, "value=x", "group=g");
        assertNull(((Map<String, Object>) report.get("shapiro")).get("b"));
        assertNull(report.get("bartlett"));
        assertNotNull(report.get("anova"));
        assertNotNull(report.get("kruskal"));
        assertTrue(messages(report).stream().anyMatch(m -> m.contains("identical")), messages(report).toString());
        ReportWriter.toJson(report, true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void tenThousandNumericGroupsSkipThePairwiseTables() {
        int rows = 30_000;
        double[] x = new double[rows];
        double[] code = new double[rows];
        Random random = new Random(5);
        for (int i = 0; i < rows; i++) {
            code[i] = i % 10_000 + 1;
            x[i] = random.nextGaussian();
        }
        code[0] = 1; // keep 10,000 levels
        DataTable table = new InMemoryDataTable(rows, List.of(DoubleArrayColumn.adopt("x", x, new java.util.BitSet(), false),
                DoubleArrayColumn.adopt("well", code, new java.util.BitSet(), true)));
        Map<String, Object> report = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Anova.report(table, "value=x", "group=well"));
        assertEquals(10_000, report.get("n_groups"));
        assertEquals(10_000, ((Map<String, Object>) report.get("shapiro")).size());
        assertNotNull(report.get("bartlett"));
        assertNotNull(report.get("anova"));
        assertNotNull(report.get("welch"));
        assertNotNull(report.get("kruskal"));
        assertNull(report.get("pairwise_wilcox"));
        assertNull(report.get("tukey_hsd"));
        assertNull(report.get("games_howell"));
        assertNotNull(report.get("decision"));
        assertTrue(messages(report).stream().anyMatch(m -> m.contains("10000 groups would make 49995000 pairs")),
                messages(report).toString());

        // 10,000 groups of one value: the variance tests are undefined, messages are condensed
        DataTable singles = new InMemoryDataTable(10_000, List.of(
                DoubleArrayColumn.adopt("x", java.util.Arrays.copyOf(x, 10_000), new java.util.BitSet(), false),
                DoubleArrayColumn.adopt("id", java.util.stream.IntStream.range(0, 10_000).mapToDouble(i -> i / 4.0).toArray(),
                        new java.util.BitSet(), false)));
        report = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Anova.report(singles, "value=x", "group=id"));
        assertEquals(10_000, report.get("n_groups"));
        assertNull(report.get("bartlett"));
        assertNull(report.get("welch"));
        assertNull(report.get("anova"), "no degrees of freedom within groups");
        List<String> messages = messages(report);
        assertTrue(messages.size() < 40, messages.toString());
        assertTrue(messages.contains("Shapiro-Wilk: 9990 more messages like the one above were left out (10000 in all)."),
                messages.toString());
        assertTrue(ReportWriter.toJson(report, false).length() < 5_000_000);
    }

    @Test
    void pairwiseLimitIsInclusive() {
        assertEquals(200, AnovaMethod.PAIRWISE_GROUP_LIMIT);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add("Shapiro-Wilk for group " + i + ": not computed for 1 values (defined for 3 to 5000).");
            many.add("Games-Howell " + i + " vs x: undefined.");
        }
        many.add("last");
        List<String> condensed = AnovaMethod.condense(many);
        assertEquals(23, condensed.size());
        assertEquals("Shapiro-Wilk: 15 more messages like the one above were left out (25 in all).", condensed.get(19));
        assertEquals("Games-Howell: 15 more messages like the one above were left out (25 in all).", condensed.get(21));
        assertEquals("last", condensed.get(22));
    }

    @Test
    void naRowsAndInfiniteValuesAreDropped() throws Exception {
        DataTable table = new InMemoryDataTable(9, List.of(
                DoubleArrayColumn.of("x", 1, 2, 3, Double.NaN, 5, 6, 7, Double.POSITIVE_INFINITY, 9),
                StringArrayColumn.of("g", "a", "a", "a", "a", "b", "b", "b", "b", null)));
        Map<String, Object> report = Anova.report(table, "value=x", "group=g");
        assertEquals(6, report.get("n_total"));
        assertEquals(List.of("1 row has an infinite value in column 'x'; it was treated as missing.",
                "3 rows with a missing value or group were dropped."), messages(report).subList(0, 2));
    }

    @Test
    void cancelStops() {
        NullProgressMonitor monitor = new NullProgressMonitor();
        monitor.setCanceled(true);
        assertThrows(OperationCanceledException.class, () -> new AnovaMethod().run(table(),
                Anova.descriptor().parse(List.of("value=x", "group=group")), monitor));
    }

    /** The JSON: nulls where a test is undefined, numbers at full precision that read back exactly. */
    @Test
    @SuppressWarnings("unchecked")
    void jsonRoundTrip() throws Exception {
        DataTable table = new InMemoryDataTable(7, List.of(DoubleArrayColumn.of("x", 1.1, 2.2, 3.3, 5.5, 6.6, 8.8, 9.9),
                StringArrayColumn.of("g", "a", "a", "a", "b", "b", "b", "c")));
        Map<String, Object> report = Anova.report(table, "value=x", "group=g");
        String json = ReportWriter.toJson(report, false);
        assertTrue(json.startsWith("{\"n_total\":7,\"n_groups\":3,\"groups\":[{\"name\":\"a\",\"n\":3,"), json);
        assertTrue(json.contains("\"bartlett\":null"), json);
        assertTrue(json.contains("\"c\":null"), "Shapiro-Wilk of the one-value group: " + json);
        assertTrue(json.contains("\"sd\":null"), "sd of one value: " + json);
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
        Map<String, Object> anova = (Map<String, Object>) report.get("anova");
        for (String field : List.of("F", "p", "ss_between", "ss_within")) {
            double value = (Double) anova.get(field);
            Matcher m = Pattern.compile("\"" + field + "\":([-0-9.eE+]+)").matcher(json.substring(json.indexOf("\"anova\"")));
            assertTrue(m.find(), field);
            assertEquals(value, Double.parseDouble(m.group(1)), 0.0, field + " is written at full precision");
            assertEquals(Double.toString(value).replace("E", "e").length() > 10, m.group(1).length() > 10);
        }
        Map<String, Object> group = ((List<Map<String, Object>>) report.get("groups")).get(0);
        assertTrue(json.contains("\"mean\":" + jsonNumber((Double) group.get("mean"))), json);
        // balanced structure: as many opening as closing brackets outside strings
        assertEquals(count(json, '{'), count(json, '}'));
        assertEquals(count(json, '['), count(json, ']'));
        assertTrue(json.endsWith("]}"), "messages last: " + json);
    }

    private static String jsonNumber(double value) {
        String text = ReportWriter.toJson(Map.of("v", value), false);
        return text.substring(5, text.length() - 1);
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(Map<String, Object> report) {
        return (List<String>) report.get("messages");
    }
}
