// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sampled restarts of {@link KMeans} on inputs larger than the sample: as good as restarts on
 * all rows, a converged full-data result, and the same result for any number of threads.
 */
class KMeansSampleTest {

    private static final int N = 100_000;
    private static final int P = 10;
    private static double[] x;

    /** 12 Gaussian clusters in a 5-dimensional subspace plus noise, columns of different scales. */
    @BeforeAll
    static void data() {
        SplittableRandom random = new SplittableRandom(11);
        int latent = 5;
        double[][] centers = new double[12][latent];
        for (double[] c : centers) {
            for (int d = 0; d < latent; d++) {
                c[d] = random.nextGaussian() * 3;
            }
        }
        double[][] mix = new double[latent][P];
        for (double[] m : mix) {
            for (int c = 0; c < P; c++) {
                m[c] = random.nextGaussian();
            }
        }
        x = new double[N * P];
        double[] z = new double[latent];
        for (int i = 0; i < N; i++) {
            double[] center = centers[random.nextInt(centers.length)];
            for (int d = 0; d < latent; d++) {
                z[d] = center[d] + random.nextGaussian();
            }
            for (int c = 0; c < P; c++) {
                double v = 0.5 * random.nextGaussian();
                for (int d = 0; d < latent; d++) {
                    v += z[d] * mix[d][c];
                }
                x[i * P + c] = v;
            }
        }
    }

    @Test
    void sampledRestartsAreAsGoodAsRestartsOnAllRows() {
        assertTrue(N > KMeans.sampleSize(10));
        KMeans kmeans = new KMeans(x, N, P, 10);
        double totss = kmeans.totss();
        for (long seed : new long[] { 1, 2 }) {
            double sampled = kmeans.fit(10, seed, () -> false).totWithinss() / totss;
            double full = kmeans.fit(10, seed, () -> false, N).totWithinss() / totss;
            System.out.printf("k-means %d x %d, k=10, seed %d: sampled restarts %.6f, restarts on all rows %.6f, ratio %.5f%n", N, P,
                    seed, sampled, full, sampled / full);
            assertTrue(sampled <= 1.01 * full, "seed " + seed + ": " + sampled + " vs " + full);
        }
    }

    @Test
    void fullDataPassesConverge() {
        KMeans.Result result = new KMeans(x, N, P, 10).fit(3, 5, () -> false);
        double[] centers = result.centers();
        int[] sizes = new int[10];
        double[] sums = new double[10 * P];
        double tot = 0;
        for (int i = 0; i < N; i++) {
            int a = result.assignment()[i];
            sizes[a]++;
            double own = 0;
            for (int d = 0; d < P; d++) {
                double diff = x[i * P + d] - centers[a * P + d];
                own += diff * diff;
                sums[a * P + d] += x[i * P + d];
            }
            tot += own;
            for (int j = 0; j < 10; j++) {
                double other = 0;
                for (int d = 0; d < P; d++) {
                    double diff = x[i * P + d] - centers[j * P + d];
                    other += diff * diff;
                }
                assertTrue(own <= other * (1 + 1e-9) + 1e-12, "row " + i + " is nearer to centre " + j + " than to its own");
            }
        }
        assertArrayEquals(sizes, result.sizes());
        for (int j = 0; j < 10; j++) {
            for (int d = 0; d < P; d++) {
                assertEquals(sums[j * P + d] / sizes[j], centers[j * P + d], 1e-9, "centre " + j + " is the mean of its rows");
            }
        }
        assertEquals(tot, result.totWithinss(), 1e-9 * tot);
        assertEquals(tot, java.util.Arrays.stream(result.withinss()).sum(), 1e-9 * tot);
    }

    @Test
    void sameResultForAnyNumberOfThreads() throws Exception {
        KMeans kmeans = new KMeans(x, N, P, 7);
        KMeans.Result one;
        KMeans.Result three;
        try (ForkJoinPool pool = new ForkJoinPool(1)) {
            one = pool.submit(() -> kmeans.fit(4, 9, () -> false)).get();
        }
        try (ForkJoinPool pool = new ForkJoinPool(3)) {
            three = pool.submit(() -> kmeans.fit(4, 9, () -> false)).get();
        }
        KMeans.Result common = kmeans.fit(4, 9, () -> false);
        for (KMeans.Result other : new KMeans.Result[] { three, common }) {
            assertArrayEquals(one.assignment(), other.assignment());
            assertArrayEquals(one.centers(), other.centers(), 0.0);
            assertEquals(one.totWithinss(), other.totWithinss(), 0.0);
            assertEquals(one.iterations(), other.iterations());
        }
    }

    @Test
    void sampleWithTooFewDistinctRowsFallsBackToAllRows() {
        // 1,000,000 rows, all but two equal: a sample of 50,000 almost surely misses one of the two
        int n = 1_000_000;
        double[] values = new double[n];
        values[123_456] = 5;
        values[876_543] = -5;
        KMeans.Result result = new KMeans(values, n, 1, 3).fit(2, 1, () -> false);
        int[] sizes = result.sizes().clone();
        java.util.Arrays.sort(sizes);
        assertArrayEquals(new int[] { 1, 1, n - 2 }, sizes);
        assertEquals(0.0, result.totWithinss(), 0.0);
        assertTrue(result.assignment()[123_456] != result.assignment()[0]);
        assertTrue(result.assignment()[876_543] != result.assignment()[0]);
        KMeans.FewDistinctRowsException e = assertThrows(KMeans.FewDistinctRowsException.class,
                () -> new KMeans(values, n, 1, 4).fit(2, 1, () -> false));
        assertEquals(3, e.distinct());
    }

    @Test
    void cancelStopsTheSampledRun() {
        assertThrows(CancellationException.class, () -> new KMeans(x, N, P, 10).fit(10, 1, () -> true));
    }
}
