// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.Locale;

import org.idx.core.Column;
import org.idx.core.ColumnType;

/** Which columns a {@code column}/{@code columns} parameter accepts ({@code columnType} in the extension). */
public enum ColumnFilter {
    /** Numeric columns. */
    NUMERIC,
    /** Categorical (dictionary-encoded) columns. */
    CATEGORICAL,
    /** Free-text columns. */
    TEXT,
    /** Any column. */
    ANY;

    /** @return the name used in the extension and in JSON, e.g. {@code numeric} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param column a column
     * @return whether this filter accepts it
     */
    public boolean accepts(Column column) {
        return switch (this) {
            case NUMERIC -> column.type() == ColumnType.NUMERIC;
            case CATEGORICAL -> column.type() == ColumnType.CATEGORICAL;
            case TEXT -> column.type() == ColumnType.TEXT;
            case ANY -> true;
        };
    }

    /**
     * @param id a filter id as in the extension
     * @return the filter
     * @throws IllegalArgumentException when unknown
     */
    public static ColumnFilter of(String id) {
        for (ColumnFilter filter : values()) {
            if (filter.id().equals(id)) {
                return filter;
            }
        }
        throw new IllegalArgumentException("unknown column type '" + id + "'");
    }
}
