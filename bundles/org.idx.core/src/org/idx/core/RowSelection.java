// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

import java.util.BitSet;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * An immutable set of rows of one table, with the object that made the selection (a view, a
 * filter) so that views can ignore their own selections. Equality compares the table by
 * identity, the rows and the origin; {@link #hasSameRows(RowSelection)} ignores the origin.
 */
public final class RowSelection {

    private final DataTable table;
    private final BitSet rows;
    private final Object origin;

    /**
     * @param table  the table
     * @param rows   the selected row indices (copied)
     * @param origin what made the selection, may be {@code null}
     */
    public RowSelection(DataTable table, BitSet rows, Object origin) {
        this.table = Objects.requireNonNull(table);
        this.rows = (BitSet) rows.clone();
        this.origin = origin;
    }

    /**
     * @param table  the table
     * @param origin what made the selection
     * @return a selection of no rows
     */
    public static RowSelection empty(DataTable table, Object origin) {
        return new RowSelection(table, new BitSet(), origin);
    }

    /**
     * @param table  the table
     * @param origin what made the selection
     * @param rows   row indices
     * @return a selection of these rows
     */
    public static RowSelection of(DataTable table, Object origin, int... rows) {
        BitSet bits = new BitSet();
        for (int row : rows) {
            bits.set(row);
        }
        return new RowSelection(table, bits, origin);
    }

    /** @return the table the rows belong to */
    public DataTable table() {
        return table;
    }

    /** @return a copy of the selected rows */
    public BitSet rows() {
        return (BitSet) rows.clone();
    }

    /** @return the selected rows in ascending order */
    public IntStream stream() {
        return rows.stream();
    }

    /** @return what made the selection, or {@code null} */
    public Object origin() {
        return origin;
    }

    /** @return the number of selected rows */
    public int cardinality() {
        return rows.cardinality();
    }

    /** @return whether no row is selected */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * @param row a row index
     * @return whether it is selected
     */
    public boolean contains(int row) {
        return rows.get(row);
    }

    /**
     * @param other another selection
     * @return whether both select the same rows of the same table, whatever their origins
     */
    public boolean hasSameRows(RowSelection other) {
        return other != null && table == other.table && rows.equals(other.rows);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowSelection that && hasSameRows(that) && Objects.equals(origin, that.origin);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(table) * 31 + rows.hashCode();
    }

    @Override
    public String toString() {
        return "RowSelection[" + cardinality() + " rows, origin=" + origin + "]";
    }
}
