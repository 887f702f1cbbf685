// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.memory;

import java.util.BitSet;
import java.util.Objects;

import org.idx.core.NumericColumn;
import org.idx.core.NumericSummary;

/**
 * A {@link NumericColumn} backed by one {@code double[]} and, when there are NA values, a
 * {@link BitSet} marking them (at most 8.125 bytes per value). NA slots hold {@link Double#NaN}.
 */
public final class DoubleArrayColumn implements NumericColumn {

    private static final double EXACT_LIMIT = 0x1p53;

    private final String name;
    private final double[] values;
    private final BitSet na;
    private final boolean integer;
    private volatile NumericSummary summary;

    private DoubleArrayColumn(String name, double[] values, BitSet na, boolean integer) {
        this.name = Objects.requireNonNull(name);
        this.values = values;
        this.na = na == null || na.isEmpty() ? null : na;
        this.integer = integer;
    }

    /**
     * Wraps arrays without copying them: the caller hands them over and must not change them.
     * NA slots are set to NaN.
     *
     * @param name    the column name
     * @param values  the values, one per row
     * @param na      the NA rows, or {@code null} when none
     * @param integer whether the column is an integer column; checked: every non-NA value must be
     *                whole and of magnitude at most 2<sup>53</sup>
     * @return the column
     * @throws IllegalArgumentException when {@code integer} is claimed for values that are not
     */
    public static DoubleArrayColumn adopt(String name, double[] values, BitSet na, boolean integer) {
        if (na != null) {
            for (int row = na.nextSetBit(0); row >= 0 && row < values.length; row = na.nextSetBit(row + 1)) {
                values[row] = Double.NaN;
            }
        }
        if (integer) {
            for (int row = 0; row < values.length; row++) {
                double v = values[row];
                if ((na == null || !na.get(row)) && !(v == Math.rint(v) && Math.abs(v) <= EXACT_LIMIT)) {
                    throw new IllegalArgumentException("Column '" + name + "' row " + row + ": " + v + " is not an exact integer");
                }
            }
        }
        return new DoubleArrayColumn(name, values, na, integer);
    }

    /**
     * Builds a column from values in which NaN means NA (copied).
     *
     * @param name   the column name
     * @param values the values
     * @return the column, never an integer column
     */
    public static DoubleArrayColumn of(String name, double... values) {
        BitSet na = new BitSet();
        for (int row = 0; row < values.length; row++) {
            if (Double.isNaN(values[row])) {
                na.set(row);
            }
        }
        return new DoubleArrayColumn(name, values.clone(), na, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isNA(int row) {
        Objects.checkIndex(row, values.length);
        return na != null && na.get(row);
    }

    @Override
    public double value(int row) {
        return values[row];
    }

    @Override
    public boolean isInteger() {
        return integer;
    }

    @Override
    public NumericSummary summary() {
        NumericSummary s = summary;
        if (s == null) {
            s = NumericSummary.of(this);
            summary = s;
        }
        return s;
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + values.length + " rows" + (integer ? ", integer]" : "]");
    }
}
