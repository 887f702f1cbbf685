// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.core.DataTableListener;
import org.idx.core.LevelCounts;
import org.idx.core.NumericColumn;
import org.idx.core.NumericSummary;
import org.idx.core.TextColumn;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.StringArrayColumn;

/**
 * Some rows of a table, for running a method on a selection without the method knowing: {@link #table()}
 * is a read-only view whose row {@code i} is the table's {@code rows()[i]} (no values are copied), and
 * {@link #expand(Column)} turns a result column of the view back into a column of the whole table, NA in
 * the rows left out.
 */
public final class RowSubset {

    private final DataTable base;
    private final int[] rows;
    private final View view;

    /**
     * @param base the table
     * @param rows the rows to keep, each below {@code base.rowCount()}
     */
    public RowSubset(DataTable base, BitSet rows) {
        this.base = Objects.requireNonNull(base);
        if (rows.length() > base.rowCount()) {
            throw new IllegalArgumentException("row " + (rows.length() - 1) + " is outside a table of " + base.rowCount() + " rows");
        }
        this.rows = rows.stream().toArray();
        this.view = new View();
    }

    /** @return the view of the kept rows (read only: adding columns or roles throws) */
    public DataTable table() {
        return view;
    }

    /** @return the number of rows kept */
    public int size() {
        return rows.length;
    }

    /**
     * @param column a column of {@link #table()}'s length (a method's result)
     * @return the same values at the kept rows of the whole table, NA elsewhere
     */
    public Column expand(Column column) {
        if (column.size() != rows.length) {
            throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size() + " rows, the subset " + rows.length);
        }
        int n = base.rowCount();
        if (column instanceof NumericColumn numeric) {
            double[] values = new double[n];
            BitSet na = new BitSet(n);
            na.set(0, n);
            for (int i = 0; i < rows.length; i++) {
                if (!numeric.isNA(i)) {
                    values[rows[i]] = numeric.value(i);
                    na.clear(rows[i]);
                }
            }
            return DoubleArrayColumn.adopt(column.name(), values, na, numeric.isInteger());
        }
        if (column instanceof CategoricalColumn categorical) {
            int[] codes = new int[n];
            java.util.Arrays.fill(codes, CategoricalColumn.NA_CODE);
            for (int i = 0; i < rows.length; i++) {
                codes[rows[i]] = categorical.code(i);
            }
            return DictionaryColumn.adopt(column.name(), codes, categorical.levels());
        }
        TextColumn text = (TextColumn) column;
        String[] values = new String[n];
        for (int i = 0; i < rows.length; i++) {
            values[rows[i]] = text.value(i);
        }
        return StringArrayColumn.adopt(column.name(), values);
    }

    private Column viewOf(Column column) {
        if (column instanceof NumericColumn numeric) {
            return new NumericView(numeric);
        }
        if (column instanceof CategoricalColumn categorical) {
            return new CategoricalView(categorical);
        }
        return new TextView((TextColumn) column);
    }

    private final class View implements DataTable {
        @Override
        public int rowCount() {
            return rows.length;
        }

        @Override
        public List<Column> columns() {
            return base.columns().stream().map(RowSubset.this::viewOf).toList();
        }

        @Override
        public void addColumn(Column column) {
            throw new UnsupportedOperationException("a row subset is read only");
        }

        @Override
        public void replaceColumn(Column column) {
            throw new UnsupportedOperationException("a row subset is read only");
        }

        @Override
        public void removeColumn(String name) {
            throw new UnsupportedOperationException("a row subset is read only");
        }

        @Override
        public ColumnRoles roles() {
            return base.roles();
        }

        @Override
        public void setRoles(ColumnRoles roles) {
            throw new UnsupportedOperationException("a row subset is read only");
        }

        @Override
        public void addListener(DataTableListener listener) {
            // a view does not change on its own
        }

        @Override
        public void removeListener(DataTableListener listener) {
            // nothing was added
        }
    }

    private final class NumericView implements NumericColumn {
        private final NumericColumn column;
        private NumericSummary summary;

        NumericView(NumericColumn column) {
            this.column = column;
        }

        @Override
        public String name() {
            return column.name();
        }

        @Override
        public int size() {
            return rows.length;
        }

        @Override
        public boolean isNA(int row) {
            return column.isNA(rows[row]);
        }

        @Override
        public double value(int row) {
            return column.value(rows[row]);
        }

        @Override
        public boolean isInteger() {
            return column.isInteger();
        }

        @Override
        public synchronized NumericSummary summary() {
            if (summary == null) {
                summary = NumericSummary.of(this);
            }
            return summary;
        }
    }

    private final class CategoricalView implements CategoricalColumn {
        private final CategoricalColumn column;
        private LevelCounts counts;

        CategoricalView(CategoricalColumn column) {
            this.column = column;
        }

        @Override
        public String name() {
            return column.name();
        }

        @Override
        public int size() {
            return rows.length;
        }

        @Override
        public int code(int row) {
            return column.code(rows[row]);
        }

        @Override
        public List<String> levels() {
            return column.levels();
        }

        @Override
        public synchronized LevelCounts levelCounts() {
            if (counts == null) {
                counts = LevelCounts.of(this);
            }
            return counts;
        }
    }

    private final class TextView implements TextColumn {
        private final TextColumn column;
        private int naCount = -1;

        TextView(TextColumn column) {
            this.column = column;
        }

        @Override
        public String name() {
            return column.name();
        }

        @Override
        public int size() {
            return rows.length;
        }

        @Override
        public String value(int row) {
            return column.value(rows[row]);
        }

        @Override
        public synchronized int naCount() {
            if (naCount < 0) {
                int count = 0;
                for (int row : rows) {
                    if (column.isNA(row)) {
                        count++;
                    }
                }
                naCount = count;
            }
            return naCount;
        }
    }
}
