// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.kmeans;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * k-means on a row-major matrix: k-means++ seeding, then Lloyd iterations accelerated with
 * Hamerly's bounds (an upper bound on the distance to the own centre and a lower bound on the
 * distance to every other centre let most rows skip the distance computations), until no row
 * changes cluster. The best of several seedings (smallest total within-cluster sum of squares)
 * wins. Rows are processed in parallel in fixed chunks whose partial sums are combined in chunk
 * order, so the result depends only on the data and the seed, not on the number of threads.
 */
public final class KMeans {

    private static final int CHUNK = 4096;
    private static final int MAX_ITERATIONS = 1000;

    /**
     * @param assignment     the cluster of each row, 0-based
     * @param centers        the centres, row-major k x p
     * @param withinss       the within-cluster sums of squares
     * @param sizes          the cluster sizes
     * @param totWithinss    the total within-cluster sum of squares
     * @param iterations     the Lloyd iterations of the winning restart
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
    private final int chunks;

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
        this.chunks = (n + CHUNK - 1) / CHUNK;
    }

    /**
     * @param restarts  how many seedings
     * @param seed      the random seed
     * @param canceled  polled between iterations; when true the run stops with
     *                  {@link java.util.concurrent.CancellationException}
     * @return the best of the restarts
     */
    public Result fit(int restarts, long seed, BooleanSupplier canceled) {
        SplittableRandom root = new SplittableRandom(seed);
        Result best = null;
        for (int r = 0; r < restarts; r++) {
            Result result = single(root.split(), canceled);
            if (best == null || result.totWithinss() < best.totWithinss()) {
                best = result;
            }
        }
        return best;
    }

