// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.sort;

/** Stable merge sort of an {@code int[]} of row indices with a primitive comparator. */
final class IndexMergeSort {

    /** Compares two row indices. */
    @FunctionalInterface
    interface RowComparator {
        int compare(int a, int b);
    }

    private static final int INSERTION_LIMIT = 16;

    private IndexMergeSort() {
    }

    static void sort(int[] rows, int count, RowComparator comparator) {
        int[] buffer = new int[count];
        System.arraycopy(rows, 0, buffer, 0, count);
        mergeSort(buffer, rows, 0, count, comparator);
    }

    /** Sorts {@code src[from..to)} into {@code dst[from..to)}; both hold the same rows on entry. */
    private static void mergeSort(int[] src, int[] dst, int from, int to, RowComparator comparator) {
        if (to - from <= INSERTION_LIMIT) {
            for (int i = from + 1; i < to; i++) {
                int row = dst[i];
                int j = i - 1;
                while (j >= from && comparator.compare(dst[j], row) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = row;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid, comparator);
        mergeSort(dst, src, mid, to, comparator);
        int left = from;
        int right = mid;
        for (int i = from; i < to; i++) {
            if (right >= to || left < mid && comparator.compare(src[left], src[right]) <= 0) {
                dst[i] = src[left++];
            } else {
                dst[i] = src[right++];
            }
        }
    }
}
