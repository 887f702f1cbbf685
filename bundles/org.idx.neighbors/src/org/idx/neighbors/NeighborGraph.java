// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.neighbors;

/**
 * The k nearest other points of every point: for point {@code i}, its neighbours in order of
 * increasing distance (ties by index) at positions {@code i * k ... i * k + k - 1} of
 * {@link #indices()} and {@link #distances()}. A point is never its own neighbour; duplicates of
 * a point are neighbours at distance 0.
 */
public final class NeighborGraph {

    private final int rows;
    private final int k;
    private final int[] indices;
    private final float[] distances;

    /**
     * @param rows      the number of points
     * @param k         neighbours per point
     * @param indices   row-major {@code rows x k} neighbour indices (adopted)
     * @param distances row-major {@code rows x k} Euclidean distances (adopted)
     */
    public NeighborGraph(int rows, int k, int[] indices, float[] distances) {
        if (indices.length != (long) rows * k || distances.length != indices.length) {
            throw new IllegalArgumentException("a neighbour graph of " + rows + " x " + k + " needs " + (long) rows * k + " entries");
        }
        this.rows = rows;
        this.k = k;
        this.indices = indices;
        this.distances = distances;
    }

    /** @return the number of points */
    public int rows() {
        return rows;
    }

    /** @return the number of neighbours of every point */
    public int k() {
        return k;
    }

    /**
     * @param i    a point
     * @param rank 0 for the nearest neighbour, up to {@code k - 1}
     * @return the index of that neighbour
     */
    public int neighbor(int i, int rank) {
        return indices[i * k + rank];
    }

    /**
     * @param i    a point
     * @param rank 0 for the nearest neighbour, up to {@code k - 1}
     * @return the Euclidean distance to that neighbour
     */
    public float distance(int i, int rank) {
        return distances[i * k + rank];
    }

    /** @return the neighbour indices, row-major (the graph's own array: do not change it) */
    public int[] indices() {
        return indices;
    }

    /** @return the distances, row-major (the graph's own array: do not change it) */
    public float[] distances() {
        return distances;
    }
}
