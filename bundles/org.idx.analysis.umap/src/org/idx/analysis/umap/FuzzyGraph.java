// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.idx.neighbors.NeighborGraph;

/**
 * UMAP's fuzzy simplicial set: a symmetric sparse graph with membership strengths in (0, 1], in
 * compressed rows (row {@code i} holds {@code column[start[i] .. start[i + 1] - 1]}, sorted, with
 * their {@code weight}). Built as in umap-learn's {@code fuzzy_simplicial_set} (McInnes, Healy and
 * Melville 2018, section 3):
 * <ol>
 * <li><b>Smooth kNN distances.</b> For every point, rho = the distance to its nearest neighbour at
 * a non-zero distance, and sigma such that {@code sum_j exp(-max(0, d_j - rho) / sigma) = log2(k)}
 * over its {@code k - 1} nearest other points (binary search, 64 steps, tolerance 1e-5; sigma at
 * least 1e-3 times the mean neighbour distance).</li>
 * <li><b>Local memberships</b> {@code w_ij = exp(-max(0, d_ij - rho_i) / sigma_i)}, a directed graph.</li>
 * <li><b>Fuzzy union</b> of the graph and its transpose: {@code w + w^T - w * w^T}.</li>
 * </ol>
 * {@link #intersectLabels} adds supervision by a categorical label, {@link #prune} drops the edges
 * too weak to be sampled.
 */
final class FuzzyGraph {

    private static final double MIN_K_DIST_SCALE = 1e-3;
    private static final double TOLERANCE = 1e-5;
    private static final int SEARCH_STEPS = 64;
    /** umap-learn's and uwot's distance between points of different labels, target weight 0.5. */
    static final double FAR_DISTANCE = 5;
    /** umap-learn's and uwot's distance to a point of unknown label. */
    static final double UNKNOWN_DISTANCE = 1;

    final int n;
    final int[] start;
    final int[] column;
    final double[] weight;

    private FuzzyGraph(int n, int[] start, int[] column, double[] weight) {
        this.n = n;
        this.start = start;
        this.column = column;
        this.weight = weight;
    }

    /** @return the number of stored entries (each edge appears in both of its rows) */
    int entries() {
        return start[n];
    }

    /**
     * @param neighbors the k - 1 nearest other points of every point (k = UMAP's n_neighbors, which
     *                  counts the point itself, as umap-learn and uwot)
     * @return the fuzzy simplicial set
     */
    static FuzzyGraph of(NeighborGraph neighbors) {
        int n = neighbors.rows();
        int others = neighbors.k();
        float[] distances = neighbors.distances();
        double target = Math.log(others + 1) / Math.log(2);
        double meanDistance = 0;
        for (float d : distances) {
            meanDistance += d;
        }
        meanDistance /= (double) n * (others + 1); // the point itself counts, at distance 0
        double globalMean = meanDistance;
        double[] directed = new double[distances.length];
        IntStream.range(0, n).parallel().forEach(i -> {
            int base = i * others;
            double rho = 0;
            double sum = 0;
            for (int r = 0; r < others; r++) {
                double d = distances[base + r];
                sum += d;
                if (rho == 0 && d > 0) {
                    rho = d;
                }
            }
            double lo = 0;
            double hi = Double.POSITIVE_INFINITY;
            double sigma = 1;
            for (int step = 0; step < SEARCH_STEPS; step++) {
                double psum = 0;
                for (int r = 0; r < others; r++) {
                    double d = distances[base + r] - rho;
                    psum += d > 0 ? Math.exp(-d / sigma) : 1;
                }
                if (Math.abs(psum - target) < TOLERANCE) {
                    break;
                }
                if (psum > target) {
                    hi = sigma;
                    sigma = (lo + hi) / 2;
                } else {
                    lo = sigma;
                    sigma = hi == Double.POSITIVE_INFINITY ? sigma * 2 : (lo + hi) / 2;
                }
            }
            double floor = MIN_K_DIST_SCALE * (rho > 0 ? sum / (others + 1) : globalMean);
            sigma = Math.max(sigma, floor);
            for (int r = 0; r < others; r++) {
                double d = distances[base + r] - rho;
                directed[base + r] = d <= 0 || sigma == 0 ? 1 : Math.exp(-d / sigma);
            }
        });
        return union(n, others, neighbors.indices(), directed);
    }

