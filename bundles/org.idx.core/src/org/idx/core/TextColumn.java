// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

/** A column of free text: one string per row, {@code null} for NA. */
public non-sealed interface TextColumn extends Column {

    /**
     * @param row a row index
     * @return the string, or {@code null} when NA
     */
    String value(int row);

    @Override
    default ColumnType type() {
        return ColumnType.TEXT;
    }

    @Override
    default boolean isNA(int row) {
        return value(row) == null;
    }

    @Override
    default String text(int row) {
        return value(row);
    }
}
