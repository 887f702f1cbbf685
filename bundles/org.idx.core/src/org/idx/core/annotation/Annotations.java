// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.annotation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.memory.DictionaryColumn;

/**
 * The labels users give rows of a table: a {@link LabelSet} and the categorical column of the
 * table that holds them (its levels are the label names, in order; NA means unlabelled).
 * <p>
 * Columns are immutable, so every change replaces the annotation column with a new one, which
 * the table announces as {@link org.idx.core.DataTableEvent.Kind#VALUES_CHANGED}. Labelling
 * returns a {@link LabelChange} that {@link #undo(LabelChange)} and {@link #redo(LabelChange)}
 * take; it keeps only the changed rows' old codes. Changes are serialised on this object.
 */
public final class Annotations {

    private final DataTable table;
    private final String column;
    private final List<AnnotationListener> listeners = new CopyOnWriteArrayList<>();
    private volatile LabelSet labels;

    private Annotations(DataTable table, String column, LabelSet labels) {
        this.table = table;
        this.column = column;
        this.labels = labels;
    }

    /**
     * Adds a new annotation column in which no row is labelled yet.
     *
     * @param table  the table
     * @param column the name of the new column
     * @param labels the labels it can hold
     * @return the annotations
     * @throws IllegalArgumentException when the table has a column of that name
     */
    public static Annotations create(DataTable table, String column, LabelSet labels) {
        int[] codes = new int[table.rowCount()];
        java.util.Arrays.fill(codes, CategoricalColumn.NA_CODE);
        table.addColumn(DictionaryColumn.adopt(column, codes, labels.names()));
        return new Annotations(table, column, labels);
    }

    /**
     * Annotates in an existing categorical column: its levels become the labels.
     *
     * @param table  the table
     * @param column the name of a categorical column
     * @param labels the colours of its levels: a set whose names equal the column's levels, or
     *               {@code null} for default colours
     * @return the annotations
     * @throws IllegalArgumentException when there is no such categorical column or the labels do
     *                                  not name its levels
     */
    public static Annotations adopt(DataTable table, String column, LabelSet labels) {
        Column existing = table.column(column);
        if (!(existing instanceof CategoricalColumn categorical)) {
            throw new IllegalArgumentException("Column '" + column + "' is " + existing.type().toString().toLowerCase()
                    + ", not categorical: labels can only be kept in a categorical column");
        }
        LabelSet set = labels == null ? LabelSet.named(categorical.levels()) : labels;
        if (!set.names().equals(categorical.levels())) {
            throw new IllegalArgumentException("Column '" + column + "' has the levels " + categorical.levels()
                    + ", the labels are " + set.names());
        }
        return new Annotations(table, column, set);
    }

    /** @return the table annotated */
    public DataTable table() {
        return table;
    }

    /** @return the name of the annotation column */
    public String columnName() {
        return column;
    }

    /** @return the annotation column as it is now */
    public CategoricalColumn column() {
        Column current = table.column(column);
        if (!(current instanceof CategoricalColumn categorical)) {
            throw new IllegalStateException("The annotation column '" + column + "' is no longer categorical");
        }
        return categorical;
    }

    /**
     * The labels and the column, consistent with each other.
     *
     * @param labels the labels
     * @param column the annotation column, whose levels are the label names
     */
    public record Snapshot(LabelSet labels, CategoricalColumn column) {
    }

    /**
     * @return the labels and the column as they are now, taken together; {@code null} when the
     *         table no longer has the column
     */
    public synchronized Snapshot snapshot() {
        if (table.findColumn(column).orElse(null) instanceof CategoricalColumn categorical) {
            return new Snapshot(labels, categorical);
        }
        return null;
    }

    /** @return the labels */
    public LabelSet labels() {
        return labels;
    }

    /**
     * @return the number of rows per label, in label order, then the number of unlabelled rows
     *         last
     */
    public int[] counts() {
        CategoricalColumn current = column();
        int[] counts = new int[labels.size() + 1];
        for (int code = 0; code < labels.size(); code++) {
            counts[code] = current.levelCounts().count(code);
        }
        counts[labels.size()] = current.naCount();
        return counts;
    }

