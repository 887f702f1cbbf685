// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.spatial;

/**
 * Union-find over the integers {@code 0..n-1} (union by size, path halving). Not thread-safe.
 */
public final class DisjointSets {

    private final int[] parent;
    private final int[] size;
    private int sets;

    /** @param n the number of elements, each in its own set */
    public DisjointSets(int n) {
        parent = new int[n];
        size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        sets = n;
    }

    /**
     * @param i an element
     * @return the representative of its set
     */
    public int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * Joins the sets of two elements.
     *
     * @param a an element
     * @param b an element
     * @return the representative of the joined set, or -1 when they were already in one set
     */
    public int union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return -1;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        sets--;
        return ra;
    }

    /** @return the number of sets */
    public int count() {
        return sets;
    }
}
