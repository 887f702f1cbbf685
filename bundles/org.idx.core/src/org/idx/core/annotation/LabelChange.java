// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.annotation;

import org.idx.core.CategoricalColumn;

/**
 * One labelling step, undoable: the rows whose code it changed, their codes before, and the code
 * they were given ({@link CategoricalColumn#NA_CODE} when labels were cleared). Only rows whose
 * code actually changed are kept, in two primitive arrays. Made by {@link Annotations#assign} and
 * {@link Annotations#clear}, applied again with {@link Annotations#redo} and reverted with
 * {@link Annotations#undo}.
 */
public final class LabelChange {

    private final String column;
    private final int[] rows;
    private final int[] oldCodes;
    private final int newCode;
    private final String description;

    LabelChange(String column, int[] rows, int[] oldCodes, int newCode, String description) {
        this.column = column;
        this.rows = rows;
        this.oldCodes = oldCodes;
        this.newCode = newCode;
        this.description = description;
    }

    /** @return the annotation column changed */
    public String column() {
        return column;
    }

    /** @return how many rows changed */
    public int size() {
        return rows.length;
    }

    /** @return whether no row changed (nothing to undo) */
    public boolean isEmpty() {
        return rows.length == 0;
    }

    /** @return the code given to the rows, or {@link CategoricalColumn#NA_CODE} for a clear */
    public int newCode() {
        return newCode;
    }

    /** @return what was done, for menus: e.g. "Label 12 rows as mitotic" */
    public String description() {
        return description;
    }

    /**
     * @param index an index in {@code [0, size())}
     * @return the changed row at that index (ascending)
     */
    public int row(int index) {
        return rows[index];
    }

    /**
     * @param index an index in {@code [0, size())}
     * @return the code that row had before
     */
    public int oldCode(int index) {
        return oldCodes[index];
    }

    @Override
    public String toString() {
        return "LabelChange[" + description + "]";
    }
}
