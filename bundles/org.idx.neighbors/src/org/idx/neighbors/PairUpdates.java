// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.neighbors;

import java.util.stream.IntStream;

/**
 * Applies candidate pairs to the neighbour heaps in parallel and deterministically, in two
 * phases per batch of units (points or leaves): first every block of units emits its candidate
 * pairs {@code (a, b, d)} into a buffer of its own, reading the heaps but not writing them; then the
 * heaps are updated, each heap by one task that owns a range of points and reads all buffers in
 * block order. Every heap therefore sees the same sequence of pushes whatever the number of
 * threads, and no heap is written by two threads.
 */
final class PairUpdates {

    /** Emits the candidate pairs of one unit. */
    interface Source {
        /**
         * @param unit the unit
         * @param out  where to put pairs worth trying (their distance below one of the two heaps' tops)
         */
        void emit(int unit, Buffer out);
    }

    /** A growable list of pairs. */
    static final class Buffer {
        private int[] a = new int[1024];
        private int[] b = new int[1024];
        private float[] d = new float[1024];
        private int size;

        void add(int first, int second, float distance) {
            if (size == a.length) {
                int grown = a.length * 2;
                a = java.util.Arrays.copyOf(a, grown);
                b = java.util.Arrays.copyOf(b, grown);
                d = java.util.Arrays.copyOf(d, grown);
            }
            a[size] = first;
            b[size] = second;
            d[size] = distance;
            size++;
        }
    }

    private static final int BLOCK = 256;
    private static final int BATCH_BLOCKS = 64;

    private final BoundedHeaps heaps;
    private final int ranges;
    private final Buffer[] buffers = new Buffer[BATCH_BLOCKS];

    /** @param heaps the neighbour heaps the pairs go to */
    PairUpdates(BoundedHeaps heaps) {
        this.heaps = heaps;
        this.ranges = Math.max(1, Math.min(64, 2 * Runtime.getRuntime().availableProcessors()));
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new Buffer();
        }
    }

    /**
     * @param units    how many units
     * @param source   the pairs of each unit
     * @param canceled polled between batches
     * @return how many pushes changed a heap, or -1 when canceled
     */
    long run(int units, Source source, java.util.function.BooleanSupplier canceled) {
        long changed = 0;
        int points = heaps.points;
        for (int first = 0; first < units; first += BLOCK * BATCH_BLOCKS) {
            if (canceled.getAsBoolean()) {
                return -1;
            }
            int batchStart = first;
            int blocks = Math.min(BATCH_BLOCKS, (units - first + BLOCK - 1) / BLOCK);
            IntStream.range(0, blocks).parallel().forEach(block -> {
                Buffer out = buffers[block];
                out.size = 0;
                for (int u = batchStart + block * BLOCK, end = Math.min(units, u + BLOCK); u < end; u++) {
                    source.emit(u, out);
                }
            });
            changed += IntStream.range(0, ranges).parallel().mapToLong(range -> {
                int lo = (int) ((long) points * range / ranges);
                int hi = (int) ((long) points * (range + 1) / ranges);
                long count = 0;
                for (int block = 0; block < blocks; block++) {
                    Buffer in = buffers[block];
                    for (int s = 0; s < in.size; s++) {
                        int a = in.a[s];
                        int b = in.b[s];
                        if (a >= lo && a < hi && heaps.push(a, b, in.d[s], true)) {
                            count++;
                        }
                        if (b >= lo && b < hi && heaps.push(b, a, in.d[s], true)) {
                            count++;
                        }
                    }
                }
                return count;
            }).sum();
        }
        return changed;
    }
}
