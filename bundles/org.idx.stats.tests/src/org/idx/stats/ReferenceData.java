// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CSV files written by {@code reference.R} (resources of this fragment, package folder
 * {@code org/idx/stats/reference}).
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /**
     * @param name file name inside the reference folder
     * @return the rows as header-keyed maps, in file order
     */
    public static List<Map<String, String>> read(String name) {
        String path = "/org/idx/stats/reference/" + name;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = reader.readLine().split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the number in a cell; NaN for {@code NA}, infinity for {@code Inf} */
    public static double number(String cell) {
        return switch (cell) {
            case "NA" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(cell);
        };
    }

    /** The input rows of every case: case name to {values, groups}. */
    public static Map<String, Object[]> inputs() {
        Map<String, List<Map<String, String>>> byCase = new LinkedHashMap<>();
        for (Map<String, String> row : read("inputs.csv")) {
            byCase.computeIfAbsent(row.get("case"), c -> new ArrayList<>()).add(row);
        }
        Map<String, Object[]> result = new LinkedHashMap<>();
        byCase.forEach((name, rows) -> {
            double[] values = new double[rows.size()];
            String[] groups = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                values[i] = number(rows.get(i).get("value"));
                String group = rows.get(i).get("group");
                groups[i] = "NA".equals(group) ? null : group;
            }
            result.put(name, new Object[] {values, groups});
        });
        return result;
    }
}
