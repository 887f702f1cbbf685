// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.anova;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.idx.core.DataTable;
import org.idx.io.delimited.DelimitedTableReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anova method against R on the scenarios of reference/reference.R (balanced, unbalanced with
 * NA and ties, small groups, two groups, 42 groups of a numeric grouping column, heavy ties):
 * every report field. Values were recorded by that script; R is not needed here.
 * <p>
 * Tolerances (issue 5): statistics, df, means and every p-value not from the studentized range
 * 1e-6 relative; Shapiro-Wilk W 1e-5 relative; Shapiro-Wilk p and studentized-range p-values
 * (Tukey, Games-Howell) 1e-3 relative (below 1e-12 absolute, where R's upper tail is 1 - cdf); the
 * Tukey and Games-Howell interval half-widths 1e-3 relative (R's qtukey stops at eps = 1e-4).
 */
class AnovaReferenceTest {

    static final String[] SCENARIOS = { "bal", "unb", "small", "two", "many", "ties" };
    private static final double STAT = 1e-6;
    private static final double W = 1e-5;
    private static final double RANGE_P = 1e-3;
    private static final double TINY_P = 1e-12;

    @TempDir
    static Path dir;
    static DataTable table;
    static Map<String, String> expected;
    /** Largest relative deviation from R per kind of number, printed at the end. */
    private static final Map<String, Double> WORST = new TreeMap<>();

    @BeforeAll
    static void load() throws Exception {
        Path file = dir.resolve("anova-input.csv");
        try (InputStream in = open("anova-input.csv")) {
            Files.copy(in, file);
        }
        table = DelimitedTableReader.read(file).table();
        expected = new LinkedHashMap<>();
        for (String line : text("anova-expected.txt").split("\n")) {
            if (!line.isBlank()) {
                int space = line.lastIndexOf(' ');
                expected.put(line.substring(0, space), line.substring(space + 1).trim());
            }
        }
    }

    @AfterAll
    static void printWorst() {
        StringBuilder out = new StringBuilder("anova vs R, largest relative deviation:");
        WORST.forEach((kind, value) -> out.append(String.format("%n  %-26s %.3g", kind, value)));
        System.out.println(out);
    }

    @TestFactory
    Stream<DynamicTest> everyFieldMatchesR() {
        return Stream.of(SCENARIOS).map(s -> DynamicTest.dynamicTest(s, () -> check(s)));
    }

    @Test
    void groupLabelsOfNumbersAreWrittenAsRWritesThem() throws IOException {
        int lines = 0;
        for (String line : text("format-expected.txt").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t");
            assertEquals(parts[1], GroupLabels.format(Double.parseDouble(parts[0]), false), parts[0]);
            lines++;
        }
        assertTrue(lines >= 20);
        assertEquals("100000", GroupLabels.format(100000, true), "an integer column is read by R as integer");
        assertEquals("0", GroupLabels.format(-0.0, false));
    }

    @SuppressWarnings("unchecked")
    private void check(String s) throws Exception {
        Map<String, Object> report = Anova.report(table, "value=" + s + "_v", "group=" + s + "_g");
        assertEquals(List.of("n_total", "n_groups", "groups", "shapiro", "bartlett", "anova", "welch", "kruskal",
                "pairwise_wilcox", "tukey_hsd", "games_howell", "decision", "messages"), List.copyOf(report.keySet()));
        assertEquals(integer(s + ".n_total"), report.get("n_total"));
        int k = integer(s + ".n_groups");
        assertEquals(k, report.get("n_groups"));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) report.get("groups");
        assertEquals(k, groups.size());
        Map<String, Object> shapiro = (Map<String, Object>) report.get("shapiro");
        assertEquals(k, shapiro.size());
        for (Map<String, Object> group : groups) {
            String key = s + ".group." + group.get("name") + ".";
            assertNotNull(expected.get(key + "n"), "R has no group " + group.get("name"));
            assertEquals(integer(key + "n"), group.get("n"));
            for (String field : List.of("mean", "sd", "median")) {
                close("group " + field, key + field, group.get(field), STAT, 0);
            }
            String sw = s + ".shapiro." + group.get("name") + ".";
            Map<String, Object> test = (Map<String, Object>) shapiro.get(group.get("name"));
            if (expected.get(sw + "W").equals("NA")) {
                assertNull(test, sw);
            } else {
                assertNotNull(test, sw);
                close("shapiro W", sw + "W", test.get("W"), W, 0);
                close("shapiro p", sw + "p", test.get("p"), RANGE_P, 0);
            }
        }
        fields(s, "bartlett", report, Map.of("statistic", STAT, "df", STAT, "p", STAT));
        fields(s, "anova", report, Map.of("F", STAT, "df1", STAT, "df2", STAT, "p", STAT, "ss_between", STAT, "ss_within", STAT));
        fields(s, "welch", report, Map.of("F", STAT, "df1", STAT, "df2", STAT, "p", STAT));
        fields(s, "kruskal", report, Map.of("H", STAT, "df", STAT, "p", STAT));
        int pairs = k * (k - 1) / 2;
        Map<String, Object> wilcox = (Map<String, Object>) report.get("pairwise_wilcox");
        assertEquals(List.of("none", "holm", "BH"), List.copyOf(wilcox.keySet()));
        for (String method : wilcox.keySet()) {
            List<Map<String, Object>> rows = (List<Map<String, Object>>) wilcox.get(method);
            assertEquals(pairs, rows.size());
            Set<String> seen = new HashSet<>();
            for (Map<String, Object> row : rows) {
                Pair pair = pair(s + ".wilcox." + method + ".", row);
                assertTrue(seen.add(pair.key), "pair listed twice: " + pair.key);
                close("wilcox p " + method, pair.key, row.get("p"), STAT, 0);
            }
        }
        List<Map<String, Object>> tukey = (List<Map<String, Object>>) report.get("tukey_hsd");
        assertEquals(pairs, tukey.size());
        for (Map<String, Object> row : tukey) {
            Pair pair = pair(s + ".tukey.", row);
            double diff = (Double) row.get("diff");
            close("tukey diff", pair.key + "diff", pair.sign * diff, STAT, 0);
            double halfWidth = (Double) row.get("upr") - diff;
            assertEquals(halfWidth, diff - (Double) row.get("lwr"), 1e-9 * Math.abs(halfWidth));
            closeTo("tukey half-width", pair.key + "upr", number(pair.key + "upr") - number(pair.key + "diff"), halfWidth,
                    RANGE_P, 0);
            close("tukey p_adj", pair.key + "p_adj", row.get("p_adj"), RANGE_P, TINY_P);
        }
        List<Map<String, Object>> gh = (List<Map<String, Object>>) report.get("games_howell");
        assertEquals(pairs, gh.size());
        for (Map<String, Object> row : gh) {
            Pair pair = pair(s + ".gh.", row);
            double estimate = (Double) row.get("estimate");
            close("games-howell estimate", pair.key + "estimate", pair.sign * estimate, STAT, 0);
            close("games-howell t", pair.key + "t", row.get("t"), STAT, 0);
            close("games-howell df", pair.key + "df", row.get("df"), STAT, 0);
            double halfWidth = (Double) row.get("conf_high") - estimate;
            closeTo("games-howell half-width", pair.key + "conf_high",
                    number(pair.key + "conf_high") - number(pair.key + "estimate"), halfWidth, RANGE_P, 0);
            close("games-howell p_adj", pair.key + "p_adj", row.get("p_adj"), RANGE_P, TINY_P);
        }
        Map<String, Object> decision = (Map<String, Object>) report.get("decision");
        assertEquals(Boolean.valueOf(expected.get(s + ".decision.normal")), decision.get("normal"));
        assertEquals(Boolean.valueOf(expected.get(s + ".decision.equal_variance")), decision.get("equal_variance"));
        assertEquals(expected.get(s + ".decision.test"), decision.get("test"));
        assertEquals(expected.get(s + ".decision.posthoc"), decision.get("posthoc"));
        assertNotNull(report.get("messages"));
    }

    private record Pair(String key, double sign) {
    }

    /** The R key of a pair row, and -1 when IDX lists the pair the other way round. */
    private static Pair pair(String prefix, Map<String, Object> row) {
        String a = (String) row.get("group1");
        String b = (String) row.get("group2");
        if (expected.containsKey(prefix + a + "|" + b) || expected.containsKey(prefix + a + "|" + b + ".diff")
                || expected.containsKey(prefix + a + "|" + b + ".estimate")) {
            return new Pair(prefix + a + "|" + b + (prefix.contains(".wilcox.") ? "" : "."), 1);
        }
        if (expected.containsKey(prefix + b + "|" + a) || expected.containsKey(prefix + b + "|" + a + ".diff")
                || expected.containsKey(prefix + b + "|" + a + ".estimate")) {
            return new Pair(prefix + b + "|" + a + (prefix.contains(".wilcox.") ? "" : "."), -1);
        }
        fail("R has no pair " + a + ", " + b + " (" + prefix + ")");
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void fields(String s, String test, Map<String, Object> report, Map<String, Double> tolerances) {
        Map<String, Object> values = (Map<String, Object>) report.get(test);
        assertNotNull(values, s + " " + test);
        assertEquals(tolerances.keySet(), values.keySet());
        for (Map.Entry<String, Double> field : tolerances.entrySet()) {
            close(test + " " + field.getKey(), s + "." + test + "." + field.getKey(), values.get(field.getKey()),
                    field.getValue(), 0);
        }
    }

    /** Checks a report number against R's value under {@code key}. */
    private static void close(String kind, String key, Object actual, double tolerance, double absolute) {
        String text = expected.get(key);
        assertNotNull(text, "no R value " + key);
        assertNotNull(actual, key + " is null, R has " + text);
        closeTo(kind, key, Double.parseDouble(text), ((Number) actual).doubleValue(), tolerance, absolute);
    }

    /** Relative deviation within {@code tolerance}, or absolute deviation within {@code absolute}. */
    private static void closeTo(String kind, String key, double want, double got, double tolerance, double absolute) {
        double relative = want == got ? 0 : Math.abs(got - want) / Math.max(Math.abs(want), Double.MIN_NORMAL);
        WORST.merge(kind, relative, Math::max);
        assertTrue(relative <= tolerance || Math.abs(got - want) <= absolute,
                key + ": IDX " + got + ", R " + want + " (relative deviation " + relative + ")");
    }

    private static int integer(String key) {
        return (int) number(key);
    }

    private static double number(String key) {
        String text = expected.get(key);
        assertNotNull(text, "no R value " + key);
        return Double.parseDouble(text);
    }

    static String text(String name) throws IOException {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static InputStream open(String name) throws IOException {
        InputStream in = AnovaReferenceTest.class.getResourceAsStream("reference/" + name);
        if (in == null) {
            throw new IOException("missing test resource reference/" + name);
        }
        return in;
    }

    static List<String> scenarios() {
        return new ArrayList<>(List.of(SCENARIOS));
    }
}