    /**
     * Gives rows a label.
     *
     * @param rows  the rows
     * @param label the label's position in {@link #labels()}
     * @return the change made (empty when every row had the label already)
     */
    public LabelChange assign(BitSet rows, int label) {
        Objects.checkIndex(label, labels.size());
        return change(rows, label, "Label " + rows.cardinality() + (rows.cardinality() == 1 ? " row" : " rows")
                + " as " + labels.label(label).name());
    }

    /**
     * Removes the labels of rows.
     *
     * @param rows the rows
     * @return the change made (empty when no row had a label)
     */
    public LabelChange clear(BitSet rows) {
        return change(rows, CategoricalColumn.NA_CODE,
                "Clear the labels of " + rows.cardinality() + (rows.cardinality() == 1 ? " row" : " rows"));
    }

    private LabelChange change(BitSet rows, int code, String description) {
        LabelChange change;
        synchronized (this) {
            CategoricalColumn current = column();
            int n = current.size();
            int count = 0;
            for (int row = rows.nextSetBit(0); row >= 0 && row < n; row = rows.nextSetBit(row + 1)) {
                if (current.code(row) != code) {
                    count++;
                }
            }
            int[] changed = new int[count];
            int[] old = new int[count];
            int i = 0;
            for (int row = rows.nextSetBit(0); row >= 0 && row < n; row = rows.nextSetBit(row + 1)) {
                int before = current.code(row);
                if (before != code) {
                    changed[i] = row;
                    old[i++] = before;
                }
            }
            change = new LabelChange(column, changed, old, code, description);
            if (change.isEmpty()) {
                return change;
            }
            write(current, change, false);
        }
        fire();
        return change;
    }

    /**
     * Applies a change again after it was undone.
     *
     * @param change a change made by this object
     */
    public void redo(LabelChange change) {
        replay(change, false);
    }

    /**
     * Gives the changed rows their old codes back.
     *
     * @param change a change made by this object
     */
    public void undo(LabelChange change) {
        replay(change, true);
    }

    private void replay(LabelChange change, boolean undo) {
        if (!change.column().equals(column)) {
            throw new IllegalArgumentException("The change is of column '" + change.column() + "', not '" + column + "'");
        }
        if (change.isEmpty()) {
            return;
        }
        synchronized (this) {
            write(column(), change, undo);
        }
        fire();
    }

    private void write(CategoricalColumn current, LabelChange change, boolean undo) {
        if (!current.levels().equals(labels.names())) {
            throw new IllegalStateException("The annotation column '" + column + "' has the levels "
                    + current.levels() + ", the labels are " + labels.names());
        }
        int[] codes = codesOf(current);
        for (int i = 0; i < change.size(); i++) {
            codes[change.row(i)] = undo ? change.oldCode(i) : change.newCode();
        }
        table.replaceColumn(DictionaryColumn.adopt(column, codes, current.levels()));
    }

    /**
     * @param column a categorical column
     * @return a copy of its codes
     */
    public static int[] codesOf(CategoricalColumn column) {
        int[] codes = new int[column.size()];
        for (int row = 0; row < codes.length; row++) {
            codes[row] = column.code(row);
        }
        return codes;
    }

    /**
     * Appends a label; the column gains the level.
     *
     * @param label a label whose name is not used yet
     */
    public void addLabel(Label label) {
        synchronized (this) {
            LabelSet next = labels.with(label);
            relevel(next);
        }
        fire();
    }

    /**
     * Renames a label; rows keep it under its new name.
     *
     * @param index the label's position
     * @param name  a name not used by another label
     */
    public void renameLabel(int index, String name) {
        synchronized (this) {
            if (labels.label(index).name().equals(name)) {
                return;
            }
            relevel(labels.renamed(index, name));
        }
        fire();
    }

    /**
     * Changes the colour of a label; the column is unchanged.
     *
     * @param index the label's position
     * @param rgb   the colour as 0xRRGGBB
     */
    public void recolourLabel(int index, int rgb) {
        synchronized (this) {
            if (labels.label(index).rgb() == rgb) {
                return;
            }
            labels = labels.recoloured(index, rgb);
        }
        fire();
    }

