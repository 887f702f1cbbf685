// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DoubleArrayColumn;

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
