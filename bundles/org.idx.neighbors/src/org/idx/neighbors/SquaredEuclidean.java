// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.neighbors;

/** Squared Euclidean distance between two rows of a row-major matrix. */
final class SquaredEuclidean {

    private SquaredEuclidean() {
    }

    /**
     * Four independent accumulators, combined in a fixed order: the same result on every run, and
     * the loop is not bound by the latency of one addition chain.
     *
     * @param x the data, row-major with {@code p} columns
     * @param p the number of columns
     * @param a a row
     * @param b another row
     * @return the squared distance
     */
    static float between(float[] x, int p, int a, int b) {
        int ia = a * p;
        int ib = b * p;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int c = 0;
        for (; c + 3 < p; c += 4) {
            float d0 = x[ia + c] - x[ib + c];
            float d1 = x[ia + c + 1] - x[ib + c + 1];
            float d2 = x[ia + c + 2] - x[ib + c + 2];
            float d3 = x[ia + c + 3] - x[ib + c + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; c < p; c++) {
            float d = x[ia + c] - x[ib + c];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
