// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.examples.platezscore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisMethod;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.ParameterValues;
import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DoubleArrayColumn;

/**
 * Per-plate z-scores, the example of an analysis method contributed from outside IDX's core: for
 * each chosen feature and each plate (the {@code by} column, by default the column with the plate
 * role), {@code (value - centre) / spread} where centre and spread come from the plate's reference
 * rows: all its rows, or only its control rows. Rows with NA in the feature or the plate stay NA; a
 * plate whose reference has fewer than two values, or no spread, gets NA and a warning in the report.
 */
public final class PlateZScoreMethod implements AnalysisMethod {

    @Override
    public AnalysisResult run(DataTable table, ParameterValues parameters, IProgressMonitor monitor) throws AnalysisException {
        List<NumericColumn> features = parameters.numericColumns(table, "columns");
        if (features.isEmpty()) {
            throw new AnalysisException("there is no numeric column to normalise (parameter columns)");
        }
        Optional<Column> by = parameters.column(table, "by");
        if (by.isEmpty()) {
            Optional<String> plate = table.roles().column(ColumnRole.PLATE);
            if (plate.isPresent()) {
                by = table.findColumn(plate.get());
            }
        }
        BitSet reference = referenceRows(table, parameters);
        boolean robust = parameters.bool("robust");
        Groups groups = Groups.of(table.rowCount(), by.orElse(null));
        SubMonitor progress = SubMonitor.convert(monitor, "Per-plate z-scores", features.size());

        List<Column> columns = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int[] referenceCounts = new int[groups.count()];
        for (NumericColumn feature : features) {
            if (progress.isCanceled()) {
                throw new OperationCanceledException();
            }
            ReferenceStatistics[] stats = statistics(feature, groups, reference, robust);
            double[] z = new double[table.rowCount()];
            BitSet na = new BitSet();
            for (int row = 0; row < z.length; row++) {
                int g = groups.of(row);
                ReferenceStatistics s = g < 0 ? null : stats[g];
                if (s == null || feature.isNA(row) || !(s.spread() > 0)) {
                    na.set(row);
                } else {
                    z[row] = (feature.value(row) - s.centre()) / s.spread();
                }
            }
            for (int g = 0; g < stats.length; g++) {
                referenceCounts[g] = Math.max(referenceCounts[g], stats[g].n());
                if (!(stats[g].spread() > 0)) {
                    warnings.add(feature.name() + " in " + groups.name(g) + ": " + (stats[g].n() < 2
                            ? stats[g].n() + " reference value(s), too few for a spread"
                            : "the reference values do not vary") + "; its z-scores are NA");
                }
            }
            columns.add(DoubleArrayColumn.adopt(feature.name() + "_z", z, na, false));
            progress.worked(1);
        }

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("method", "plate-zscore");
        report.put("n", table.rowCount() - groups.naRows());
        report.put("by", by.map(Column::name).orElse(null));
        report.put("robust", robust);
        List<Map<String, Object>> perGroup = new ArrayList<>();
        for (int g = 0; g < groups.count(); g++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", groups.name(g));
            entry.put("reference_n", referenceCounts[g]);
            perGroup.add(entry);
        }
        report.put("groups", perGroup);
        report.put("warnings", warnings);
        return new AnalysisResult(columns, report);
    }

    /** The rows that define centre and spread: the control rows if asked for, else all rows. */
    private static BitSet referenceRows(DataTable table, ParameterValues parameters) throws AnalysisException {
        BitSet rows = new BitSet(table.rowCount());
        Optional<Column> controlColumn = parameters.column(table, "control-column");
        if (controlColumn.isEmpty()) {
            rows.set(0, table.rowCount());
            return rows;
        }
        String control = parameters.string("control").orElseThrow(() -> new AnalysisException(
                "control-column is " + controlColumn.get().name() + " but no control value is given (parameter control)"));
        Column column = controlColumn.get();
        for (int row = 0; row < table.rowCount(); row++) {
            if (!column.isNA(row) && control.equals(column.text(row))) {
                rows.set(row);
            }
        }
        if (rows.isEmpty()) {
            throw new AnalysisException("no row has '" + control + "' in column " + column.name() + " (parameter control)");
        }
        return rows;
    }

    private static ReferenceStatistics[] statistics(NumericColumn feature, Groups groups, BitSet reference, boolean robust) {
        int[] counts = new int[groups.count()];
        for (int row = reference.nextSetBit(0); row >= 0; row = reference.nextSetBit(row + 1)) {
            int g = groups.of(row);
            if (g >= 0 && !feature.isNA(row) && Double.isFinite(feature.value(row))) {
                counts[g]++;
            }
        }
        double[][] values = new double[groups.count()][];
        for (int g = 0; g < values.length; g++) {
            values[g] = new double[counts[g]];
        }
        int[] filled = new int[groups.count()];
        for (int row = reference.nextSetBit(0); row >= 0; row = reference.nextSetBit(row + 1)) {
            int g = groups.of(row);
            if (g >= 0 && !feature.isNA(row) && Double.isFinite(feature.value(row))) {
                values[g][filled[g]++] = feature.value(row);
            }
        }
        ReferenceStatistics[] stats = new ReferenceStatistics[groups.count()];
        for (int g = 0; g < stats.length; g++) {
            stats[g] = ReferenceStatistics.of(values[g], counts[g], robust);
        }
        return stats;
    }

    /** Row to group: the levels of a categorical column, or the distinct texts of any other column. */
    private record Groups(int[] ids, List<String> names, int naRows) {

        static Groups of(int rows, Column by) {
            int[] ids = new int[rows];
            if (by == null) {
                return new Groups(ids, List.of("all rows"), 0);
            }
            int na = 0;
            if (by instanceof CategoricalColumn categorical) {
                for (int row = 0; row < rows; row++) {
                    ids[row] = categorical.isNA(row) ? -1 : categorical.code(row);
                    na += ids[row] < 0 ? 1 : 0;
                }
                return new Groups(ids, categorical.levels(), na);
            }
            Map<String, Integer> index = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                if (by.isNA(row)) {
                    ids[row] = -1;
                    na++;
                    continue;
                }
                ids[row] = index.computeIfAbsent(by.text(row), name -> {
                    names.add(name);
                    return names.size() - 1;
                });
            }
            return new Groups(ids, names, na);
        }

        int of(int row) {
            return ids[row];
        }

        int count() {
            return names.size();
        }

        String name(int group) {
            return names.get(group);
        }
    }
}
