// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

/** The Borůvka spanning tree against Prim's O(n^2) algorithm on the full mutual reachability matrix. */
class MutualReachabilityMstTest {

    /** Prim on the complete graph, as R's dbscan does on its n x n matrix. */
    static double primWeight(double[] x, int n, int d, double[] core) {
        double[] key = new double[n];
        boolean[] done = new boolean[n];
        java.util.Arrays.fill(key, Double.POSITIVE_INFINITY);
        key[0] = 0;
        double total = 0;
        for (int step = 0; step < n; step++) {
            int u = -1;
            for (int i = 0; i < n; i++) {
                if (!done[i] && (u < 0 || key[i] < key[u])) {
                    u = i;
                }
            }
            done[u] = true;
            total += key[u];
            for (int v = 0; v < n; v++) {
                if (!done[v]) {
                    double w = Math.max(KdTreeTest.distance(x, d, u, v), Math.max(core[u], core[v]));
                    key[v] = Math.min(key[v], w);
                }
            }
        }
        return total;
    }

    static void checkSpanning(SpanningTree mst, int n, double[] x, int d, double[] core) {
        assertEquals(n - 1, mst.edgeCount());
        DisjointSets sets = new DisjointSets(n);
        for (int e = 0; e < mst.edgeCount(); e++) {
            int a = mst.from()[e];
            int b = mst.to()[e];
            assertTrue(a < b);
            assertTrue(sets.union(a, b) >= 0, "edge " + e + " closes a cycle");
            assertEquals(Math.max(KdTreeTest.distance(x, d, a, b), Math.max(core[a], core[b])), mst.weight()[e], 1e-12,
                    "edge weight is the mutual reachability distance");
            if (e > 0) {
                assertTrue(mst.weight()[e - 1] <= mst.weight()[e], "sorted by weight");
            }
        }
        assertEquals(1, sets.count());
    }

    @Test
    void totalWeightEqualsPrim() {
        for (int d : new int[] { 1, 2, 3, 5 }) {
            for (int kind = 0; kind < 3; kind++) {
                for (int k : new int[] { 1, 4, 9, 24 }) {
                    int n = 700;
                    double[] x = KdTreeTest.points(n, d, kind, 97L * d + 13 * kind + k);
                    KdTree tree = KdTree.build(x, n, d);
                    Neighbours neighbours = tree.nearestNeighbours(k, () -> false);
                    double[] core = neighbours.kthDistances();
                    List<Integer> rounds = new ArrayList<>();
                    SpanningTree mst = MutualReachabilityMst.compute(tree, neighbours, () -> false, rounds::add);
                    checkSpanning(mst, n, x, d, core);
                    double prim = primWeight(x, n, d, core);
                    assertEquals(prim, mst.totalWeight(), 1e-9 * prim, "d=" + d + " kind=" + kind + " k=" + k);
                    assertEquals(1, rounds.get(rounds.size() - 1));
                    for (int r = 1; r < rounds.size(); r++) {
                        assertTrue(rounds.get(r) <= rounds.get(r - 1) / 2, "components at least halve per round");
                    }
                }
            }
        }
    }

    @Test
    void sameTreeForAnyNumberOfThreads() throws Exception {
        int n = 30_000;
        double[] x = KdTreeTest.points(n, 2, 2, 5); // a coarse grid: many equal weights
        KdTree tree = KdTree.build(x, n, 2);
        Neighbours neighbours = tree.nearestNeighbours(9, () -> false);
        SpanningTree common = MutualReachabilityMst.compute(tree, neighbours, () -> false, r -> { });
        for (int threads : new int[] { 1, 3 }) {
            try (ForkJoinPool pool = new ForkJoinPool(threads)) {
                SpanningTree other = pool.submit(() -> MutualReachabilityMst.compute(tree, neighbours, () -> false, r -> { })).get();
                assertArrayEquals(common.from(), other.from(), "the same edges whatever the timing");
                assertArrayEquals(common.to(), other.to());
                assertArrayEquals(common.weight(), other.weight(), 0.0);
            }
        }
        double[] y = KdTreeTest.points(n, 2, 1, 6);
        KdTree other = KdTree.build(y, n, 2);
        SpanningTree mst = MutualReachabilityMst.compute(other, other.nearestNeighbours(9, () -> false), () -> false, r -> { });
        checkSpanning(mst, n, y, 2, other.nearestNeighbours(9, () -> false).kthDistances());
    }

    @Test
    void twoPointsAndCancel() {
        KdTree tree = KdTree.build(new double[] { 0, 0, 3, 4 }, 2, 2);
        SpanningTree mst = MutualReachabilityMst.compute(tree, tree.nearestNeighbours(1, () -> false), () -> false, r -> { });
        assertEquals(1, mst.edgeCount());
        assertEquals(5, mst.weight()[0], 1e-15);
        assertThrows(CancellationException.class,
                () -> MutualReachabilityMst.compute(tree, tree.nearestNeighbours(1, () -> false), () -> true, r -> { }));
    }
}