    /** The fuzzy union of a directed graph with {@code others} entries per row and its transpose. */
    private static FuzzyGraph union(int n, int others, int[] indices, double[] directed) {
        // rows of the directed graph sorted by column
        int[] forwardColumn = new int[indices.length];
        double[] forwardWeight = new double[indices.length];
        IntStream.range(0, n).parallel().forEach(i -> {
            int base = i * others;
            long[] order = new long[others];
            for (int r = 0; r < others; r++) {
                order[r] = ((long) indices[base + r] << 32) | r;
            }
            Arrays.sort(order);
            for (int r = 0; r < others; r++) {
                int from = base + (int) order[r];
                forwardColumn[base + r] = indices[from];
                forwardWeight[base + r] = directed[from];
            }
        });
        // the transpose by counting; filled in row order, so its rows are sorted by column
        int[] backStart = new int[n + 1];
        for (int j : indices) {
            backStart[j + 1]++;
        }
        for (int i = 0; i < n; i++) {
            backStart[i + 1] += backStart[i];
        }
        int[] fill = Arrays.copyOf(backStart, n);
        int[] backColumn = new int[indices.length];
        double[] backWeight = new double[indices.length];
        for (int i = 0; i < n; i++) {
            for (int s = i * others, end = s + others; s < end; s++) {
                int j = forwardColumn[s];
                backColumn[fill[j]] = i;
                backWeight[fill[j]++] = forwardWeight[s];
            }
        }
        int[] counts = new int[n + 1];
        IntStream.range(0, n).parallel().forEach(i -> {
            counts[i + 1] = merge(forwardColumn, forwardWeight, i * others, (i + 1) * others, backColumn, backWeight,
                    backStart[i], backStart[i + 1], null, null, 0);
        });
        for (int i = 0; i < n; i++) {
            counts[i + 1] += counts[i];
        }
        int[] column = new int[counts[n]];
        double[] weight = new double[counts[n]];
        IntStream.range(0, n).parallel().forEach(i -> merge(forwardColumn, forwardWeight, i * others, (i + 1) * others,
                backColumn, backWeight, backStart[i], backStart[i + 1], column, weight, counts[i]));
        return new FuzzyGraph(n, counts, column, weight);
    }

    /**
     * Merges two rows sorted by column into {@code a + b - a b} per column (a missing entry is 0).
     *
     * @return the number of entries written (or that would be written when {@code column} is null)
     */
    private static int merge(int[] aColumn, double[] aWeight, int aFrom, int aTo, int[] bColumn, double[] bWeight, int bFrom,
            int bTo, int[] column, double[] weight, int at) {
        int count = 0;
        int s = aFrom;
        int t = bFrom;
        while (s < aTo || t < bTo) {
            int ca = s < aTo ? aColumn[s] : Integer.MAX_VALUE;
            int cb = t < bTo ? bColumn[t] : Integer.MAX_VALUE;
            int c = Math.min(ca, cb);
            double a = 0;
            double b = 0;
            if (ca == c) {
                a = aWeight[s++];
            }
            if (cb == c) {
                b = bWeight[t++];
            }
            if (column != null) {
                column[at + count] = c;
                weight[at + count] = a + b - a * b;
            }
            count++;
        }
        return count;
    }

    /**
     * Supervision by a categorical label, as umap-learn's {@code categorical_simplicial_set_intersection}
     * followed by {@code reset_local_connectivity} (uwot does the same for a factor {@code y}): the
     * weight of an edge between points of different labels is multiplied by {@code exp(-5)}, of an
     * edge touching a point of unknown label by {@code exp(-1)}; then every row is divided by its
     * largest weight and the fuzzy union with the transpose is taken again.
     *
     * @param labels the label code of every point, -1 for unknown (NA)
     * @return the supervised graph (same edges, new weights)
     */
    FuzzyGraph intersectLabels(int[] labels) {
        double far = Math.exp(-FAR_DISTANCE);
        double unknown = Math.exp(-UNKNOWN_DISTANCE);
        double[] scaled = new double[weight.length];
        IntStream.range(0, n).parallel().forEach(i -> {
            double max = 0;
            for (int s = start[i]; s < start[i + 1]; s++) {
                int j = column[s];
                double w = weight[s];
                if (labels[i] < 0 || labels[j] < 0) {
                    w *= unknown;
                } else if (labels[i] != labels[j]) {
                    w *= far;
                }
                scaled[s] = w;
                max = Math.max(max, w);
            }
            for (int s = start[i]; s < start[i + 1]; s++) {
                scaled[s] /= max;
            }
        });
        double[] symmetric = new double[weight.length];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int s = start[i]; s < start[i + 1]; s++) {
                double a = scaled[s];
                double b = scaled[find(column[s], i)];
                symmetric[s] = a + b - a * b;
            }
        });
        return new FuzzyGraph(n, start, column, symmetric);
    }

    /** @return the position of entry (row, col), which exists: the graph is structurally symmetric */
    private int find(int row, int col) {
        int at = Arrays.binarySearch(column, start[row], start[row + 1], col);
        if (at < 0) {
            throw new IllegalStateException("fuzzy graph is not symmetric at " + row + ", " + col);
        }
        return at;
    }

    /**
     * Drops the entries too weak to be sampled in {@code epochs} epochs (weight below the largest
     * weight / epochs), as umap-learn and uwot do before optimising.
     *
     * @param epochs the number of epochs
     * @return the graph without them
     */
    FuzzyGraph prune(int epochs) {
        double max = 0;
        for (double w : weight) {
            max = Math.max(max, w);
        }
        double threshold = max / epochs;
        int[] counts = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int kept = 0;
            for (int s = start[i]; s < start[i + 1]; s++) {
                if (weight[s] >= threshold) {
                    kept++;
                }
            }
            counts[i + 1] = counts[i] + kept;
        }
        int[] keptColumn = new int[counts[n]];
        double[] keptWeight = new double[counts[n]];
        for (int i = 0, at = 0; i < n; i++) {
            for (int s = start[i]; s < start[i + 1]; s++) {
                if (weight[s] >= threshold) {
                    keptColumn[at] = column[s];
                    keptWeight[at++] = weight[s];
                }
            }
        }
        return new FuzzyGraph(n, counts, keptColumn, keptWeight);
    }
}
