// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

import java.util.List;

/**
 * A dictionary-encoded column: each row holds the code of one of a few {@link #levels() levels},
 * or {@link #NA_CODE}.
 */
public non-sealed interface CategoricalColumn extends Column {

    /** The code of an NA row. */
    int NA_CODE = -1;

    /**
     * @param row a row index
     * @return the level code in {@code [0, levels().size())}, or {@link #NA_CODE}
     */
    int code(int row);

    /** @return the levels, indexed by code (unmodifiable) */
    List<String> levels();

    /** @return the number of rows per level and the NA count (computed once, then cached) */
    LevelCounts levelCounts();

    /**
     * @param level a level
     * @return its code, or {@link #NA_CODE} when the column has no such level
     */
    default int codeOf(String level) {
        return levels().indexOf(level);
    }

    @Override
    default ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    default boolean isNA(int row) {
        return code(row) == NA_CODE;
    }

    @Override
    default int naCount() {
        return levelCounts().naCount();
    }

    @Override
    default String text(int row) {
        int code = code(row);
        return code == NA_CODE ? null : levels().get(code);
    }
}
