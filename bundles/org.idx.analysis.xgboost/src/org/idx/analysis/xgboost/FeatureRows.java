// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.xgboost;

import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

import org.idx.core.NumericColumn;

/**
 * The feature columns of a classifier, read into XGBoost's dense row-major float layout. NA stays
 * missing: it becomes NaN, which XGBoost treats as a missing value (each split learns a default
 * direction for it). Infinite values, and finite ones beyond the float range, are read as missing
 * too (XGBoost rejects infinities) and counted per column ({@link #nonFinite()}).
 */
final class FeatureRows {

    private final List<NumericColumn> columns;
    private final long[] nonFinite;

    /** @param columns the feature columns, all of one table */
    FeatureRows(List<NumericColumn> columns) {
        this.columns = List.copyOf(columns);
        this.nonFinite = new long[columns.size()];
    }

    /** @return the number of features */
    int count() {
        return columns.size();
    }

    /**
     * @param rowCount the table's row count
     * @return the rows that have a value in at least one feature (the rows that can be predicted)
     */
    BitSet rowsWithValues(int rowCount) {
        BitSet rows = new BitSet(rowCount);
        for (NumericColumn column : columns) {
            if (column.naCount() == 0) {
                rows.set(0, rowCount);
                return rows;
            }
            // only the rows without a value so far: after a few columns, hardly any
            for (int row = rows.nextClearBit(0); row < rowCount; row = rows.nextClearBit(row + 1)) {
                if (!column.isNA(row)) {
                    rows.set(row);
                }
            }
        }
        return rows;
    }

    /**
     * @param rows  table row indices
     * @param from  the first position in {@code rows} to read
     * @param count how many rows to read
     * @return {@code count x count()} values, row-major, NaN where NA
     */
    float[] read(int[] rows, int from, int count) {
        int p = columns.size();
        float[] values = new float[Math.multiplyExact(count, p)];
        IntStream.range(0, p).parallel().forEach(c -> {
            NumericColumn column = columns.get(c);
            long infinite = 0;
            for (int i = 0; i < count; i++) {
                int row = rows[from + i];
                float value = (float) column.value(row); // NA reads as NaN
                if (Float.isInfinite(value)) {
                    value = Float.NaN;
                    infinite++;
                }
                values[i * p + c] = value;
            }
            synchronized (nonFinite) {
                nonFinite[c] += infinite;
            }
        });
        return values;
    }

    /**
     * Reads rows on the calling thread (for callers that run blocks of rows in parallel themselves).
     *
     * @param rows   table row indices
     * @param from   the first position in {@code rows} to read
     * @param count  how many rows to read
     * @param values receives {@code count x count()} values, row-major, NaN where NA
     */
    void read(int[] rows, int from, int count, float[] values) {
        int p = columns.size();
        long[] infinite = null;
        for (int c = 0; c < p; c++) {
            NumericColumn column = columns.get(c);
            for (int i = 0; i < count; i++) {
                float value = (float) column.value(rows[from + i]); // NA reads as NaN
                if (Float.isInfinite(value)) {
                    value = Float.NaN;
                    if (infinite == null) {
                        infinite = new long[p];
                    }
                    infinite[c]++;
                }
                values[i * p + c] = value;
            }
        }
        if (infinite != null) {
            synchronized (nonFinite) {
                for (int c = 0; c < p; c++) {
                    nonFinite[c] += infinite[c];
                }
            }
        }
    }

    /**
     * @return per feature, how many values read so far were infinite or beyond the float range and
     *         were read as missing (a copy)
     */
    long[] nonFinite() {
        synchronized (nonFinite) {
            return nonFinite.clone();
        }
    }

    /**
     * @param c a feature index
     * @return its column's name
     */
    String name(int c) {
        return columns.get(c).name();
    }
}
