// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.neighbors;

import java.util.Arrays;

/**
 * One bounded max-heap per point, all in flat arrays: point {@code i} owns the slots
 * {@code i * size ... i * size + size - 1}; the root (slot 0) holds the largest key, so a new
 * entry gets in only when its key is smaller than the root's. Empty slots have index -1 and key
 * +infinity. An optional flag per slot marks entries as new (nearest-neighbour descent's
 * "not yet joined").
 */
final class BoundedHeaps {

    final int points;
    final int size;
    final int[] index;
    final float[] key;
    final byte[] flag;

    /**
     * @param points  the number of heaps
     * @param size    the capacity of each
     * @param flagged whether the slots carry a new-flag
     */
    BoundedHeaps(int points, int size, boolean flagged) {
        this.points = points;
        this.size = size;
        this.index = new int[Math.multiplyExact(points, size)];
        this.key = new float[index.length];
        this.flag = flagged ? new byte[index.length] : null;
        clear();
    }

    /** Empties every heap. */
    void clear() {
        Arrays.fill(index, -1);
        Arrays.fill(key, Float.POSITIVE_INFINITY);
        if (flag != null) {
            Arrays.fill(flag, (byte) 0);
        }
    }

    /**
     * @param heap a heap
     * @return its largest key (+infinity while it is not full)
     */
    float top(int heap) {
        return key[heap * size];
    }

    /**
     * Adds an entry when its key is below the root's and the index is not in the heap yet.
     *
     * @param heap  the heap
     * @param item  the index to add
     * @param value its key
     * @param isNew the flag to store (ignored without flags)
     * @return whether it was added
     */
    boolean push(int heap, int item, float value, boolean isNew) {
        int base = heap * size;
        if (!(value < key[base])) {
            return false;
        }
        for (int s = base, end = base + size; s < end; s++) {
            if (index[s] == item) {
                return false;
            }
        }
        // replace the root and sift down
        int pos = 0;
        while (true) {
            int left = 2 * pos + 1;
            if (left >= size) {
                break;
            }
            int right = left + 1;
            int child = right < size && key[base + right] > key[base + left] ? right : left;
            if (!(key[base + child] > value)) {
                break;
            }
            index[base + pos] = index[base + child];
            key[base + pos] = key[base + child];
            if (flag != null) {
                flag[base + pos] = flag[base + child];
            }
            pos = child;
        }
        index[base + pos] = item;
        key[base + pos] = value;
        if (flag != null) {
            flag[base + pos] = (byte) (isNew ? 1 : 0);
        }
        return true;
    }

    /**
     * @param heap a heap
     * @param item an index
     * @return whether the heap holds it
     */
    boolean contains(int heap, int item) {
        for (int s = heap * size, end = s + size; s < end; s++) {
            if (index[s] == item) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sorts every heap by increasing key (ties by index) and returns the result as a neighbour
     * graph with the keys, squared distances, turned into distances.
     *
     * @return the graph (the heaps are consumed)
     */
    NeighborGraph toGraph() {
        float[] distances = new float[key.length];
        java.util.stream.IntStream.range(0, points).parallel().forEach(heap -> {
            int base = heap * size;
            long[] order = new long[size];
            for (int s = 0; s < size; s++) {
                // non-negative floats sort as their bits; the index breaks ties
                order[s] = ((long) Float.floatToIntBits(key[base + s]) << 32) | (index[base + s] & 0xffffffffL);
            }
            Arrays.sort(order);
            for (int s = 0; s < size; s++) {
                index[base + s] = (int) order[s];
                distances[base + s] = (float) Math.sqrt(Float.intBitsToFloat((int) (order[s] >>> 32)));
            }
        });
        return new NeighborGraph(points, size, index, distances);
    }
}
