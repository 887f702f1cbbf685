// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

import org.idx.core.NumericColumn;
import org.idx.core.memory.DoubleArrayColumn;

/**
 * The complete rows of some numeric columns as a column-major matrix: the common first step of
 * reduction and clustering methods. Rows with NA in any chosen column are left out; their indices
 * are remembered so that results can be put back with NA in those rows ({@link #scatter}).
 */
public final class FeatureMatrix {

    private final int tableRows;
    private final int[] rows;
    private final String[] names;
    private final double[][] columns;

    private FeatureMatrix(int tableRows, int[] rows, String[] names, double[][] columns) {
        this.tableRows = tableRows;
        this.rows = rows;
        this.names = names;
        this.columns = columns;
    }

    /**
     * @param chosen     the columns, all of the same size
     * @param minimumRows the fewest complete rows the method can work with
     * @return the complete rows
     * @throws AnalysisException when there are fewer than {@code minimumRows} complete rows, or a
     *                           column is all NA (naming it)
     */
    public static FeatureMatrix of(List<NumericColumn> chosen, int minimumRows) throws AnalysisException {
        if (chosen.isEmpty()) {
            throw new AnalysisException("no columns chosen");
        }
        int size = chosen.get(0).size();
        BitSet incomplete = new BitSet(size);
        for (NumericColumn column : chosen) {
            int na = column.naCount();
            if (na == size && size > 0) {
                throw new AnalysisException("column '" + column.name() + "' has only NA values");
            }
            if (na > 0) {
                for (int row = 0; row < size; row++) {
                    if (column.isNA(row)) {
                        incomplete.set(row);
                    }
                }
            }
        }
        int n = size - incomplete.cardinality();
        if (n < minimumRows) {
            throw new AnalysisException("too few complete rows: " + n + " of " + size
                    + " rows have values in all chosen columns, at least " + minimumRows + " are needed");
        }
        int[] rows = new int[n];
        for (int row = incomplete.nextClearBit(0), i = 0; i < n; row = incomplete.nextClearBit(row + 1)) {
            rows[i++] = row;
        }
        double[][] columns = new double[chosen.size()][];
        String[] names = new String[chosen.size()];
        IntStream.range(0, chosen.size()).parallel().forEach(c -> {
            NumericColumn column = chosen.get(c);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = column.value(rows[i]);
            }
            columns[c] = values;
            names[c] = column.name();
        });
        return new FeatureMatrix(size, rows, names, columns);
    }

    /** @return the number of complete rows */
    public int rows() {
        return rows.length;
    }

    /** @return the number of columns */
    public int columnCount() {
        return columns.length;
    }

    /**
     * @param c a column index
     * @return its name
     */
    public String name(int c) {
        return names[c];
    }

    /**
     * @param c a column index
     * @return its values on the complete rows (the matrix's own array: change it only to transform in place)
     */
    public double[] column(int c) {
        return columns[c];
    }

    /**
     * @param i a complete-row index
     * @return the table row it came from
     */
    public int tableRow(int i) {
        return rows[i];
    }

    /** @return the column means */
    public double[] means() {
        double[] means = new double[columns.length];
        IntStream.range(0, columns.length).parallel().forEach(c -> {
            double[] v = columns[c];
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            double mean = sum / v.length;
            double correction = 0; // second pass, as R's mean()
            for (double x : v) {
                correction += x - mean;
            }
            means[c] = mean + correction / v.length;
        });
        return means;
    }

    /**
     * @param means the column means
     * @return the column standard deviations (denominator n - 1, as R's sd)
     */
    public double[] sds(double[] means) {
        double[] sds = new double[columns.length];
        IntStream.range(0, columns.length).parallel().forEach(c -> {
            double[] v = columns[c];
            double m = means[c];
            double ss = 0;
            for (double x : v) {
                ss += (x - m) * (x - m);
            }
            sds[c] = Math.sqrt(ss / (v.length - 1));
        });
        return sds;
    }

    /**
     * Centres the columns in place and, when {@code scale}, divides them by their standard deviation.
     *
     * @param scale whether to scale to unit variance
     * @return {@code {means, sds}} (sds all 1 when not scaling)
     * @throws AnalysisException when scaling a constant column (naming it)
     */
    public double[][] standardize(boolean scale) throws AnalysisException {
        double[] means = means();
        double[] sds = sds(means);
        if (scale) {
            for (int c = 0; c < columns.length; c++) {
                if (!(sds[c] > 0) || sds[c] <= 1e-14 * Math.abs(means[c])) {
                    throw new AnalysisException("column '" + names[c] + "' is constant on the complete rows and cannot be scaled to unit variance");
                }
            }
        } else {
            java.util.Arrays.fill(sds, 1);
        }
        IntStream.range(0, columns.length).parallel().forEach(c -> {
            double[] v = columns[c];
            double m = means[c];
            double s = sds[c];
            for (int i = 0; i < v.length; i++) {
                v[i] = (v[i] - m) / s;
            }
        });
        return new double[][] { means, sds };
    }

    /**
     * Puts values computed for the complete rows into a new table column, NA in the other rows.
     *
     * @param name    the column name
     * @param values  one value per complete row (adopted)
     * @param integer whether the values are whole numbers
     * @return a column with one value per table row
     */
    public DoubleArrayColumn scatter(String name, double[] values, boolean integer) {
        if (values.length != rows.length) {
            throw new IllegalArgumentException("one value per complete row expected");
        }
        if (rows.length == tableRows) {
            return DoubleArrayColumn.adopt(name, values, null, integer);
        }
        double[] all = new double[tableRows];
        BitSet na = new BitSet(tableRows);
        na.set(0, tableRows);
        for (int i = 0; i < rows.length; i++) {
            all[rows[i]] = values[i];
            na.clear(rows[i]);
        }
        return DoubleArrayColumn.adopt(name, all, na, integer);
    }
}
