// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.confusion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What caret's {@code confusionMatrix} reports, with its conventions: with two classes the per-class
 * statistics are those of the positive class only (by default the first level); with more classes
 * every class is described against all others (and there is no positive class).
 *
 * @param table    the confusion matrix (rows = prediction, columns = truth)
 * @param positive the code of the positive class with two classes, -1 with more
 * @param overall  the overall statistics
 * @param byClass  the per-class statistics: one entry (the positive class) with two classes, one per
 *                 level with more; in level order
 */
public record ConfusionReport(ConfusionMatrix table, int positive, OverallStatistics overall,
        Map<String, ClassStatistics> byClass) {

    /** Copies the per-class map. */
    public ConfusionReport {
        byClass = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byClass));
    }

    /**
     * @param table    a confusion matrix of at least two classes and one observation
     * @param positive with two classes, the code of the positive class (-1 for the first level, as
     *                 caret); with more classes it must be -1
     * @return the report
     * @throws IllegalArgumentException with fewer than two classes, no observations, or a positive
     *                                  class with more than two classes
     */
    public static ConfusionReport of(ConfusionMatrix table, int positive) {
        int k = table.size();
        if (k < 2) {
            throw new IllegalArgumentException("a confusion matrix needs at least two classes, it has " + k);
        }
        if (k > 2 && positive != -1) {
            throw new IllegalArgumentException("a positive class is defined only for two classes, there are " + k);
        }
        if (positive < -1 || positive >= k) {
            throw new IllegalArgumentException("no class with code " + positive);
        }
        OverallStatistics overall = OverallStatistics.of(table);
        Map<String, ClassStatistics> byClass = new LinkedHashMap<>();
        int chosen = k == 2 ? Math.max(positive, 0) : -1;
        if (k == 2) {
            byClass.put(table.levels().get(chosen), ClassStatistics.of(table, chosen));
        } else {
            for (int c = 0; c < k; c++) {
                byClass.put(table.levels().get(c), ClassStatistics.of(table, c));
            }
        }
        return new ConfusionReport(table, chosen, overall, byClass);
    }

    /** @return the positive class with two classes, {@code null} with more */
    public String positiveLevel() {
        return positive < 0 ? null : table.levels().get(positive);
    }

    /**
     * The report as a JSON-ready tree with the field names of the {@code confusion} report of the CLI
     * contract: {@code n}, {@code levels}, {@code positive} (null with more than two classes),
     * {@code table} (one list of counts per predicted level, in level order; columns = truth),
     * {@code overall} and {@code byClass} (class name to caret's statistics). Undefined numbers
     * are NaN (written as {@code null}).
     *
     * @return the tree ({@link Map}s in insertion order, {@link List}s, strings, numbers)
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", table.total());
        map.put("levels", new ArrayList<>(table.levels()));
        map.put("positive", positiveLevel());
        List<Object> rows = new ArrayList<>();
        for (long[] row : table.counts()) {
            rows.add(row);
        }
        map.put("table", rows);
        map.put("overall", new LinkedHashMap<>(overall.toMap()));
        Map<String, Object> classes = new LinkedHashMap<>();
        byClass.forEach((level, statistics) -> classes.put(level, new LinkedHashMap<>(statistics.toMap())));
        map.put("byClass", classes);
        return map;
    }
}
