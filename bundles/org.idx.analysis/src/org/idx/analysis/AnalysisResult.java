// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.idx.core.Column;

/**
 * What a method produced: new columns (one value per table row; NA where the method could not
 * use the row) and/or a report. The report is a tree of {@code Map<String, ?>} (ordered),
 * {@code List<?>}, {@code double[]}, {@code int[]}, {@code long[]}, numbers, strings, booleans and
 * {@code null}, written as JSON by {@link ReportWriter}. A method that trains models may return them
 * too, to be kept with the table's session and applied again ({@link ModelPredictor}).
 *
 * @param columns the new columns, in the order they should be added
 * @param report  the report (ordered), possibly empty
 * @param models  the models the run trained, possibly empty
 */
public record AnalysisResult(List<Column> columns, Map<String, Object> report, List<TrainedModel> models) {

    /**
     * A result without models.
     *
     * @param columns the new columns
     * @param report  the report
     */
    public AnalysisResult(List<Column> columns, Map<String, Object> report) {
        this(columns, report, List.of());
    }

    /** Copies the column list and checks that names are unique. */
    public AnalysisResult {
        columns = List.copyOf(columns);
        models = models == null ? List.of() : List.copyOf(models);
        report = report == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(report));
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("result has two columns named '" + column.name() + "'");
            }
        }
    }
}
