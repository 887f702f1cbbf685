// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

/** k nearest neighbours from the k-d tree against brute force. */
class KdTreeTest {

    /** Uniform points, clustered points, and points on a coarse grid (many equal distances). */
    static double[] points(int n, int d, int kind, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n * d];
        double[][] centers = new double[5][d];
        for (double[] c : centers) {
            for (int j = 0; j < d; j++) {
                c[j] = random.nextDouble(-10, 10);
            }
        }
        for (int i = 0; i < n; i++) {
            double[] c = centers[random.nextInt(5)];
            for (int j = 0; j < d; j++) {
                x[i * d + j] = switch (kind) {
                    case 0 -> random.nextDouble(-10, 10);
                    case 1 -> c[j] + random.nextGaussian() * (1 + (i % 3));
                    default -> random.nextInt(6);
                };
            }
        }
        return x;
    }

    static double distance(double[] x, int d, int a, int b) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double diff = x[a * d + j] - x[b * d + j];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    @Test
    void nearestNeighboursEqualBruteForce() {
        for (int d : new int[] { 1, 2, 3, 5, 8 }) {
            for (int kind = 0; kind < 3; kind++) {
                int n = 800;
                double[] x = points(n, d, kind, 31L * d + kind);
                KdTree tree = KdTree.build(x, n, d);
                double[][] sorted = new double[n][];
                for (int i = 0; i < n; i++) {
                    double[] all = new double[n - 1];
                    for (int j = 0, o = 0; j < n; j++) {
                        if (j != i) {
                            all[o++] = distance(x, d, i, j);
                        }
                    }
                    Arrays.sort(all);
                    sorted[i] = all;
                }
                for (int k : new int[] { 1, 4, 9, 40 }) {
                    Neighbours found = tree.nearestNeighbours(k, () -> false);
                    for (int i = 0; i < n; i++) {
                        for (int r = 0; r < k; r++) {
                            String where = "d=" + d + " kind=" + kind + " k=" + k + " point " + i + " rank " + r;
                            assertEquals(sorted[i][r], found.distance(i, r), 1e-12, where);
                            int p = found.index(i, r);
                            assertTrue(p != i, where + ": a point is not its own neighbour");
                            assertEquals(found.distance(i, r), distance(x, d, i, p), 1e-12, where);
                        }
                        for (int r = 1; r < k; r++) {
                            assertTrue(found.index(i, r) != found.index(i, r - 1));
                        }
                    }
                    assertEquals(found.distance(7, k - 1), found.kthDistances()[7], 0.0);
                }
            }
        }
    }

    @Test
    void duplicatesAreNeighboursAtDistanceZero() {
        int n = 100;
        double[] x = new double[n * 2]; // all at the origin but the last
        x[2 * n - 1] = 3;
        Neighbours found = KdTree.build(x, n, 2).nearestNeighbours(5, () -> false);
        for (int r = 0; r < 5; r++) {
            assertEquals(0, found.distance(0, r), 0.0);
            assertEquals(3, found.distance(n - 1, r), 0.0);
        }
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> KdTree.build(new double[5], 3, 2));
        assertThrows(IllegalArgumentException.class, () -> KdTree.build(new double[] { 1, Double.NaN }, 2, 1));
        KdTree tree = KdTree.build(new double[] { 1, 2, 3 }, 3, 1);
        assertThrows(IllegalArgumentException.class, () -> tree.nearestNeighbours(3, () -> false));
        KdTree big = KdTree.build(points(20_000, 2, 0, 1), 20_000, 2);
        assertThrows(CancellationException.class, () -> big.nearestNeighbours(5, () -> true));
    }
}
