// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

/**
 * One named column of a {@link DataTable}. Columns are immutable: a table changes by adding,
 * removing or replacing whole columns, so a column (and its cached statistics) can be shared
 * freely between threads.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, TextColumn {

    /** @return the column name, unique within its table */
    String name();

    /** @return the kind of values held */
    ColumnType type();

    /** @return the number of rows */
    int size();

    /**
     * @param row a row index in {@code [0, size())}
     * @return whether the value at {@code row} is missing (NA)
     */
    boolean isNA(int row);

    /** @return the number of NA values (computed once, then cached) */
    int naCount();

    /**
     * Returns the value at {@code row} as display text: the number in shortest round-trip
     * form (integers without a fraction), the level or the string; {@code null} for NA.
     *
     * @param row a row index in {@code [0, size())}
     * @return the text, or {@code null} when the value is NA
     */
    String text(int row);
}
