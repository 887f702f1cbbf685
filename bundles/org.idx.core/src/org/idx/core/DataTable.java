// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

import java.util.List;
import java.util.Optional;

/**
 * A table of image-derived data: one row per image or object, named columns of numbers,
 * categories or text. Row count is fixed; columns can be added, removed and replaced, and every
 * such change (and every change of the {@link #roles() roles}) is announced to the listeners.
 * <p>
 * This is an interface so that tables larger than memory can later be served by another source
 * (an embedded database, Parquet); callers should go through it rather than through arrays.
 */
public interface DataTable {

    /** @return the number of rows */
    int rowCount();

    /** @return the columns in display order (an unmodifiable snapshot) */
    List<Column> columns();

    /** @return the number of columns */
    default int columnCount() {
        return columns().size();
    }

    /**
     * @param index a column index in {@code [0, columnCount())}
     * @return the column
     */
    default Column column(int index) {
        return columns().get(index);
    }

    /**
     * @param name a column name
     * @return the column with that name, if any
     */
    default Optional<Column> findColumn(String name) {
        return columns().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * @param name a column name
     * @return the column with that name
     * @throws IllegalArgumentException when there is none
     */
    default Column column(String name) {
        return findColumn(name).orElseThrow(() -> new IllegalArgumentException("No column named '" + name + "'"));
    }

    /**
     * Appends a column, e.g. an analysis result, and fires {@link DataTableEvent.Kind#COLUMN_ADDED}.
     *
     * @param column a column with {@link #rowCount()} rows and a name not yet in the table
     * @throws IllegalArgumentException when the size or name does not fit
     */
    void addColumn(Column column);

    /**
     * Replaces the column of the same name and fires {@link DataTableEvent.Kind#VALUES_CHANGED}.
     *
     * @param column the new column, with {@link #rowCount()} rows
     * @throws IllegalArgumentException when there is no such column or the size does not fit
     */
    void replaceColumn(Column column);

    /**
     * Removes a column, drops its roles, and fires {@link DataTableEvent.Kind#COLUMN_REMOVED}
     * (then {@link DataTableEvent.Kind#ROLES_CHANGED} if it had a role).
     *
     * @param name the column name
     * @throws IllegalArgumentException when there is no such column
     */
    void removeColumn(String name);

    /** @return the current role assignment */
    ColumnRoles roles();

    /**
     * Sets the role assignment and fires {@link DataTableEvent.Kind#ROLES_CHANGED} when it differs.
     *
     * @param roles the new assignment; every column it names must exist
     * @throws IllegalArgumentException when a named column does not exist
     */
    void setRoles(ColumnRoles roles);

    /**
     * @param listener a listener to be told about changes
     */
    void addListener(DataTableListener listener);

    /**
     * @param listener a listener added before
     */
    void removeListener(DataTableListener listener);
}
