// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.spatial;

/**
 * The {@code k} nearest other points of each of {@code n} points, nearest first (ties in any
 * order), as found by {@link KdTree#nearestNeighbours}.
 */
public final class Neighbours {

    private final int n;
    private final int k;
    private final int[] index;
    private final double[] distance;

    /**
     * @param n        the number of points
     * @param k        the number of neighbours of each
     * @param index    row-major neighbour indices, point {@code i} at {@code [i * k, i * k + k)} (adopted)
     * @param distance the distances, laid out as {@code index} and ascending per point (adopted)
     */
    public Neighbours(int n, int k, int[] index, double[] distance) {
        if (index.length != (long) n * k || distance.length != index.length) {
            throw new IllegalArgumentException("expected " + n + " x " + k + " neighbours");
        }
        this.n = n;
        this.k = k;
        this.index = index;
        this.distance = distance;
    }

    /** @return the number of points */
    public int size() {
        return n;
    }

    /** @return the number of neighbours of each point */
    public int k() {
        return k;
    }

    /**
     * @param i a point
     * @param j a rank, 0 for the nearest
     * @return the index of the {@code (j + 1)}-th nearest other point of {@code i}
     */
    public int index(int i, int j) {
        return index[i * k + j];
    }

    /**
     * @param i a point
     * @param j a rank, 0 for the nearest
     * @return the distance from {@code i} to its {@code (j + 1)}-th nearest other point
     */
    public double distance(int i, int j) {
        return distance[i * k + j];
    }

    /**
     * The core distances of density-based clustering: for each point, the distance to its
     * {@code k}-th nearest other point.
     *
     * @return a new array, one value per point
     */
    public double[] kthDistances() {
        double[] kth = new double[n];
        for (int i = 0; i < n; i++) {
            kth[i] = distance[i * k + k - 1];
        }
        return kth;
    }
}
