// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.TextColumn;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.StringArrayColumn;

/**
 * Runs a method on the calling thread and adds its columns to a table, all or none. Used by the
 * headless command; the workbench wraps the same calls in a {@code Job}.
 */
public final class AnalysisRunner {

    private AnalysisRunner() {
    }

    /**
     * @param method     the method
     * @param table      the table (not changed)
     * @param parameters the parameter values
     * @param monitor    progress and cancellation, or {@code null}
     * @return the result, checked: every new column has one value per table row
     * @throws AnalysisException when the input does not allow the analysis
     * @throws IllegalStateException when the method cannot be created or returns a malformed result
     */
    public static AnalysisResult run(MethodDescriptor method, DataTable table, ParameterValues parameters,
            IProgressMonitor monitor) throws AnalysisException {
        AnalysisMethod instance;
        try {
            instance = method.factory().create();
        } catch (Exception e) {
            throw new IllegalStateException("method '" + method.id() + "' from " + method.contributor() + " cannot be created: " + e, e);
        }
        AnalysisResult result = instance.run(table, parameters, monitor == null ? new NullProgressMonitor() : monitor);
        if (result == null) {
            throw new IllegalStateException("method '" + method.id() + "' returned no result");
        }
        for (Column column : result.columns()) {
            if (column.size() != table.rowCount()) {
                throw new IllegalStateException("method '" + method.id() + "' returned column '" + column.name() + "' with "
                        + column.size() + " rows for a table of " + table.rowCount());
            }
        }
        return result;
    }

    /**
     * Runs a method on some rows of a table only (e.g. the selected rows): the method sees a
     * {@link RowSubset} view and its new columns are expanded to the whole table, NA in the other rows.
     *
     * @param method     the method
     * @param table      the table (not changed)
     * @param rows       the rows to analyse, or {@code null} for all
     * @param parameters the parameter values
     * @param monitor    progress and cancellation, or {@code null}
     * @return the result, with one value per table row in every new column
     * @throws AnalysisException when the input does not allow the analysis
     */
    public static AnalysisResult run(MethodDescriptor method, DataTable table, BitSet rows, ParameterValues parameters,
            IProgressMonitor monitor) throws AnalysisException {
        if (rows == null) {
            return run(method, table, parameters, monitor);
        }
        if (rows.isEmpty()) {
            throw new AnalysisException("no rows are selected");
        }
        RowSubset subset = new RowSubset(table, rows);
        AnalysisResult result = run(method, subset.table(), parameters, monitor);
        List<Column> expanded = new ArrayList<>();
        for (Column column : result.columns()) {
            expanded.add(subset.expand(column));
        }
        return new AnalysisResult(expanded, result.report(), result.models());
    }

    /**
     * Runs a method on some rows of a table and keeps its new columns' values in fewer rows: e.g. a
     * classifier trained on all labelled rows whose predictions are wanted for the selected rows only.
     * Models the run trained are returned as they are (trained on the analysed rows).
     *
     * @param method     the method
     * @param table      the table (not changed)
     * @param rows       the rows to analyse, or {@code null} for all
     * @param resultRows the rows whose values the new columns keep, NA in the others; {@code null} for
     *                   every analysed row
     * @param parameters the parameter values
     * @param monitor    progress and cancellation, or {@code null}
     * @return the result, with one value per table row in every new column
     * @throws AnalysisException when the input does not allow the analysis, or {@code resultRows} is empty
     */
    public static AnalysisResult run(MethodDescriptor method, DataTable table, BitSet rows, BitSet resultRows,
            ParameterValues parameters, IProgressMonitor monitor) throws AnalysisException {
        if (resultRows != null && resultRows.isEmpty()) {
            throw new AnalysisException("no rows are selected to receive the results");
        }
        AnalysisResult result = run(method, table, rows, parameters, monitor);
        return resultRows == null ? result : keepRows(result, resultRows);
    }

    /**
     * Applies a stored model again, through the method that trained it ({@link ModelPredictor}).
     *
     * @param method  the method whose id is {@code model.method()}
     * @param model   the model
     * @param table   the table to predict (not changed)
     * @param rows    the rows to predict, or {@code null} for all; the new columns are NA in the others
     * @param monitor progress and cancellation, or {@code null}
     * @return the result, checked: every new column has one value per table row
     * @throws AnalysisException when a feature column of the model is missing or not numeric (one
     *                           sentence naming it), no row is given, or the method cannot apply the model
     * @throws IllegalStateException when the method cannot be created or returns a malformed result
     */
    public static AnalysisResult predict(MethodDescriptor method, TrainedModel model, DataTable table, BitSet rows,
            IProgressMonitor monitor) throws AnalysisException {
        if (!method.id().equals(model.method())) {
            throw new IllegalArgumentException("model '" + model.name() + "' was trained by '" + model.method()
                    + "', not by '" + method.id() + "'");
        }
        if (rows != null && rows.isEmpty()) {
            throw new AnalysisException("no rows are selected to predict");
        }
        model.featureColumns(table);
        AnalysisMethod instance;
        try {
            instance = method.factory().create();
        } catch (Exception e) {
            throw new IllegalStateException("method '" + method.id() + "' from " + method.contributor() + " cannot be created: " + e, e);
        }
        if (!(instance instanceof ModelPredictor predictor)) {
            throw new AnalysisException("method '" + method.id() + "' cannot predict with a stored model");
        }
        AnalysisResult result = predictor.predict(table, model, rows == null ? null : (BitSet) rows.clone(),
                monitor == null ? new NullProgressMonitor() : monitor);
        if (result == null) {
            throw new IllegalStateException("method '" + method.id() + "' returned no prediction");
        }
        for (Column column : result.columns()) {
            if (column.size() != table.rowCount()) {
                throw new IllegalStateException("method '" + method.id() + "' predicted column '" + column.name() + "' with "
                        + column.size() + " rows for a table of " + table.rowCount());
            }
        }
        return rows == null ? result : keepRows(result, rows);
    }

