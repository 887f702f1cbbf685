// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

import java.util.stream.IntStream;

/**
 * Trustworthiness of an embedding (Venna and Kaski 2001; as sklearn's
 * {@code manifold.trustworthiness} and the R function in reference.R): with r(i, j) the rank of j
 * among the other points by input distance to i (1 = nearest, ties by index) and U(i) the k nearest
 * neighbours of i in the embedding, {@code T = 1 - 2 / (n k (2n - 3k - 1)) sum_i sum_{j in U(i)}
 * max(0, r(i, j) - k)}. 1 means every embedded neighbourhood is a true one. Exact, {@code O(n^2 p)}.
 */
final class Trustworthiness {

    private Trustworthiness() {
    }

    /**
     * @param x         the input, row-major {@code n x p}
     * @param p         its columns
     * @param embedding the embedding, row-major {@code n x 2}
     * @param k         the neighbourhood size
     * @return the trustworthiness
     */
    static double of(double[] x, int p, double[] embedding, int k) {
        int n = embedding.length / 2;
        double penalty = IntStream.range(0, n).parallel().mapToDouble(i -> {
            int[] near = nearestInEmbedding(embedding, n, i, k);
            double[] d = new double[n];
            for (int l = 0; l < n; l++) {
                double sum = 0;
                for (int c = 0; c < p; c++) {
                    double diff = x[i * p + c] - x[l * p + c];
                    sum += diff * diff;
                }
                d[l] = sum;
            }
            double total = 0;
            for (int j : near) {
                int rank = 1;
                for (int l = 0; l < n; l++) {
                    if (l != i && l != j && (d[l] < d[j] || (d[l] == d[j] && l < j))) {
                        rank++;
                    }
                }
                total += Math.max(0, rank - k);
            }
            return total;
        }).sum();
        return 1 - penalty * 2 / ((double) n * k * (2.0 * n - 3.0 * k - 1));
    }

    /**
     * @param e an embedding, row-major {@code n x 2}
     * @param n its points
     * @param i a point
     * @param k how many neighbours
     * @return the k nearest other points of i in the embedding (ties by index)
     */
    static int[] nearestInEmbedding(double[] e, int n, int i, int k) {
        int[] best = new int[k];
        double[] dist = new double[k];
        java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(best, -1);
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            double dx = e[2 * i] - e[2 * j];
            double dy = e[2 * i + 1] - e[2 * j + 1];
            double d = dx * dx + dy * dy;
            if (d < dist[k - 1]) {
                int at = k - 1;
                while (at > 0 && dist[at - 1] > d) {
                    dist[at] = dist[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                dist[at] = d;
                best[at] = j;
            }
        }
        return best;
    }
}
