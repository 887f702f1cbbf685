// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every field of the {@code anova} report, for every case of {@code reference.R}, against the
 * values R recorded (one dynamic test per case and report section).
 */
class AnovaReferenceTest {

    private static final Map<String, Object[]> INPUTS = ReferenceData.inputs();

    @TestFactory
    Stream<DynamicNode> reportMatchesR() {
        Map<String, Map<String, List<Map<String, String>>>> expected = new LinkedHashMap<>();
        for (Map<String, String> row : ReferenceData.read("expected.csv")) {
            expected.computeIfAbsent(row.get("case"), c -> new LinkedHashMap<>())
                    .computeIfAbsent(row.get("section"), s -> new ArrayList<>()).add(row);
        }
        assertEquals(INPUTS.keySet(), expected.keySet());
        return expected.entrySet().stream().map(byCase -> {
            Object[] input = INPUTS.get(byCase.getKey());
            Map<String, Object> report = AnovaAnalysis.run((double[]) input[0], (String[]) input[1], 0.05)
                    .toMap();
            return DynamicContainer.dynamicContainer(byCase.getKey(), byCase.getValue().entrySet().stream()
                    .map(section -> DynamicTest.dynamicTest(section.getKey().isEmpty() ? "counts" : section.getKey(),
                            () -> assertSection(report, section.getKey(), section.getValue()))));
        });
    }

    @AfterAll
    static void printErrors() {
        System.out.println(Tolerance.summary());
    }

    private static void assertSection(Map<String, Object> report, String section, List<Map<String, String>> rows) {
        List<String> failures = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String field = row.get("field");
            Object actual = lookup(report, section, row.get("key"), field);
            String what = section + " " + row.get("key") + " " + field;
            String expected = row.get("value");
            if (expected.equals("true") || expected.equals("false") || section.equals("decision")) {
                if (!String.valueOf(actual).equals(expected)) {
                    failures.add(what + ": expected " + expected + " but was " + actual);
                }
                continue;
            }
            double value = ReferenceData.number(expected);
            if (Double.isNaN(value)) {
                if (actual != null) {
                    failures.add(what + ": expected null (NA in R) but was " + actual);
                }
                continue;
            }
            if (!(actual instanceof Number number)) {
                failures.add(what + ": expected " + expected + " but was " + actual);
                continue;
            }
            String quantity = section.replaceFirst("/.*", "") + "." + field;
            boolean agrees;
            if (Tolerance.isIntervalBound(field)) {
                double centre = ((Number) lookup(report, section, row.get("key"),
                        section.equals("tukey_hsd") ? "diff" : "estimate")).doubleValue();
                agrees = Tolerance.agrees(quantity + " (half-width)", number.doubleValue() - centre,
                        value - centre, Tolerance.QUANTILE, 1e-13);
            } else {
                agrees = Tolerance.agrees(quantity, number.doubleValue(), value,
                        Tolerance.relative(section, field), Tolerance.absolute(section, field));
            }
            if (!agrees) {
                failures.add(what + ": expected " + expected + " but was " + number);
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " mismatches:\n" + String.join("\n", failures));
    }

    /** Finds a value of the report tree by the (section, key, field) address used in expected.csv. */
    @SuppressWarnings("unchecked")
    private static Object lookup(Map<String, Object> report, String section, String key, String field) {
        if (section.isEmpty()) {
            return report.get(field);
        }
        String[] path = section.split("/");
        Object node = report.get(path[0]);
        if (path.length > 1 && node != null) {
            node = ((Map<String, Object>) node).get(path[1]);
        }
        if (node == null) {
            return null;
        }
        if (section.equals("shapiro")) {
            Map<String, Object> byGroup = (Map<String, Object>) node;
            assertTrue(byGroup.containsKey(key), "no Shapiro-Wilk entry for " + key);
            Map<String, Object> result = (Map<String, Object>) byGroup.get(key);
            return result == null ? null : result.get(field);
        }
        if (node instanceof List<?> list) {
            Map<String, Object> entry = null;
            for (Object item : list) {
                Map<String, Object> map = (Map<String, Object>) item;
                String id = section.equals("groups") ? (String) map.get("name")
                        : map.get("group1") + "|" + map.get("group2");
                if (id.equals(key)) {
                    assertNull(entry, "duplicate entry " + key + " in " + section);
                    entry = map;
                }
            }
            assertNotNull(entry, "no entry " + key + " in " + section);
            return entry.get(field);
        }
        return ((Map<String, Object>) node).get(field);
    }
}
