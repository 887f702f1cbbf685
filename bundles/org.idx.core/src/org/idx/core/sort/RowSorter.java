// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.sort;

import java.util.Arrays;
import java.util.List;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.NumericColumn;
import org.idx.core.TextColumn;

/**
 * Orders the rows of a table by one column. The sort is stable (rows with equal values keep their
 * relative order, in both directions) and puts NA rows last.
 * <ul>
 * <li>numbers: LSD radix sort of order-preserving 64-bit keys, O(n) (1,000,000 rows in tens of
 * milliseconds);</li>
 * <li>categories: counting sort by level text ({@link String#compareTo}), O(n);</li>
 * <li>text: merge sort of row indices by {@link String#compareTo}, O(n log n).</li>
 * </ul>
 */
public final class RowSorter {

    private RowSorter() {
    }

    /**
     * @param column the column to sort by
     * @param order  the direction
     * @return a permutation: {@code result[i]} is the row shown at position {@code i}
     */
    public static int[] sort(Column column, SortOrder order) {
        boolean descending = order == SortOrder.DESCENDING;
        return switch (column) {
            case NumericColumn numbers -> sortNumbers(numbers, descending);
            case CategoricalColumn categories -> sortCategories(categories, descending);
            case TextColumn text -> sortText(text, descending);
        };
    }

    private static int[] sortNumbers(NumericColumn column, boolean descending) {
        int n = column.size();
        int[] result = new int[n];
        long[] keys = new long[n];
        int count = 0;
        int naAt = n;
        for (int row = n - 1; row >= 0; row--) { // NA rows fill the tail from the back, in order
            if (column.isNA(row)) {
                result[--naAt] = row;
            }
        }
        for (int row = 0; row < n; row++) {
            if (!column.isNA(row)) {
                long key = SortableKeys.of(column.value(row));
                keys[count] = descending ? ~key : key;
                result[count++] = row;
            }
        }
        LongKeyRadixSort.sort(keys, result, count);
        return result;
    }

    private static int[] sortCategories(CategoricalColumn column, boolean descending) {
        List<String> levels = column.levels();
        Integer[] byText = new Integer[levels.size()];
        for (int i = 0; i < byText.length; i++) {
            byText[i] = i;
        }
        Arrays.sort(byText, (a, b) -> levels.get(a).compareTo(levels.get(b)));
        int[] rank = new int[levels.size()];
        for (int i = 0; i < byText.length; i++) {
            rank[byText[i]] = descending ? byText.length - 1 - i : i;
        }
        int n = column.size();
        int[] start = new int[levels.size() + 2]; // bucket starts; the last bucket is NA
        for (int row = 0; row < n; row++) {
            start[bucket(column.code(row), rank) + 1]++;
        }
        for (int i = 1; i < start.length; i++) {
            start[i] += start[i - 1];
        }
        int[] result = new int[n];
        for (int row = 0; row < n; row++) {
            result[start[bucket(column.code(row), rank)]++] = row;
        }
        return result;
    }

    private static int bucket(int code, int[] rank) {
        return code == CategoricalColumn.NA_CODE ? rank.length : rank[code];
    }

    private static int[] sortText(TextColumn column, boolean descending) {
        int n = column.size();
        int[] result = new int[n];
        int count = 0;
        int naAt = n;
        for (int row = n - 1; row >= 0; row--) {
            if (column.isNA(row)) {
                result[--naAt] = row;
            }
        }
        for (int row = 0; row < n; row++) {
            if (!column.isNA(row)) {
                result[count++] = row;
            }
        }
        IndexMergeSort.sort(result, count, descending
                ? (a, b) -> column.value(b).compareTo(column.value(a))
                : (a, b) -> column.value(a).compareTo(column.value(b)));
        return result;
    }
}
