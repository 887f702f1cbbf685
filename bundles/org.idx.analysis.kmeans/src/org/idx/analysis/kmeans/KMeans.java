// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.kmeans;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * k-means on a row-major matrix (Lloyd's objective: the total within-cluster sum of squares).
 *
 * <h2>Algorithm</h2>
 * <ol>
 * <li><b>Sample.</b> When there are more than {@link #sampleSize(int) sampleSize(k)} rows
 * (50,000, or 500 per cluster if that is more), a uniform random sample of that many rows is
 * drawn without replacement (Knuth's selection sampling, so the sample keeps the row order).
 * Smaller inputs are used whole and steps 2 and 3 then are the whole algorithm.</li>
 * <li><b>Restarts on the sample.</b> Each restart seeds with k-means++ (Arthur and Vassilvitskii
 * 2007: the first centre uniformly, each next one with probability proportional to the squared
 * distance to the nearest centre chosen so far), then runs Lloyd iterations accelerated with
 * Hamerly's bounds (Hamerly 2010: an upper bound on the distance to the own centre and one lower
 * bound on the distance to every other centre let most rows skip the distance computations; the
 * cluster sums are updated incrementally from the rows that change cluster) until no row changes
 * cluster. The restarts run in parallel, one per thread.</li>
 * <li><b>Best restart.</b> The restart with the smallest within-cluster sum of squares on the
 * sample wins (ties: the earlier restart).</li>
 * <li><b>Full data.</b> With a sample, the winning centres start Hamerly-accelerated Lloyd
 * iterations on all rows, again until no row changes cluster (at most 1,000 iterations). The
 * sample's optimum lies close to a full-data one, so these iterations start near convergence and,
 * thanks to the bounds, mostly touch only the rows near cluster borders; restarts on all rows would
 * cost {@code restarts x k} seeding passes and {@code restarts x iterations} passes over all rows
 * (on the 1,000,000 x 30 benchmark, k = 10, 10 restarts: 1,252 iterations over all rows, against
 * fewer than 45, sample and full data together, with sampling).</li>
 * </ol>
 * The final centres are the exact means of their rows and the within-cluster sums of squares are
 * computed from them in one pass. Should the sample hold fewer than k distinct rows (heavily
 * duplicated data), the restarts run on all rows instead. The tests check that the sampled result
 * is within 1% of restarts on all rows (on the benchmark data it is the same local optimum).
 *
 * <h2>Determinism</h2>
 * Every restart has its own random stream split from the seed in restart order and runs
 * sequentially; the full-data passes work on fixed chunks of {@value #CHUNK} rows whose partial sums
 * are combined in chunk order. The result therefore depends only on the data and the seed, not on
 * the number of threads. Distances are computed with four independent accumulators (a fixed
 * summation order) so the loop is not bound by the latency of one addition chain.
 */
public final class KMeans {

    private static final int CHUNK = 4096;
    private static final int MAX_ITERATIONS = 1000;
    private static final int SAMPLE = 50_000;
    private static final int SAMPLE_PER_CLUSTER = 500;
    private static final long SAMPLE_SALT = 0x5DEECE66DL;

    /**
     * @param assignment     the cluster of each row, 0-based
     * @param centers        the centres, row-major k x p
     * @param withinss       the within-cluster sums of squares
     * @param sizes          the cluster sizes
     * @param totWithinss    the total within-cluster sum of squares
     * @param iterations     the Lloyd iterations of the winning restart (on the sample plus on all
     *                       rows when a sample was used)
     */
    public record Result(int[] assignment, double[] centers, double[] withinss, int[] sizes, double totWithinss, int iterations) {
    }

    /** The rows hold fewer distinct points than k. */
    public static final class FewDistinctRowsException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int distinct;

        FewDistinctRowsException(int distinct) {
            super("only " + distinct + " distinct rows");
            this.distinct = distinct;
        }

        /** @return how many distinct rows there are */
        public int distinct() {
            return distinct;
        }
    }

    private final double[] x;
    private final int n;
    private final int p;
    private final int k;

    /**
     * @param x the data, row-major n x p
     * @param n rows
     * @param p columns
     * @param k clusters, {@code 1 <= k <= n}
     */
    public KMeans(double[] x, int n, int p, int k) {
        if (k < 1 || k > n || x.length != (long) n * p) {
            throw new IllegalArgumentException("bad k-means dimensions");
        }
        this.x = x;
        this.n = n;
        this.p = p;
        this.k = k;
    }

    /**
     * @param k clusters
     * @return how many rows the restarts run on when there are more rows
     */
    static int sampleSize(int k) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(SAMPLE, (long) SAMPLE_PER_CLUSTER * k));
    }

    /**
     * @param restarts  how many seedings
     * @param seed      the random seed
     * @param canceled  polled between iterations; when true the run stops with
     *                  {@link java.util.concurrent.CancellationException}
     * @return the best of the restarts
     */
    public Result fit(int restarts, long seed, BooleanSupplier canceled) {
        return fit(restarts, seed, canceled, sampleSize(k));
    }

    /** As {@link #fit(int, long, BooleanSupplier)} with the sample size given ({@code >= n}: no sample). */
    Result fit(int restarts, long seed, BooleanSupplier canceled, int sample) {
        int runs = Math.max(1, restarts);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] randoms = new SplittableRandom[runs];
        for (int r = 0; r < runs; r++) {
            randoms[r] = root.split();
        }
        if (sample < n) {
            double[] rows = sample(sample, new SplittableRandom(seed ^ SAMPLE_SALT));
            Result best;
            try {
                best = restarts(new Matrix(rows, sample), randoms, canceled);
            } catch (FewDistinctRowsException e) {
                // the sample holds fewer than k distinct points (heavily duplicated rows): use all rows
                return restarts(new Matrix(x, n), randoms, canceled);
            }
            Result full = new Matrix(x, n).lloyd(best.centers().clone(), true, canceled);
            return new Result(full.assignment(), full.centers(), full.withinss(), full.sizes(), full.totWithinss(),
                    best.iterations() + full.iterations());
        }
        return restarts(new Matrix(x, n), randoms, canceled);
    }

    /** Runs the restarts on the matrix (in parallel, each one sequential) and returns the best. */
    private Result restarts(Matrix matrix, SplittableRandom[] randoms, BooleanSupplier canceled) {
        int runs = randoms.length;
        Result[] results = new Result[runs];
        RuntimeException[] failures = new RuntimeException[runs];
        IntConsumer one = r -> {
            try {
                boolean parallel = runs == 1;
                results[r] = matrix.lloyd(matrix.seed(randoms[r], parallel), parallel, canceled);
            } catch (RuntimeException e) {
                failures[r] = e;
            }
        };
        if (runs == 1) {
            one.accept(0);
        } else {
            IntStream.range(0, runs).parallel().forEach(one);
        }
        Result best = null;
        for (int r = 0; r < runs; r++) {
            if (failures[r] != null) {
                throw failures[r];
            }
            if (best == null || results[r].totWithinss() < best.totWithinss()) {
                best = results[r];
            }
        }
        return best;
    }

    /** Copies m rows chosen uniformly without replacement, in row order (selection sampling). */
    private double[] sample(int m, SplittableRandom random) {
        double[] rows = new double[Math.multiplyExact(m, p)];
        int taken = 0;
        for (int i = 0; i < n && taken < m; i++) {
            if ((n - i) * random.nextDouble() < m - taken) {
                System.arraycopy(x, i * p, rows, taken * p, p);
                taken++;
            }
        }
        return rows;
    }

    /** Runs the body for every chunk, in parallel or in order. */
    private static void forChunks(int chunks, boolean parallel, IntConsumer body) {
        if (parallel && chunks > 1) {
            IntStream.range(0, chunks).parallel().forEach(body);
        } else {
            for (int c = 0; c < chunks; c++) {
                body.accept(c);
            }
        }
    }

    /** Squared distance between a[ai..ai+p) and b[bi..bi+p), four accumulators. */
    private static double distance2(double[] a, int ai, double[] b, int bi, int p) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int d = 0;
        for (; d + 3 < p; d += 4) {
            double e0 = a[ai + d] - b[bi + d];
            double e1 = a[ai + d + 1] - b[bi + d + 1];
            double e2 = a[ai + d + 2] - b[bi + d + 2];
            double e3 = a[ai + d + 3] - b[bi + d + 3];
            s0 += e0 * e0;
            s1 += e1 * e1;
            s2 += e2 * e2;
            s3 += e3 * e3;
        }
        for (; d < p; d++) {
            double e = a[ai + d] - b[bi + d];
            s0 += e * e;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Some rows of the data (all, or the sample), row-major rows x p. */
    private final class Matrix {
        private final double[] data;
        private final int rows;
        private final int chunks;

        Matrix(double[] data, int rows) {
            this.data = data;
            this.rows = rows;
            this.chunks = (rows + CHUNK - 1) / CHUNK;
        }

        /** k-means++: the first centre uniformly, each next one with probability proportional to the squared distance. */
        double[] seed(SplittableRandom random, boolean parallel) {
            double[] centers = new double[k * p];
            int first = random.nextInt(rows);
            System.arraycopy(data, first * p, centers, 0, p);
            double[] d2 = new double[rows];
            double[] chunkSums = new double[chunks];
            forChunks(chunks, parallel, c -> {
                double sum = 0;
                for (int i = c * CHUNK, end = Math.min(rows, i + CHUNK); i < end; i++) {
                    d2[i] = distance2(data, i * p, centers, 0, p);
                    sum += d2[i];
                }
                chunkSums[c] = sum;
            });
            for (int j = 1; j < k; j++) {
                double total = 0;
                for (double sum : chunkSums) {
                    total += sum;
                }
                if (!(total > 0)) {
                    throw new FewDistinctRowsException(j);
                }
                double target = random.nextDouble() * total;
                int c = 0;
                while (c < chunks - 1 && target >= chunkSums[c]) {
                    target -= chunkSums[c];
                    c++;
                }
                int chosen = -1;
                int last = -1;
                for (int i = c * CHUNK, end = Math.min(rows, i + CHUNK); i < end; i++) {
                    if (d2[i] > 0) {
                        last = i;
                        if (target < d2[i]) {
                            chosen = i;
                            break;
                        }
                        target -= d2[i];
                    }
                }
                if (chosen < 0) {
                    chosen = last; // rounding: the last row with a positive distance in the chunk
                }
                for (int i = rows - 1; chosen < 0; i--) {
                    if (d2[i] > 0) {
                        chosen = i; // rounding into a chunk without one: the last such row
                    }
                }
                System.arraycopy(data, chosen * p, centers, j * p, p);
                final int at = j * p;
                forChunks(chunks, parallel, cc -> {
                    double sum = 0;
                    for (int i = cc * CHUNK, end = Math.min(rows, i + CHUNK); i < end; i++) {
                        if (d2[i] > 0) {
                            double d = distance2(data, i * p, centers, at, p);
                            if (d < d2[i]) {
                                d2[i] = d;
                            }
                        }
                        sum += d2[i];
                    }
                    chunkSums[cc] = sum;
                });
            }
            return centers;
        }

        /** Assigns row i to its nearest centre and sets its bounds; returns the centre. */
        private int nearestTwo(int i, double[] centers, int[] assign, double[] upper, double[] lower) {
            double d1 = Double.POSITIVE_INFINITY;
            double d2 = Double.POSITIVE_INFINITY;
            int best = 0;
            int row = i * p;
            for (int j = 0; j < k; j++) {
                double d = distance2(data, row, centers, j * p, p);
                if (d < d1) {
                    d2 = d1;
                    d1 = d;
                    best = j;
                } else if (d < d2) {
                    d2 = d;
                }
            }
            assign[i] = best;
            upper[i] = Math.sqrt(d1);
            lower[i] = Math.sqrt(d2);
            return best;
        }

        /** Hamerly-accelerated Lloyd iterations from the given centres (which are updated) until no row moves. */
        Result lloyd(double[] centers, boolean parallel, BooleanSupplier canceled) {
            int[] assign = new int[rows];
            double[] upper = new double[rows];
            double[] lower = new double[rows];
            double[] sums = new double[k * p];
            long[] counts = new long[k];
            double[][] partSums = new double[chunks][];
            long[][] partCounts = new long[chunks][];
            int[] changed = new int[chunks];
            forChunks(chunks, parallel, c -> {
                double[] sum = new double[k * p];
                long[] count = new long[k];
                for (int i = c * CHUNK, end = Math.min(rows, i + CHUNK); i < end; i++) {
                    int a = nearestTwo(i, centers, assign, upper, lower);
                    count[a]++;
                    int row = i * p;
                    int at = a * p;
                    for (int d = 0; d < p; d++) {
                        sum[at + d] += data[row + d];
                    }
                }
                partSums[c] = sum;
                partCounts[c] = count;
            });
            combine(partSums, partCounts, sums, counts);
            double[] s = new double[k];
            double[] delta = new double[k];
            int iterations = 0;
            while (true) {
                iterations++;
                if (canceled.getAsBoolean()) {
                    throw new CancellationException();
                }
                // move every centre to the mean of its rows (an empty cluster keeps its centre)
                int far = 0;
                for (int j = 0; j < k; j++) {
                    delta[j] = 0;
                    if (counts[j] > 0) {
                        double shift = 0;
                        for (int d = 0; d < p; d++) {
                            double updated = sums[j * p + d] / counts[j];
                            double diff = updated - centers[j * p + d];
                            shift += diff * diff;
                            centers[j * p + d] = updated;
                        }
                        delta[j] = Math.sqrt(shift);
                    }
                    if (delta[j] > delta[far]) {
                        far = j;
                    }
                }
                double maxDelta = delta[far];
                double secondDelta = 0;
                for (int j = 0; j < k; j++) {
                    if (j != far) {
                        secondDelta = Math.max(secondDelta, delta[j]);
                    }
                }
                if (maxDelta == 0 || iterations >= MAX_ITERATIONS) {
                    break;
                }
                for (int j = 0; j < k; j++) {
                    double min = Double.POSITIVE_INFINITY;
                    for (int j2 = 0; j2 < k; j2++) {
                        if (j2 != j) {
                            min = Math.min(min, distance2(centers, j * p, centers, j2 * p, p));
                        }
                    }
                    s[j] = Math.sqrt(min) / 2;
                }
                final int farthest = far;
                final double md = maxDelta;
                final double sd = secondDelta;
                forChunks(chunks, parallel, c -> {
                    int count = 0;
                    double[] sum = null;
                    long[] moves = null;
                    for (int i = c * CHUNK, end = Math.min(rows, i + CHUNK); i < end; i++) {
                        int a = assign[i];
                        double u = upper[i] + delta[a];
                        double l = lower[i] - (a == farthest ? sd : md);
                        lower[i] = l;
                        double m = Math.max(s[a], l);
                        if (u <= m) {
                            upper[i] = u;
                            continue;
                        }
                        u = Math.sqrt(distance2(data, i * p, centers, a * p, p));
                        upper[i] = u;
                        if (u <= m) {
                            continue;
                        }
                        int b = nearestTwo(i, centers, assign, upper, lower);
                        if (b != a) {
                            if (sum == null) {
                                sum = new double[k * p];
                                moves = new long[k];
                            }
                            count++;
                            moves[a]--;
                            moves[b]++;
                            int row = i * p;
                            int from = a * p;
                            int to = b * p;
                            for (int d = 0; d < p; d++) {
                                double v = data[row + d];
                                sum[from + d] -= v;
                                sum[to + d] += v;
                            }
                        }
                    }
                    changed[c] = count;
                    partSums[c] = sum;
                    partCounts[c] = moves;
                });
                int total = 0;
                for (int count : changed) {
                    total += count;
                }
                if (total == 0) {
                    break;
                }
                combine(partSums, partCounts, sums, counts);
            }
            // exact means of the final clusters, then the within-cluster sums of squares
            forChunks(chunks, parallel, c -> {
                double[] sum = new double[k * p];
                long[] count = new long[k];
                for (int i = c * CHUNK, end = Math.min(rows, i + CHUNK); i < end; i++) {
                    int a = assign[i];
                    count[a]++;
                    int row = i * p;
                    int at = a * p;
                    for (int d = 0; d < p; d++) {
                        sum[at + d] += data[row + d];
                    }
                }
                partSums[c] = sum;
                partCounts[c] = count;
            });
            java.util.Arrays.fill(sums, 0);
            java.util.Arrays.fill(counts, 0);
            combine(partSums, partCounts, sums, counts);
            int[] sizes = new int[k];
            for (int j = 0; j < k; j++) {
                sizes[j] = (int) counts[j];
                if (counts[j] > 0) {
                    for (int d = 0; d < p; d++) {
                        centers[j * p + d] = sums[j * p + d] / counts[j];
                    }
                }
            }
            double[][] partial = new double[chunks][];
            forChunks(chunks, parallel, c -> {
                double[] ss = new double[k];
                for (int i = c * CHUNK, end = Math.min(rows, i + CHUNK); i < end; i++) {
                    ss[assign[i]] += distance2(data, i * p, centers, assign[i] * p, p);
                }
                partial[c] = ss;
            });
            double[] withinss = new double[k];
            for (double[] ss : partial) {
                for (int j = 0; j < k; j++) {
                    withinss[j] += ss[j];
                }
            }
            double tot = 0;
            for (int j = 0; j < k; j++) {
                tot += withinss[j];
            }
            return new Result(assign, centers, withinss, sizes, tot, iterations);
        }

        /** Adds the chunks' partial sums and counts (null: nothing) in chunk order. */
        private void combine(double[][] partSums, long[][] partCounts, double[] sums, long[] counts) {
            for (int c = 0; c < chunks; c++) {
                double[] sum = partSums[c];
                if (sum != null) {
                    for (int t = 0; t < sum.length; t++) {
                        sums[t] += sum[t];
                    }
                    long[] count = partCounts[c];
                    for (int j = 0; j < k; j++) {
                        counts[j] += count[j];
                    }
                }
                partSums[c] = null;
                partCounts[c] = null;
            }
        }
    }

    /**
     * @return the total sum of squares: squared distances to the overall mean
     */
    public double totss() {
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[][] partialSums = new double[chunks][];
        forChunks(chunks, true, c -> {
            double[] sum = new double[p];
            for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                for (int d = 0; d < p; d++) {
                    sum[d] += x[i * p + d];
                }
            }
            partialSums[c] = sum;
        });
        double[] mean = new double[p];
        for (double[] sum : partialSums) {
            for (int d = 0; d < p; d++) {
                mean[d] += sum[d];
            }
        }
        for (int d = 0; d < p; d++) {
            mean[d] /= n;
        }
        double[] partial = new double[chunks];
        forChunks(chunks, true, c -> {
            double sum = 0;
            for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                sum += distance2(x, i * p, mean, 0, p);
            }
            partial[c] = sum;
        });
        double total = 0;
        for (double sum : partial) {
            total += sum;
        }
        return total;
    }
}
