// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;

/** Nearest-neighbour descent against exact search. */
class NearestNeighborDescentTest {

    /** Uniform random points in the unit cube: no structure to help the search. */
    static float[] uniform(int n, int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        return x;
    }

    /** @return the fraction of the exact neighbours that the approximate graph found */
    static double recall(NeighborGraph approximate, NeighborGraph exact) {
        int n = exact.rows();
        int k = exact.k();
        long found = 0;
        for (int i = 0; i < n; i++) {
            java.util.Set<Integer> truth = new java.util.HashSet<>();
            for (int r = 0; r < k; r++) {
                truth.add(exact.neighbor(i, r));
            }
            for (int r = 0; r < k; r++) {
                if (truth.contains(approximate.neighbor(i, r))) {
                    found++;
                }
            }
        }
        return found / (double) ((long) n * k);
    }

    @Test
    void recallOnRandomData() {
        for (int p : new int[] { 5, 10, 20 }) {
            int n = 6000;
            float[] x = uniform(n, p, 7 + p);
            NeighborGraph exact = ExactNeighbors.search(x, n, p, 15, null);
            long start = System.nanoTime();
            NeighborGraph approximate = NearestNeighborDescent.search(x, n, p, 15, 42, null);
            double recall = recall(approximate, exact);
            System.out.printf("nn-descent %d x %d uniform, k=15: recall %.4f (%.0f ms)%n", n, p, recall, (System.nanoTime() - start) / 1e6);
            assertTrue(recall >= 0.9, "recall " + recall + " in " + p + " dimensions");
        }
    }

    @Test
    void distancesAreSortedAndTrue() {
        int n = 3000;
        int p = 8;
        float[] x = uniform(n, p, 3);
        NeighborGraph graph = NearestNeighborDescent.search(x, n, p, 10, 1, null);
        for (int i = 0; i < n; i++) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int r = 0; r < 10; r++) {
                int j = graph.neighbor(i, r);
                assertTrue(j >= 0 && j < n && j != i, "row " + i + " has neighbour " + j);
                assertTrue(seen.add(j), "row " + i + " lists " + j + " twice");
                assertEquals(Math.sqrt(SquaredEuclidean.between(x, p, i, j)), graph.distance(i, r), 1e-6);
                if (r > 0) {
                    assertTrue(graph.distance(i, r - 1) <= graph.distance(i, r));
                }
            }
        }
    }

    @Test
    void sameGraphForAnyNumberOfThreads() throws Exception {
        int n = 5000;
        int p = 12;
        float[] x = uniform(n, p, 11);
        NeighborGraph one;
        NeighborGraph three;
        try (ForkJoinPool pool = new ForkJoinPool(1)) {
            one = pool.submit(() -> NearestNeighborDescent.search(x, n, p, 15, 9, null)).get();
        }
        try (ForkJoinPool pool = new ForkJoinPool(3)) {
            three = pool.submit(() -> NearestNeighborDescent.search(x, n, p, 15, 9, null)).get();
        }
        NeighborGraph common = NearestNeighborDescent.search(x, n, p, 15, 9, null);
        assertArrayEquals(one.indices(), three.indices());
        assertArrayEquals(one.indices(), common.indices());
        assertArrayEquals(one.distances(), common.distances());
    }

    @Test
    void duplicatesAndTinyInputs() {
        // 40 copies of one point and 40 of another: every list is full and holds distance-0 copies first
        int n = 80;
        float[] x = new float[n * 2];
        for (int i = 40; i < n; i++) {
            x[2 * i] = 5;
            x[2 * i + 1] = 5;
        }
        NeighborGraph graph = NearestNeighborDescent.search(x, n, 2, 15, 1, null);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 15; r++) {
                assertEquals(0f, graph.distance(i, r), 0f, "row " + i);
                assertEquals(i < 40, graph.neighbor(i, r) < 40);
            }
        }
        NeighborGraph three = NearestNeighborDescent.search(new float[] { 0, 1, 3, 7 }, 4, 1, 3, 1, null);
        assertArrayEquals(new int[] { 1, 2, 3, 0, 2, 3, 1, 0, 3, 2, 1, 0 }, three.indices());
        assertThrows(IllegalArgumentException.class, () -> NearestNeighborDescent.search(new float[4], 4, 1, 4, 1, null));
    }

    @Test
    void cancel() {
        NullProgressMonitor canceled = new NullProgressMonitor();
        canceled.setCanceled(true);
        assertThrows(OperationCanceledException.class, () -> NearestNeighborDescent.search(uniform(2000, 3, 1), 2000, 3, 5, 1, canceled));
        assertThrows(OperationCanceledException.class, () -> ExactNeighbors.search(uniform(2000, 3, 1), 2000, 3, 5, canceled));
    }

    @Test
    void exactSearchOnALine() {
        float[] x = { 0, 10, 1, 3, 6 };
        NeighborGraph graph = ExactNeighbors.search(x, 5, 1, 2, null);
        assertArrayEquals(new int[] { 2, 3, 4, 3, 0, 3, 2, 0, 3, 1 }, graph.indices());
        assertArrayEquals(new float[] { 1, 3, 4, 7, 1, 2, 2, 3, 3, 4 }, graph.distances(), 0f);
    }
}
