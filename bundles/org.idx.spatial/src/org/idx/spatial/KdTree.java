// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.spatial;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * A k-d tree over {@code n} points in {@code d} dimensions (Euclidean distance), built by
 * splitting at the median of the widest dimension until a node holds at most {@value #LEAF_SIZE}
 * points. The tree keeps its own copy of the coordinates in tree order (the points of a node
 * are contiguous), so that searches read memory sequentially; {@link #point(int)} maps a tree
 * position back to the caller's point index.
 * <p>
 * Everything is held in primitive arrays: {@code 8 d n + 4 n} bytes for the points plus at most
 * {@code n / 4} nodes of {@code 16 d + 12} bytes (a leaf holds more than {@code LEAF_SIZE / 2}
 * points). An instance is immutable and may be searched by
 * any number of threads at once.
 */
public final class KdTree {

    /** The most points a leaf holds. */
    public static final int LEAF_SIZE = 16;

    final int n;
    final int d;
    /** Coordinates in tree order, row-major: position {@code i} at {@code [i * d, i * d + d)}. */
    final double[] coordinates;
    /** Tree position to the caller's point index. */
    final int[] point;
    /** First tree position of each node. */
    final int[] start;
    /** One past the last tree position of each node. */
    final int[] end;
    /** First child of each node (the second is {@code child + 1}), -1 for leaves. */
    final int[] child;
    /** Bounding box of each node, row-major: node {@code v} at {@code [v * d, v * d + d)}. */
    final double[] low;
    final double[] high;
    final int nodes;

    private KdTree(int n, int d, double[] coordinates, int[] point, int[] start, int[] end, int[] child, double[] low,
            double[] high, int nodes) {
        this.n = n;
        this.d = d;
        this.coordinates = coordinates;
        this.point = point;
        this.start = start;
        this.end = end;
        this.child = child;
        this.low = low;
        this.high = high;
        this.nodes = nodes;
    }

    /**
     * Builds the tree.
     *
     * @param x row-major coordinates, point {@code i} at {@code [i * d, i * d + d)}; finite values
     *          (not kept: the tree copies them)
     * @param n the number of points, at least 1
     * @param d the number of dimensions, at least 1
     * @return the tree
     * @throws IllegalArgumentException when the sizes do not fit or a coordinate is not finite
     */
    public static KdTree build(double[] x, int n, int d) {
        if (n < 1 || d < 1 || (long) n * d != x.length) {
            throw new IllegalArgumentException("expected " + n + " x " + d + " coordinates, got " + x.length);
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("coordinates must be finite");
            }
        }
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        // leaves hold more than LEAF_SIZE / 2 points unless the whole tree is one leaf
        int maxNodes = 2 * (n / (LEAF_SIZE / 2) + 1);
        Builder builder = new Builder(x, d, index, maxNodes);
        builder.split(builder.allocate(0, n));
        int nodes = builder.count;
        double[] coordinates = new double[n * d];
        IntStream.range(0, n).parallel().forEach(i -> System.arraycopy(x, index[i] * d, coordinates, i * d, d));
        return new KdTree(n, d, coordinates, index, java.util.Arrays.copyOf(builder.start, nodes),
                java.util.Arrays.copyOf(builder.end, nodes), java.util.Arrays.copyOf(builder.child, nodes),
                java.util.Arrays.copyOf(builder.low, nodes * d), java.util.Arrays.copyOf(builder.high, nodes * d), nodes);
    }

    /** Recursive median splitting into preallocated node arrays. */
    private static final class Builder {
        final double[] x;
        final int d;
        final int[] index;
        final int[] start;
        final int[] end;
        final int[] child;
        final double[] low;
        final double[] high;
        int count;

        Builder(double[] x, int d, int[] index, int maxNodes) {
            this.x = x;
            this.d = d;
            this.index = index;
            start = new int[maxNodes];
            end = new int[maxNodes];
            child = new int[maxNodes];
            low = new double[maxNodes * d];
            high = new double[maxNodes * d];
        }

        int allocate(int from, int to) {
            int node = count++;
            start[node] = from;
            end[node] = to;
            child[node] = -1;
            for (int c = 0; c < d; c++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    double v = x[index[i] * d + c];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                low[node * d + c] = lo;
                high[node * d + c] = hi;
            }
            return node;
        }

        void split(int root) {
            int[] stack = new int[128];
            int top = 0;
            stack[top++] = root;
            while (top > 0) {
                int node = stack[--top];
                int from = start[node];
                int to = end[node];
                if (to - from <= LEAF_SIZE) {
                    continue;
                }
                int dim = 0;
                double widest = -1;
                for (int c = 0; c < d; c++) {
                    double width = high[node * d + c] - low[node * d + c];
                    if (width > widest) {
                        widest = width;
                        dim = c;
                    }
                }
                int mid = (from + to) >>> 1;
                select(from, to - 1, mid, dim);
                int left = allocate(from, mid);
                allocate(mid, to);
                child[node] = left;
                if (top + 2 > stack.length) {
                    stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                }
                stack[top++] = left + 1;
                stack[top++] = left;
            }
        }

        /** Quickselect: puts the point of rank {@code k} (by coordinate {@code dim}) at {@code k}. */
        void select(int lo, int hi, int k, int dim) {
            while (hi > lo) {
                // median of three as pivot
                int m = (lo + hi) >>> 1;
                double a = value(lo, dim);
                double b = value(m, dim);
                double c = value(hi, dim);
                double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
                int i = lo;
                int j = hi;
                while (i <= j) {
                    while (value(i, dim) < pivot) {
                        i++;
                    }
                    while (value(j, dim) > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        int t = index[i];
                        index[i] = index[j];
                        index[j] = t;
                        i++;
                        j--;
                    }
                }
                if (k <= j) {
                    hi = j;
                } else if (k >= i) {
                    lo = i;
                } else {
                    return;
                }
            }
        }

        private double value(int i, int dim) {
            return x[index[i] * d + dim];
        }
    }

    /** @return the number of points */
    public int size() {
        return n;
    }

    /** @return the number of dimensions */
    public int dimensions() {
        return d;
    }

    /**
     * @param position a tree position, 0..size()-1
     * @return the caller's index of the point at that position
     */
    public int point(int position) {
        return point[position];
    }

    /**
     * The squared distance from a point to the bounding box of a node (0 inside).
     *
     * @param q    the tree position of the point
     * @param node the node
     * @return the squared distance, never more than the squared distance to any point of the node
     */
    double boxDistance2(int q, int node) {
        double sum = 0;
        int base = q * d;
        int box = node * d;
        for (int c = 0; c < d; c++) {
            double v = coordinates[base + c];
            double lo = low[box + c];
            double gap;
            if (v < lo) {
                gap = lo - v;
            } else {
                double hi = high[box + c];
                gap = v > hi ? v - hi : 0;
            }
            sum += gap * gap;
        }
        return sum;
    }

    /**
     * @param a a tree position
     * @param b a tree position
     * @return the squared Euclidean distance between the two points
     */
    double distance2(int a, int b) {
        double sum = 0;
        int pa = a * d;
        int pb = b * d;
        for (int c = 0; c < d; c++) {
            double diff = coordinates[pa + c] - coordinates[pb + c];
            sum += diff * diff;
        }
        return sum;
    }

    /**
     * The {@code k} nearest other points of every point (a point is never its own neighbour; a
     * duplicate of it is, at distance 0). Runs in parallel on the common pool.
     *
     * @param k        the number of neighbours, 1..size()-1
     * @param canceled polled every few thousand points; when true the search stops with
     *                 {@link CancellationException}
     * @return the neighbours by the caller's point indices
     */
    public Neighbours nearestNeighbours(int k, BooleanSupplier canceled) {
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k = " + k + " must be between 1 and " + (n - 1));
        }
        int[] treeIndex = new int[Math.multiplyExact(n, k)];
        double[] distance = new double[n * k];
        nearestNeighboursInTreeOrder(k, treeIndex, distance, canceled);
        // to the caller's order
        int[] index = new int[n * k];
        double[] byPoint = new double[n * k];
        IntStream.range(0, n).parallel().forEach(q -> {
            int p = point[q];
            for (int j = 0; j < k; j++) {
                index[p * k + j] = point[treeIndex[q * k + j]];
                byPoint[p * k + j] = distance[q * k + j];
            }
        });
        return new Neighbours(n, k, index, byPoint);
    }

    /**
     * As {@link #nearestNeighbours}, but by tree positions: the neighbours of position {@code q}
     * at {@code [q * k, q * k + k)}, nearest first.
     */
    void nearestNeighboursInTreeOrder(int k, int[] index, double[] distance, BooleanSupplier canceled) {
        int block = 2048;
        int blocks = (n + block - 1) / block;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            if (canceled.getAsBoolean()) {
                throw new CancellationException();
            }
            double[] best2 = new double[k];
            int[] bestIndex = new int[k];
            int[] stack = new int[256];
            for (int q = b * block, last = Math.min(n, q + block); q < last; q++) {
                knn(q, k, best2, bestIndex, stack);
                for (int j = 0; j < k; j++) {
                    index[q * k + j] = bestIndex[j];
                    distance[q * k + j] = Math.sqrt(best2[j]);
                }
            }
        });
    }

    /** One query: fills the sorted arrays with the k nearest other points of position q. */
    private void knn(int q, int k, double[] best2, int[] bestIndex, int[] stack) {
        java.util.Arrays.fill(best2, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(bestIndex, -1);
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (boxDistance2(q, node) >= best2[k - 1]) {
                continue;
            }
            int first = child[node];
            if (first < 0) {
                for (int p = start[node], last = end[node]; p < last; p++) {
                    if (p == q) {
                        continue;
                    }
                    double dist2 = distance2(q, p);
                    if (dist2 < best2[k - 1]) {
                        int j = k - 1;
                        while (j > 0 && best2[j - 1] > dist2) {
                            best2[j] = best2[j - 1];
                            bestIndex[j] = bestIndex[j - 1];
                            j--;
                        }
                        best2[j] = dist2;
                        bestIndex[j] = p;
                    }
                }
                continue;
            }
            double near = boxDistance2(q, first);
            double far = boxDistance2(q, first + 1);
            // the nearer child is searched first: pushed last
            if (near <= far) {
                stack[top++] = first + 1;
                stack[top++] = first;
            } else {
                stack[top++] = first;
                stack[top++] = first + 1;
            }
        }
    }
}
