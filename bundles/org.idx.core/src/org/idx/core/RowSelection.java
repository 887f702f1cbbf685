// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

import java.util.BitSet;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * An immutable set of rows of one table, with the object that made the selection (a view, a
 * filter) so that views can ignore their own selections. Equality compares the table by
 * identity, the rows, the focus and the origin; {@link #hasSameRows(RowSelection)} ignores the origin.
 * <p>
 * The <em>focus</em> is the one row the user acted on last (the point clicked, the table row under
 * the cursor): the image viewers show its image. It defaults to the first selected row.
 */
public final class RowSelection {

    private final DataTable table;
    private final BitSet rows;
    private final Object origin;
    private final int focus;

    /**
     * @param table  the table
     * @param rows   the selected row indices (copied)
     * @param origin what made the selection, may be {@code null}
     */
    public RowSelection(DataTable table, BitSet rows, Object origin) {
        this(table, rows, origin, -1);
    }

    /**
     * @param table  the table
     * @param rows   the selected row indices (copied)
     * @param origin what made the selection, may be {@code null}
     * @param focus  the row acted on last, one of {@code rows}; {@code -1} for the first selected row
     * @throws IllegalArgumentException if {@code focus} is not a selected row
     */
    public RowSelection(DataTable table, BitSet rows, Object origin, int focus) {
        this.table = Objects.requireNonNull(table);
        this.rows = (BitSet) rows.clone();
        this.origin = origin;
        if (focus >= 0 && !rows.get(focus)) {
            throw new IllegalArgumentException("the focus row " + focus + " is not selected");
        }
        this.focus = focus >= 0 ? focus : rows.nextSetBit(0);
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

    /** @return the row acted on last (the first selected row unless told otherwise), or {@code -1} when empty */
    public int focus() {
        return focus;
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
        return other instanceof RowSelection that && hasSameRows(that) && focus == that.focus
                && Objects.equals(origin, that.origin);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(table) * 31 + rows.hashCode();
    }

    @Override
    public String toString() {
        return "RowSelection[" + cardinality() + " rows, focus " + focus + ", origin=" + origin + "]";
    }
}
