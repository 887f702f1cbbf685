// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.stats;

import java.util.BitSet;

/**
 * Counts per level of a categorical column (a bar chart). Negative codes are NA.
 */
public final class BarCounts {

    private final long[] counts;
    private final long na;

    private BarCounts(long[] counts, long na) {
        this.counts = counts;
        this.na = na;
    }

    /**
     * @param codes a level code per row, negative for NA
     * @param levelCount the number of levels
     * @param rows the rows to count, or null for all
     * @return the counts
     * @throws IllegalArgumentException when a code is {@code >= levelCount}
     */
    public static BarCounts of(int[] codes, int levelCount, BitSet rows) {
        long[] counts = new long[levelCount];
        long na = 0;
        for (int i = 0; i < codes.length; i++) {
            if (rows != null && !rows.get(i)) {
                continue;
            }
            int c = codes[i];
            if (c < 0) {
                na++;
            } else if (c >= levelCount) {
                throw new IllegalArgumentException("row " + i + " has level code " + c + " but there are only "
                        + levelCount + " levels");
            } else {
                counts[c]++;
            }
        }
        return new BarCounts(counts, na);
    }

    /**
     * The rows of some levels, e.g. to select them when a bar or a box is clicked.
     *
     * @param codes a level code per row, negative for NA
     * @param levels the level codes wanted
     * @param values a value per row, or null; when given, rows whose value is NaN are left out
     * @return the rows with one of those levels
     */
    public static BitSet rowsWith(int[] codes, BitSet levels, double[] values) {
        BitSet rows = new BitSet(codes.length);
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (c >= 0 && levels.get(c) && (values == null || !Double.isNaN(values[i]))) {
                rows.set(i);
            }
        }
        return rows;
    }

    /** @return the number of levels */
    public int levelCount() {
        return counts.length;
    }

    /**
     * @param level a level code
     * @return rows with that level
     */
    public long count(int level) {
        return counts[level];
    }

    /** @return rows with NA */
    public long na() {
        return na;
    }

    /** @return the largest count */
    public long max() {
        long max = 0;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        return max;
    }
}
