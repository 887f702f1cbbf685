// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.confusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.idx.core.DataTable;
import org.idx.io.delimited.DelimitedTableReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The confusion method against R {@code caret::confusionMatrix} on the same tables (recorded by
 * resources/.../reference/reference.R; R is not needed here). Counts are exact; statistics agree to
 * 1e-9, the accuracy interval and the p-values to 1e-6 relative.
 */
class ConfusionReferenceTest {

    /** The cases where reference.R chose the positive class; elsewhere caret's default (the first level) applies. */
    private static final Map<String, String> POSITIVE = Map.of("two-positive", "normal", "small", "y");
    private static final Set<String> RELATIVE = Set.of("AccuracyLower", "AccuracyUpper", "AccuracyPValue", "McnemarPValue");

    @TempDir
    static Path dir;
    private static Map<String, Map<String, String>> expected;

    @BeforeAll
    static void load() throws IOException {
        expected = new LinkedHashMap<>();
        for (String line : resource("expected.txt").split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.split(" ", 3);
                expected.computeIfAbsent(parts[0], c -> new LinkedHashMap<>()).put(parts[1], parts[2]);
            }
        }
    }

    @Test
    void everyCaseEqualsCaret() throws Exception {
        assertEquals(List.of("two", "two-positive", "three", "never-predicted", "union", "na-numeric", "perfect", "small", "large",
                "all-wrong"),
                new ArrayList<>(expected.keySet()));
        for (String name : expected.keySet()) {
            check(name, expected.get(name));
        }
    }

    @SuppressWarnings("unchecked")
    private static void check(String name, Map<String, String> r) throws Exception {
        Path file = dir.resolve("case-" + name + ".csv");
        Files.writeString(file, resource("case-" + name + ".csv"));
        DataTable table = DelimitedTableReader.read(file).table();
        List<String> params = new ArrayList<>(List.of("truth=truth", "prediction=prediction"));
        if (POSITIVE.containsKey(name)) {
            params.add("positive=" + POSITIVE.get(name));
        }
        Map<String, Object> report = Methods.report(table, params.toArray(String[]::new));
        List<String> levels = Arrays.asList(r.get("levelnames").split("\\|"));
        assertEquals(levels, report.get("levels"), name);
        assertEquals(Long.parseLong(r.get("n")), ((Number) report.get("n")).longValue(), name);
        assertEquals(table.rowCount() - Long.parseLong(r.get("n")), ((Number) report.get("dropped")).longValue(), name);
        if (levels.size() == 2) {
            assertEquals(r.get("positive"), report.get("positive"), name);
        } else {
            assertNull(report.get("positive"), name);
        }
        List<long[]> rows = (List<long[]>) report.get("table");
        for (int i = 0; i < levels.size(); i++) {
            for (int j = 0; j < levels.size(); j++) {
                assertEquals(Long.parseLong(r.get("table." + (i + 1) + "." + (j + 1))), rows.get(i)[j], name + " table " + i + "," + j);
            }
        }
        Map<String, Double> overall = (Map<String, Double>) report.get("overall");
        assertEquals(List.of("Accuracy", "Kappa", "AccuracyLower", "AccuracyUpper", "AccuracyNull", "AccuracyPValue",
                "McnemarPValue"), new ArrayList<>(overall.keySet()));
        for (Map.Entry<String, Double> entry : overall.entrySet()) {
            compare(name + " " + entry.getKey(), r.get("overall." + entry.getKey()), entry.getValue(),
                    RELATIVE.contains(entry.getKey()));
        }
        Map<String, Map<String, Double>> byClass = (Map<String, Map<String, Double>>) report.get("byClass");
        List<String> described = levels.size() == 2 ? List.of(r.get("positive")) : levels;
        assertEquals(described, new ArrayList<>(byClass.keySet()), name);
        for (String level : described) {
            Map<String, Double> statistics = byClass.get(level);
            assertEquals(11, statistics.size());
            for (Map.Entry<String, Double> entry : statistics.entrySet()) {
                String key = "byClass." + level + "." + entry.getKey().replace(' ', '_');
                assertTrue(r.containsKey(key), name + ": R has no " + key);
                compare(name + " " + key, r.get(key), entry.getValue(), false);
            }
        }
    }

    private static void compare(String what, String rValue, double value, boolean relative) {
        if (rValue.equals("NA")) {
            assertTrue(Double.isNaN(value), what + ": R gives NA, IDX " + value);
            return;
        }
        double r = Double.parseDouble(rValue);
        if (Double.isNaN(value)) {
            fail(what + ": R gives " + r + ", IDX NaN");
        }
        double tolerance = relative ? (r == 0 ? 1e-300 : 1e-6 * Math.abs(r)) : 1e-9;
        assertEquals(r, value, tolerance, what);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConfusionReferenceTest.class.getResourceAsStream("reference/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource reference/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