    /**
     * Removes a label: the rows that had it become unlabelled, the labels after it move up one
     * (their codes go down by one). {@link #insertLabel} with what this returns undoes it.
     *
     * @param index the label's position
     * @return the label removed and the rows that had it
     */
    public Removal removeLabel(int index) {
        Removal removal;
        synchronized (this) {
            Label label = labels.label(index);
            CategoricalColumn current = column();
            int[] codes = codesOf(current);
            int had = 0;
            for (int row = 0; row < codes.length; row++) {
                if (codes[row] == index) {
                    had++;
                }
            }
            int[] rows = new int[had];
            int i = 0;
            for (int row = 0; row < codes.length; row++) {
                int code = codes[row];
                if (code == index) {
                    rows[i++] = row;
                    codes[row] = CategoricalColumn.NA_CODE;
                } else if (code > index) {
                    codes[row] = code - 1;
                }
            }
            LabelSet next = labels.without(index);
            table.replaceColumn(DictionaryColumn.adopt(column, codes, next.names()));
            labels = next;
            removal = new Removal(index, label, rows);
        }
        fire();
        return removal;
    }

    /**
     * Puts a removed label back at its position and gives it back to its rows (which must be
     * unlabelled); the labels from there on move down one.
     *
     * @param removal what {@link #removeLabel} returned
     */
    public void insertLabel(Removal removal) {
        synchronized (this) {
            int index = removal.index();
            LabelSet next = labels.inserted(index, removal.label());
            int[] codes = codesOf(column());
            for (int row = 0; row < codes.length; row++) {
                if (codes[row] >= index) {
                    codes[row]++;
                }
            }
            for (int i = 0; i < removal.size(); i++) {
                codes[removal.row(i)] = index;
            }
            table.replaceColumn(DictionaryColumn.adopt(column, codes, next.names()));
            labels = next;
        }
        fire();
    }

    /**
     * A label taken out of the set and the rows that had it, to put it back.
     */
    public static final class Removal {
        private final int index;
        private final Label label;
        private final int[] rows;

        Removal(int index, Label label, int[] rows) {
            this.index = index;
            this.label = label;
            this.rows = rows;
        }

        /** @return the position the label had */
        public int index() {
            return index;
        }

        /** @return the label removed */
        public Label label() {
            return label;
        }

        /** @return how many rows had the label */
        public int size() {
            return rows.length;
        }

        /**
         * @param i an index in {@code [0, size())}
         * @return a row that had the label (ascending)
         */
        public int row(int i) {
            return rows[i];
        }
    }

    /**
     * Replaces the label set, e.g. when a session is restored. When only colours differ the column
     * is kept; otherwise the column is given the new names as its levels (codes are kept, so there
     * must be at least as many labels as levels).
     *
     * @param next the new labels
     */
    public void setLabels(LabelSet next) {
        synchronized (this) {
            if (next.names().equals(labels.names())) {
                labels = next;
            } else {
                relevel(next);
            }
        }
        fire();
    }

    private void relevel(LabelSet next) {
        CategoricalColumn current = column();
        List<String> levels = new ArrayList<>(next.names());
        if (levels.size() < current.levels().size()) {
            throw new IllegalArgumentException("The labels " + next.names() + " are fewer than the levels "
                    + current.levels() + " of column '" + column + "'");
        }
        table.replaceColumn(DictionaryColumn.adopt(column, codesOf(current), levels));
        labels = next;
    }

    /**
     * @param listener told about every change
     */
    public void addListener(AnnotationListener listener) {
        listeners.add(listener);
    }

    /**
     * @param listener a listener added before
     */
    public void removeListener(AnnotationListener listener) {
        listeners.remove(listener);
    }

    private void fire() {
        for (AnnotationListener listener : listeners) {
            listener.annotationsChanged(this);
        }
    }

    @Override
    public String toString() {
        return "Annotations[" + column + ", " + labels.names() + "]";
    }
}
