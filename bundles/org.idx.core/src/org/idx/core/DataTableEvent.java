// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

/**
 * What changed in a {@link DataTable}.
 *
 * @param table  the table that changed
 * @param kind   the kind of change
 * @param column the name of the column concerned, or {@code null} for {@link Kind#ROLES_CHANGED}
 */
public record DataTableEvent(DataTable table, Kind kind, String column) {

    /** The kinds of change. */
    public enum Kind {
        /** A column was added (e.g. an analysis result). */
        COLUMN_ADDED,
        /** A column was removed. */
        COLUMN_REMOVED,
        /** The column roles were reassigned. */
        ROLES_CHANGED,
        /** A column was replaced by one with other values (e.g. edited annotations). */
        VALUES_CHANGED
    }
}
