// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The starting layout: the scores of the first two principal components (uwot's {@code init = "pca"}),
 * each rescaled to [0, 10] as umap-learn rescales its initial layouts. The components come from
 * subspace iteration on the {@code p x p} covariance matrix of the (centred) data, which costs
 * {@code n p^2} once plus {@code p^2} per iteration: negligible next to the neighbour search.
 * A dimension without spread (a single column, or all points equal) is filled uniformly at random.
 */
final class InitialLayout {

    private static final int ITERATIONS = 300;
    private static final double RANGE = 10;

    private InitialLayout() {
    }

    /**
     * @param x    the centred data, row-major {@code n x p}
     * @param n    the number of points
     * @param p    the number of columns
     * @param seed the random seed (start of the iteration; filling dimensions without spread)
     * @return the layout, {@code n x 2} row-major
     */
    static float[] pca(float[] x, int n, int p, long seed) {
        double[][] covariance = covariance(x, n, p);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] v = new double[2][p];
        for (double[] vector : v) {
            for (int c = 0; c < p; c++) {
                vector[c] = random.nextDouble() - 0.5;
            }
        }
        orthonormalize(v);
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[][] next = new double[2][p];
            for (int d = 0; d < 2; d++) {
                for (int r = 0; r < p; r++) {
                    double sum = 0;
                    for (int c = 0; c < p; c++) {
                        sum += covariance[r][c] * v[d][c];
                    }
                    next[d][r] = sum;
                }
            }
            orthonormalize(next);
            v = next;
        }
        double[][] basis = v;
        float[] layout = new float[2 * n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int d = 0; d < 2; d++) {
                double score = 0;
                for (int c = 0; c < p; c++) {
                    score += x[i * p + c] * basis[d][c];
                }
                layout[2 * i + d] = (float) score;
            }
        });
        for (int d = 0; d < 2; d++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, layout[2 * i + d]);
                max = Math.max(max, layout[2 * i + d]);
            }
            double spread = (double) max - min;
            for (int i = 0; i < n; i++) {
                layout[2 * i + d] = spread > 1e-12 * Math.max(1, Math.abs(max)) ? (float) (RANGE * (layout[2 * i + d] - min) / spread)
                        : (float) (RANGE * random.nextDouble());
            }
        }
        return layout;
    }

    private static double[][] covariance(float[] x, int n, int p) {
        double[][] covariance = new double[p][p];
        IntStream.range(0, p).parallel().forEach(r -> {
            for (int c = r; c < p; c++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += (double) x[i * p + r] * x[i * p + c];
                }
                covariance[r][c] = sum / n;
            }
        });
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < r; c++) {
                covariance[r][c] = covariance[c][r];
            }
        }
        return covariance;
    }

    /** Gram-Schmidt; a vector that vanishes is replaced by a unit vector orthogonal to the first. */
    private static void orthonormalize(double[][] v) {
        for (int d = 0; d < v.length; d++) {
            for (int e = 0; e < d; e++) {
                double dot = 0;
                for (int c = 0; c < v[d].length; c++) {
                    dot += v[d][c] * v[e][c];
                }
                for (int c = 0; c < v[d].length; c++) {
                    v[d][c] -= dot * v[e][c];
                }
            }
            double norm = 0;
            for (double value : v[d]) {
                norm += value * value;
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int c = 0; c < v[d].length; c++) {
                    v[d][c] /= norm;
                }
            }
        }
    }
}