    /** @return the result with its columns NA outside {@code rows} */
    private static AnalysisResult keepRows(AnalysisResult result, BitSet rows) {
        List<Column> kept = new ArrayList<>();
        for (Column column : result.columns()) {
            kept.add(keepRows(column, rows));
        }
        Map<String, Object> report = new LinkedHashMap<>(result.report());
        if (!report.isEmpty()) {
            report.put("result_rows", rows.cardinality()); // the method's own counts are of every analysed row
        }
        return new AnalysisResult(kept, report, result.models());
    }

    private static Column keepRows(Column column, BitSet rows) {
        int n = column.size();
        if (column instanceof NumericColumn numeric) {
            double[] values = new double[n];
            BitSet na = new BitSet(n);
            na.set(0, n);
            for (int row = rows.nextSetBit(0); row >= 0 && row < n; row = rows.nextSetBit(row + 1)) {
                if (!numeric.isNA(row)) {
                    values[row] = numeric.value(row);
                    na.clear(row);
                }
            }
            return DoubleArrayColumn.adopt(column.name(), values, na, numeric.isInteger());
        }
        if (column instanceof CategoricalColumn categorical) {
            int[] codes = new int[n];
            Arrays.fill(codes, CategoricalColumn.NA_CODE);
            for (int row = rows.nextSetBit(0); row >= 0 && row < n; row = rows.nextSetBit(row + 1)) {
                codes[row] = categorical.code(row);
            }
            return DictionaryColumn.adopt(column.name(), codes, categorical.levels());
        }
        TextColumn text = (TextColumn) column;
        String[] values = new String[n];
        for (int row = rows.nextSetBit(0); row >= 0 && row < n; row = rows.nextSetBit(row + 1)) {
            values[row] = text.value(row);
        }
        return StringArrayColumn.adopt(column.name(), values);
    }

    /**
     * Adds a result's columns to a table. A name the table has already gets the first free suffix
     * {@code .1}, {@code .2}, ... (as R's {@code make.unique}), so a re-run adds versioned columns.
     *
     * @param table  the table
     * @param result the result of a run on that table
     * @return the names the columns were added under
     */
    public static List<String> addColumns(DataTable table, AnalysisResult result) {
        return addColumns(table, result, false);
    }

    /**
     * Adds a result's columns to a table, replacing the columns of an earlier run or beside them.
     *
     * @param table   the table
     * @param result  the result of a run on that table
     * @param replace whether a column whose name the table has already is replaced (a re-run overwrites
     *                its earlier result) rather than added under the first free suffix {@code .1}, {@code .2}...
     * @return the names the columns were added or replaced under
     */
    public static List<String> addColumns(DataTable table, AnalysisResult result, boolean replace) {
        if (replace) {
            List<String> names = new ArrayList<>();
            for (Column column : result.columns()) {
                if (table.findColumn(column.name()).isPresent()) {
                    table.replaceColumn(column);
                } else {
                    table.addColumn(column);
                }
                names.add(column.name());
            }
            return names;
        }
        Set<String> taken = new HashSet<>();
        for (Column column : table.columns()) {
            taken.add(column.name());
        }
        List<Column> renamed = new ArrayList<>();
        for (Column column : result.columns()) {
            String name = column.name();
            for (int i = 1; taken.contains(name); i++) {
                name = column.name() + "." + i;
            }
            taken.add(name);
            renamed.add(name.equals(column.name()) ? column : rename(column, name));
        }
        List<String> names = new ArrayList<>();
        for (Column column : renamed) {
            table.addColumn(column);
            names.add(column.name());
        }
        return names;
    }

    private static Column rename(Column column, String name) {
        if (column instanceof NumericColumn numeric) {
            double[] values = new double[numeric.size()];
            java.util.BitSet na = new java.util.BitSet();
            for (int row = 0; row < values.length; row++) {
                if (numeric.isNA(row)) {
                    na.set(row);
                } else {
                    values[row] = numeric.value(row);
                }
            }
            return DoubleArrayColumn.adopt(name, values, na, numeric.isInteger());
        }
        if (column instanceof org.idx.core.CategoricalColumn categorical) {
            int[] codes = new int[categorical.size()];
            for (int row = 0; row < codes.length; row++) {
                codes[row] = categorical.code(row);
            }
            return org.idx.core.memory.DictionaryColumn.adopt(name, codes, categorical.levels());
        }
        throw new IllegalArgumentException("cannot rename a " + column.type() + " result column yet: '" + column.name() + "'");
    }
}
