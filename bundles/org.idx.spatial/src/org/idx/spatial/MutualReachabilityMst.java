// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.spatial;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The exact minimum spanning tree of the mutual reachability graph of a point set: the complete
 * graph whose edge {@code (a, b)} weighs {@code max(core(a), core(b), dist(a, b))}, where
 * {@code core(p)} is the distance from {@code p} to its {@code k}-th nearest other point. This is
 * the graph of HDBSCAN* (Campello, Moulavi and Sander 2013) and of R's {@code dbscan::hdbscan},
 * which builds it as an {@code n x n} matrix; here it is never materialised.
 * <p>
 * Borůvka's algorithm on the k-d tree. Each round finds, for every component, a lightest edge
 * leaving it, and adds these edges; the number of components at least halves per round. The
 * search for a point's lightest edge to another component is exact and prunes with lower bounds
 * that never exceed a true edge weight:
 * <ul>
 * <li>every edge of {@code q} weighs at least {@code core(q)}, so points are visited in ascending
 * core distance and a point whose core distance is not below its component's best edge so far is
 * skipped;</li>
 * <li>a neighbour {@code p} among {@code q}'s {@code k} nearest lies within {@code core(q)}, so the
 * edge weighs exactly {@code max(core(q), core(p))}: when that equals {@code core(q)} the search is
 * over;</li>
 * <li>a tree node whose points are all in {@code q}'s component, whose smallest core distance or
 * whose bounding-box distance is not below the best weight found is skipped.</li>
 * </ul>
 * Equal weights are frequent (many edges weigh exactly a core distance). Each component picks,
 * among its lightest edges, the one from the point first in tree order (then to the point first
 * in tree order), so the tree is the same for any number of threads and any timing. Should the
 * picks of a round still close a cycle (edges picked by different components can only do so when
 * they weigh the same), the union-find drops one edge of it, which keeps the result a minimum
 * spanning tree (that of Borůvka under a consistent tie-breaking). The total weight and the
 * partitions of single linkage on the tree are the same for every minimum spanning tree.
 */
public final class MutualReachabilityMst {

    private static final int CHUNK = 1024;
    private static final int LOCKS = 64;

    private final KdTree tree;
    private final int n;
    private final int k;
    /** Core distances by tree position. */
    private final double[] core;
    /** The k nearest neighbours by tree position, as tree positions. */
    private final int[] knn;
    private final double[] nodeMinCore;
    /** Tree positions by ascending core distance. */
    private final int[] byCore;

    /* per round */
    private final int[] component;
    private final int[] nodeComponent;
    private final AtomicLongArray bestWeight;
    private final int[] bestFrom;
    private final int[] bestTo;
    private final Object[] locks = new Object[LOCKS];

