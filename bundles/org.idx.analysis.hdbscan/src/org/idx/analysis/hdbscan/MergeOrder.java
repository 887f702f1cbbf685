// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.hdbscan;

import org.idx.spatial.SpanningTree;

/**
 * The order in which R's {@code dbscan::hdbscan} merges points for single linkage, computed from
 * any minimum spanning tree of the mutual reachability graph.
 * <p>
 * R runs Prim's algorithm from the first point (equal fringe weights: the lowest point index
 * first) and records, for the {@code i}-th point it adds, the edge from the point added before it
 * with the weight it was added at: a chain in visiting order. The chain has the same single
 * linkage partitions as the tree (Prim's algorithm adds every single linkage cluster as one run of
 * consecutive points), and R merges its edges by ascending weight, equal weights in visiting
 * order. That order decides how merges of equal height nest, which the cluster tree sees: a point
 * that joins two clusters at the same height goes with the one merged first. Following it makes
 * the labels equal R's, not just close. Prim's algorithm on the spanning tree alone, with a heap,
 * takes {@code O(n log n)}.
 */
final class MergeOrder {

    private MergeOrder() {
    }

    /**
     * @param mst a minimum spanning tree of {@code n} points
     * @param n   the number of points
     * @return the chain edges sorted by weight, equal weights in visiting order
     */
    static SpanningTree of(SpanningTree mst, int n) {
        int m = mst.edgeCount();
        // the tree as adjacency lists
        int[] offset = new int[n + 1];
        for (int e = 0; e < m; e++) {
            offset[mst.from()[e] + 1]++;
            offset[mst.to()[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            offset[i + 1] += offset[i];
        }
        int[] fill = java.util.Arrays.copyOf(offset, n);
        int[] neighbour = new int[2 * m];
        double[] edgeWeight = new double[2 * m];
        for (int e = 0; e < m; e++) {
            int a = mst.from()[e];
            int b = mst.to()[e];
            neighbour[fill[a]] = b;
            edgeWeight[fill[a]++] = mst.weight()[e];
            neighbour[fill[b]] = a;
            edgeWeight[fill[b]++] = mst.weight()[e];
        }
        // Prim from point 0 with a binary heap of (weight, point), stale entries skipped
        double[] heapWeight = new double[2 * m + 1];
        int[] heapPoint = new int[2 * m + 1];
        int size = 0;
        boolean[] visited = new boolean[n];
        int[] from = new int[m];
        int[] to = new int[m];
        double[] weight = new double[m];
        int added = 0;
        int previous = -1;
        heapWeight[0] = 0;
        heapPoint[size++] = 0;
        while (size > 0) {
            double w = heapWeight[0];
            int v = heapPoint[0];
            size--;
            if (size > 0) {
                siftDown(heapWeight, heapPoint, size, heapWeight[size], heapPoint[size]);
            }
            if (visited[v]) {
                continue;
            }
            visited[v] = true;
            if (previous >= 0) {
                from[added] = v;
                to[added] = previous;
                weight[added++] = w;
            }
            previous = v;
            for (int j = offset[v]; j < offset[v + 1]; j++) {
                int u = neighbour[j];
                if (!visited[u]) {
                    siftUp(heapWeight, heapPoint, size++, edgeWeight[j], u);
                }
            }
        }
        if (added != m) {
            throw new IllegalArgumentException("not a spanning tree: " + (added + 1) + " of " + n + " points reached");
        }
        int[] order = stableOrderByWeight(weight);
        int[] f = new int[m];
        int[] t = new int[m];
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            f[e] = from[order[e]];
            t[e] = to[order[e]];
            w[e] = weight[order[e]];
        }
        return new SpanningTree(f, t, w);
    }

    private static boolean less(double wa, int pa, double wb, int pb) {
        return wa < wb || wa == wb && pa < pb;
    }

    private static void siftUp(double[] hw, int[] hp, int i, double w, int p) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(w, p, hw[parent], hp[parent])) {
                break;
            }
            hw[i] = hw[parent];
            hp[i] = hp[parent];
            i = parent;
        }
        hw[i] = w;
        hp[i] = p;
    }

    private static void siftDown(double[] hw, int[] hp, int size, double w, int p) {
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && less(hw[c + 1], hp[c + 1], hw[c], hp[c])) {
                c++;
            }
            if (!less(hw[c], hp[c], w, p)) {
                break;
            }
            hw[i] = hw[c];
            hp[i] = hp[c];
            i = c;
        }
        hw[i] = w;
        hp[i] = p;
    }

    /** Indices sorted by ascending weight, equal weights in index order (bottom-up merge sort). */
    private static int[] stableOrderByWeight(double[] weight) {
        int m = weight.length;
        int[] order = new int[m];
        for (int e = 0; e < m; e++) {
            order[e] = e;
        }
        int[] buffer = new int[m];
        for (int width = 1; width < m; width *= 2) {
            for (int lo = 0; lo < m - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, m);
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    buffer[o++] = weight[order[j]] < weight[order[i]] ? order[j++] : order[i++];
                }
                while (i < mid) {
                    buffer[o++] = order[i++];
                }
                while (j < hi) {
                    buffer[o++] = order[j++];
                }
                System.arraycopy(buffer, lo, order, lo, hi - lo);
            }
        }
        return order;
    }
}
