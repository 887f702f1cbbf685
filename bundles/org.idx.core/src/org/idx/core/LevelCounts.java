// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

import java.util.Arrays;

/**
 * How often each level of a {@link CategoricalColumn} occurs.
 *
 * @param naCount the number of NA rows
 * @param counts  the number of rows per level code (copied; read with {@link #count(int)})
 */
public record LevelCounts(int naCount, int[] counts) {

    /** Copies {@code counts}, so the record stays immutable. */
    public LevelCounts {
        counts = counts.clone();
    }

    /**
     * Counts the levels of a column.
     *
     * @param column the column
     * @return its level counts
     */
    public static LevelCounts of(CategoricalColumn column) {
        int[] counts = new int[column.levels().size()];
        int na = 0;
        for (int row = 0, n = column.size(); row < n; row++) {
            int code = column.code(row);
            if (code == CategoricalColumn.NA_CODE) {
                na++;
            } else {
                counts[code]++;
            }
        }
        return new LevelCounts(na, counts);
    }

    /**
     * @param code a level code
     * @return the number of rows with that level
     */
    public int count(int code) {
        return counts[code];
    }

    /** @return a copy of the per-level counts */
    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LevelCounts that && naCount == that.naCount && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * naCount + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "LevelCounts[naCount=" + naCount + ", counts=" + Arrays.toString(counts) + "]";
    }
}