    private MutualReachabilityMst(KdTree tree, Neighbours neighbours) {
        this.tree = tree;
        n = tree.n;
        k = neighbours.k();
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            position[tree.point[i]] = i;
        }
        core = new double[n];
        knn = new int[Math.multiplyExact(n, k)];
        IntStream.range(0, n).parallel().forEach(q -> {
            int p = tree.point[q];
            core[q] = neighbours.distance(p, k - 1);
            for (int j = 0; j < k; j++) {
                knn[q * k + j] = position[neighbours.index(p, j)];
            }
        });
        nodeMinCore = new double[tree.nodes];
        for (int v = tree.nodes - 1; v >= 0; v--) {
            int first = tree.child[v];
            if (first < 0) {
                double min = Double.POSITIVE_INFINITY;
                for (int q = tree.start[v]; q < tree.end[v]; q++) {
                    min = Math.min(min, core[q]);
                }
                nodeMinCore[v] = min;
            } else {
                nodeMinCore[v] = Math.min(nodeMinCore[first], nodeMinCore[first + 1]);
            }
        }
        // ascending core distance; the float key only orders the search, it is not a weight
        long[] keys = new long[n];
        IntStream.range(0, n).parallel().forEach(q -> keys[q] = ((long) Float.floatToIntBits((float) core[q]) << 32) | q);
        java.util.Arrays.parallelSort(keys);
        byCore = new int[n];
        for (int i = 0; i < n; i++) {
            byCore[i] = (int) keys[i];
        }
        component = new int[n];
        nodeComponent = new int[tree.nodes];
        bestWeight = new AtomicLongArray(n);
        bestFrom = new int[n];
        bestTo = new int[n];
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Computes the tree.
     *
     * @param tree       the k-d tree of the points
     * @param neighbours the {@code k} nearest other points of each point (from
     *                   {@link KdTree#nearestNeighbours}); {@code core(p)} is the last distance
     * @param canceled   polled every round and every few thousand points; when true the
     *                   computation stops with {@link CancellationException}
     * @param rounds     told the number of components left after each round (from {@code n}
     *                   down to 1)
     * @return the {@code n - 1} edges, by the caller's point indices ({@code from < to}), sorted
     *         by ascending weight
     */
    public static SpanningTree compute(KdTree tree, Neighbours neighbours, BooleanSupplier canceled, IntConsumer rounds) {
        if (neighbours.size() != tree.n) {
            throw new IllegalArgumentException("neighbours of " + neighbours.size() + " points for a tree of " + tree.n);
        }
        return new MutualReachabilityMst(tree, neighbours).boruvka(canceled, rounds);
    }

    private SpanningTree boruvka(BooleanSupplier canceled, IntConsumer rounds) {
        DisjointSets sets = new DisjointSets(n);
        int[] from = new int[n - 1];
        int[] to = new int[n - 1];
        double[] weight = new double[n - 1];
        int edges = 0;
        int chunks = (n + CHUNK - 1) / CHUNK;
        while (sets.count() > 1) {
            if (canceled.getAsBoolean()) {
                throw new CancellationException();
            }
            for (int q = 0; q < n; q++) {
                int c = sets.find(q);
                component[q] = c;
                if (c == q) {
                    bestWeight.setPlain(q, Double.doubleToRawLongBits(Double.POSITIVE_INFINITY));
                    bestFrom[q] = -1;
                }
            }
            labelNodes();
            IntStream.range(0, chunks).parallel().forEach(chunk -> {
                if (canceled.getAsBoolean()) {
                    throw new CancellationException();
                }
                int[] stack = new int[256];
                for (int i = chunk * CHUNK, last = Math.min(n, i + CHUNK); i < last; i++) {
                    lightestEdge(byCore[i], stack);
                }
            });
            int before = edges;
            for (int c = 0; c < n; c++) {
                if (component[c] == c && bestFrom[c] >= 0 && sets.union(bestFrom[c], bestTo[c]) >= 0) {
                    int a = tree.point[bestFrom[c]];
                    int b = tree.point[bestTo[c]];
                    from[edges] = Math.min(a, b);
                    to[edges] = Math.max(a, b);
                    weight[edges] = Double.longBitsToDouble(bestWeight.getPlain(c));
                    edges++;
                }
            }
            if (edges == before) {
                throw new IllegalStateException("no edge between " + sets.count() + " components");
            }
            rounds.accept(sets.count());
        }
        return sorted(from, to, weight);
    }

    /** Marks each node with the component of all its points, or -1 when they are in several. */
    private void labelNodes() {
        for (int v = tree.nodes - 1; v >= 0; v--) {
            int first = tree.child[v];
            if (first < 0) {
                int c = component[tree.start[v]];
                for (int q = tree.start[v] + 1, last = tree.end[v]; q < last; q++) {
                    if (component[q] != c) {
                        c = -1;
                        break;
                    }
                }
                nodeComponent[v] = c;
            } else {
                int a = nodeComponent[first];
                nodeComponent[v] = a == nodeComponent[first + 1] ? a : -1;
            }
        }
    }

    private double best(int c) {
        return Double.longBitsToDouble(bestWeight.getOpaque(c));
    }

    /** Keeps the lighter edge; equal weights: the smaller (from, to) in tree positions, so the result never depends on timing. */
    private void offer(int c, double w, int q, int p) {
        synchronized (locks[c % LOCKS]) {
            double b = best(c);
            if (w < b || w == b && (q < bestFrom[c] || q == bestFrom[c] && p < bestTo[c])) {
                bestWeight.setOpaque(c, Double.doubleToRawLongBits(w));
                bestFrom[c] = q;
                bestTo[c] = p;
            }
        }
    }

    /**
     * Finds the lightest edge from tree position q to another component (equal weights: the first
     * found in a fixed search order) and offers it, unless it is heavier than the component's
     * best so far. The search prunes only what is heavier than that best, never what equals it,
     * so that every point whose lightest edge ties with the component's lightest one offers it
     * and the pick does not depend on which thread came first.
     */
    private void lightestEdge(int q, int[] stack) {
        int c = component[q];
        double cq = core[q];
        if (cq > best(c)) {
            return;
        }
        double found = Double.POSITIVE_INFINITY;
        int foundAt = -1;
        for (int j = 0, base = q * k; j < k; j++) {
            int p = knn[base + j];
            if (component[p] != c) {
                double w = Math.max(cq, core[p]); // dist(q, p) <= core(q)
                if (w < found) {
                    found = w;
                    foundAt = p;
                    if (w == cq) {
                        break;
                    }
                }
            }
        }
        if (found != cq) {
            int top = 0;
            stack[top++] = 0;
            while (top > 0) {
                int node = stack[--top];
                double bound = Math.min(found, Math.nextUp(best(c)));
                if (nodeComponent[node] == c || nodeMinCore[node] >= bound) {
                    continue;
                }
                if (Math.sqrt(tree.boxDistance2(q, node)) >= bound) {
                    continue;
                }
                int first = tree.child[node];
                if (first < 0) {
                    for (int p = tree.start[node], last = tree.end[node]; p < last; p++) {
                        double cp = core[p];
                        if (cp >= bound || component[p] == c) {
                            continue;
                        }
                        double w = Math.max(Math.max(Math.sqrt(tree.distance2(q, p)), cq), cp);
                        if (w < bound) {
                            bound = w;
                            found = w;
                            foundAt = p;
                        }
                    }
                    if (found == cq) {
                        break;
                    }
                    continue;
                }
                if (top + 2 > stack.length) {
                    stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                }
                if (tree.boxDistance2(q, first) <= tree.boxDistance2(q, first + 1)) {
                    stack[top++] = first + 1;
                    stack[top++] = first;
                } else {
                    stack[top++] = first;
                    stack[top++] = first + 1;
                }
            }
        }
        if (foundAt >= 0) {
            offer(c, found, q, foundAt);
        }
    }

    /** The edges sorted by weight, then from, then to (a stable merge sort of an index array). */
    private static SpanningTree sorted(int[] from, int[] to, double[] weight) {
        int m = from.length;
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
                    int a = order[i];
                    int b = order[j];
                    boolean takeRight = weight[b] < weight[a]
                            || weight[b] == weight[a] && (from[b] < from[a] || from[b] == from[a] && to[b] < to[a]);
                    buffer[o++] = takeRight ? order[j++] : order[i++];
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
}
