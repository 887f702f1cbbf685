// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.sort;

/**
 * Stable least-significant-digit radix sort of unsigned 64-bit keys carrying an int payload.
 * Byte positions in which all keys agree are skipped.
 */
final class LongKeyRadixSort {

    private LongKeyRadixSort() {
    }

    /**
     * Sorts {@code keys[0..count)} ascending as unsigned values and permutes
     * {@code payload[0..count)} alongside.
     */
    static void sort(long[] keys, int[] payload, int count) {
        long[] keyBuffer = new long[count];
        int[] payloadBuffer = new int[count];
        int[][] histograms = new int[8][257];
        for (int i = 0; i < count; i++) {
            long key = keys[i];
            for (int digit = 0; digit < 8; digit++) {
                histograms[digit][(int) (key >>> (digit * 8) & 0xFF) + 1]++;
            }
        }
        long[] fromKeys = keys;
        int[] fromPayload = payload;
        long[] toKeys = keyBuffer;
        int[] toPayload = payloadBuffer;
        for (int digit = 0; digit < 8; digit++) {
            int[] offsets = histograms[digit];
            if (isSingleBucket(offsets, count)) {
                continue;
            }
            for (int b = 1; b < 257; b++) {
                offsets[b] += offsets[b - 1];
            }
            int shift = digit * 8;
            for (int i = 0; i < count; i++) {
                long key = fromKeys[i];
                int at = offsets[(int) (key >>> shift & 0xFF)]++;
                toKeys[at] = key;
                toPayload[at] = fromPayload[i];
            }
            long[] k = fromKeys;
            fromKeys = toKeys;
            toKeys = k;
            int[] p = fromPayload;
            fromPayload = toPayload;
            toPayload = p;
        }
        if (fromKeys != keys) {
            System.arraycopy(fromKeys, 0, keys, 0, count);
            System.arraycopy(fromPayload, 0, payload, 0, count);
        }
    }

    private static boolean isSingleBucket(int[] histogram, int count) {
        for (int b = 1; b < 257; b++) {
            if (histogram[b] != 0) {
                return histogram[b] == count;
            }
        }
        return true;
    }
}