    private Result single(SplittableRandom random, BooleanSupplier canceled) {
        double[] centers = seed(random);
        int[] assign = new int[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        double[] s = new double[k];
        double[] delta = new double[k];
        // first full assignment
        IntStream.range(0, chunks).parallel().forEach(c -> {
            for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                nearestTwo(i, centers, assign, upper, lower);
            }
        });
        int iterations = 0;
        while (true) {
            iterations++;
            if (canceled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException();
            }
            double[] moved = recenter(centers, assign);
            System.arraycopy(moved, 0, delta, 0, k);
            int far = 0;
            for (int j = 1; j < k; j++) {
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
                        min = Math.min(min, Math.sqrt(centerDistance2(centers, j, j2)));
                    }
                }
                s[j] = min / 2;
            }
            final int farthest = far;
            final double md = maxDelta;
            final double sd = secondDelta;
            int[] changed = new int[chunks];
            IntStream.range(0, chunks).parallel().forEach(c -> {
                int count = 0;
                for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                    int a = assign[i];
                    upper[i] += delta[a];
                    lower[i] -= a == farthest ? sd : md;
                    double m = Math.max(s[a], lower[i]);
                    if (upper[i] <= m) {
                        continue;
                    }
                    upper[i] = Math.sqrt(distance2(i, centers, a * p));
                    if (upper[i] <= m) {
                        continue;
                    }
                    if (nearestTwo(i, centers, assign, upper, lower) != a) {
                        count++;
                    }
                }
                changed[c] = count;
            });
            int total = 0;
            for (int count : changed) {
                total += count;
            }
            if (total == 0) {
                break;
            }
        }
        double[] withinss = new double[k];
        int[] sizes = new int[k];
        double[][] partial = new double[chunks][];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double[] ss = new double[k];
            for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                ss[assign[i]] += distance2(i, centers, assign[i] * p);
            }
            partial[c] = ss;
        });
        for (double[] ss : partial) {
            for (int j = 0; j < k; j++) {
                withinss[j] += ss[j];
            }
        }
        double tot = 0;
        for (int j = 0; j < k; j++) {
            tot += withinss[j];
        }
        for (int a : assign) {
            sizes[a]++;
        }
        return new Result(assign, centers, withinss, sizes, tot, iterations);
    }

    /** Assigns row i to its nearest centre and sets its bounds; returns the centre. */
    private int nearestTwo(int i, double[] centers, int[] assign, double[] upper, double[] lower) {
        double d1 = Double.POSITIVE_INFINITY;
        double d2 = Double.POSITIVE_INFINITY;
        int best = 0;
        for (int j = 0; j < k; j++) {
            double d = distance2(i, centers, j * p);
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

    /** Moves every centre to the mean of its rows (an empty cluster keeps its centre); returns how far each moved. */
    private double[] recenter(double[] centers, int[] assign) {
        double[][] sums = new double[chunks][];
        int[][] counts = new int[chunks][];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double[] sum = new double[k * p];
            int[] count = new int[k];
            for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                int a = assign[i];
                count[a]++;
                int row = i * p;
                int at = a * p;
                for (int d = 0; d < p; d++) {
                    sum[at + d] += x[row + d];
                }
            }
            sums[c] = sum;
            counts[c] = count;
        });
        double[] sum = new double[k * p];
        int[] count = new int[k];
        for (int c = 0; c < chunks; c++) {
            for (int t = 0; t < sum.length; t++) {
                sum[t] += sums[c][t];
            }
            for (int j = 0; j < k; j++) {
                count[j] += counts[c][j];
            }
        }
        double[] moved = new double[k];
        for (int j = 0; j < k; j++) {
            if (count[j] == 0) {
                continue;
            }
            double shift = 0;
            for (int d = 0; d < p; d++) {
                double updated = sum[j * p + d] / count[j];
                double diff = updated - centers[j * p + d];
                shift += diff * diff;
                centers[j * p + d] = updated;
            }
            moved[j] = Math.sqrt(shift);
        }
        return moved;
    }

    /** k-means++: the first centre uniformly, each next one with probability proportional to the squared distance. */
    private double[] seed(SplittableRandom random) {
        double[] centers = new double[k * p];
        int first = random.nextInt(n);
        System.arraycopy(x, first * p, centers, 0, p);
        double[] d2 = new double[n];
        double[] chunkSums = new double[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double sum = 0;
            for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                d2[i] = distance2(i, centers, 0);
                sum += d2[i];
            }
            chunkSums[c] = sum;
        });
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (double sum : chunkSums) {
                total += sum;
            }
            int chosen;
            if (!(total > 0)) {
                throw new FewDistinctRowsException(j);
            } else {
                double target = random.nextDouble() * total;
                int c = 0;
                while (c < chunks - 1 && target >= chunkSums[c]) {
                    target -= chunkSums[c];
                    c++;
                }
                chosen = Math.min(n, c * CHUNK + CHUNK) - 1;
                for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                    if (target < d2[i]) {
                        chosen = i;
                        break;
                    }
                    target -= d2[i];
                }
            }
            System.arraycopy(x, chosen * p, centers, j * p, p);
            final int at = j * p;
            IntStream.range(0, chunks).parallel().forEach(c -> {
                double sum = 0;
                for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                    double d = distance2(i, centers, at);
                    if (d < d2[i]) {
                        d2[i] = d;
                    }
                    sum += d2[i];
                }
                chunkSums[c] = sum;
            });
        }
        return centers;
    }

    private double distance2(int i, double[] centers, int at) {
        int row = i * p;
        double sum = 0;
        for (int d = 0; d < p; d++) {
            double diff = x[row + d] - centers[at + d];
            sum += diff * diff;
        }
        return sum;
    }

    private double centerDistance2(double[] centers, int a, int b) {
        double sum = 0;
        for (int d = 0; d < p; d++) {
            double diff = centers[a * p + d] - centers[b * p + d];
            sum += diff * diff;
        }
        return sum;
    }

    /**
     * @return the total sum of squares: squared distances to the overall mean
     */
    public double totss() {
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < p; d++) {
                mean[d] += x[i * p + d];
            }
        }
        for (int d = 0; d < p; d++) {
            mean[d] /= n;
        }
        double[] partial = new double[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double sum = 0;
            for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                sum += distance2(i, mean, 0);
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
