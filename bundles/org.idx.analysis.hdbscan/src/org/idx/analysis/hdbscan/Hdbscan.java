// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.hdbscan;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.idx.spatial.KdTree;
import org.idx.spatial.MutualReachabilityMst;
import org.idx.spatial.Neighbours;
import org.idx.spatial.SpanningTree;

/**
 * HDBSCAN* clustering of points in Euclidean space, as R's {@code dbscan::hdbscan(x, minPts)}:
 * core distance = distance to the {@code (minPoints - 1)}-th nearest other point (k-d tree),
 * exact minimum spanning tree of the mutual reachability graph (Borůvka on the k-d tree, see
 * {@link MutualReachabilityMst}), merged in R's order ({@link MergeOrder}), cluster tree with
 * minimum cluster size {@code minPoints} and excess-of-mass selection ({@link ClusterTree}). Time about {@code O(n log n)} for low
 * dimensions, memory linear in {@code n}.
 */
public final class Hdbscan {

    /**
     * @param labels   per point: 0 for noise, else the cluster 1..clusters; clusters are numbered
     *                 by decreasing size (equal sizes: the cluster of the earlier point first)
     * @param sizes    the number of points of each cluster, cluster 1 first
     * @param scores   the stability of each cluster (R's {@code cluster_scores}), cluster 1 first
     * @param noise    the number of noise points
     */
    public record Result(int[] labels, int[] sizes, double[] scores, int noise) {

        /** @return the number of clusters */
        public int clusters() {
            return sizes.length;
        }
    }

    private Hdbscan() {
    }

    /**
     * @param x         row-major coordinates, point {@code i} at {@code [i * d, i * d + d)}, finite
     * @param n         the number of points, at least {@code minPoints}
     * @param d         the number of dimensions
     * @param minPoints the smallest cluster size and the neighbourhood of the core distance, at least 2
     * @param canceled  polled regularly; when true the run stops with {@link CancellationException}
     * @param progress  told the fraction done, 0..1
     * @return the clusters
     */
    public static Result cluster(double[] x, int n, int d, int minPoints, BooleanSupplier canceled, DoubleConsumer progress) {
        if (minPoints < 2 || minPoints > n) {
            throw new IllegalArgumentException("minPoints = " + minPoints + " must be between 2 and n = " + n);
        }
        KdTree tree = KdTree.build(x, n, d);
        progress.accept(0.05);
        Neighbours neighbours = tree.nearestNeighbours(minPoints - 1, canceled);
        progress.accept(0.25);
        double logN = Math.log(n);
        SpanningTree mst = MutualReachabilityMst.compute(tree, neighbours, canceled,
                components -> progress.accept(0.25 + 0.65 * (1 - Math.log(components) / logN)));
        if (canceled.getAsBoolean()) {
            throw new CancellationException();
        }
        ClusterTree clusters = ClusterTree.of(MergeOrder.of(mst, n), n, minPoints);
        int[] owner = clusters.assign(clusters.selectExcessOfMass());
        progress.accept(0.97);
        return numbered(owner, clusters);
    }

    /** Numbers the selected clusters 1..k by decreasing size, ties by their first point. */
    private static Result numbered(int[] owner, ClusterTree tree) {
        int count = tree.clusterCount();
        int[] size = new int[count];
        int[] first = new int[count];
        Arrays.fill(first, Integer.MAX_VALUE);
        int noise = 0;
        for (int p = 0; p < owner.length; p++) {
            int c = owner[p];
            if (c < 0) {
                noise++;
            } else {
                if (size[c]++ == 0) {
                    first[c] = p;
                }
            }
        }
        long[] keys = new long[count];
        int k = 0;
        for (int c = 0; c < count; c++) {
            if (size[c] > 0) {
                // decreasing size, then increasing first point
                keys[k++] = ((long) (Integer.MAX_VALUE - size[c]) << 32) | first[c];
            }
        }
        keys = Arrays.copyOf(keys, k);
        Arrays.sort(keys);
        int[] label = new int[count];
        int[] sizes = new int[k];
        double[] scores = new double[k];
        for (int rank = 0; rank < k; rank++) {
            int c = owner[(int) keys[rank]];
            label[c] = rank + 1;
            sizes[rank] = size[c];
            scores[rank] = tree.stability(c);
        }
        int[] labels = new int[owner.length];
        for (int p = 0; p < owner.length; p++) {
            labels[p] = owner[p] < 0 ? 0 : label[owner[p]];
        }
        return new Result(labels, sizes, scores, noise);
    }
}
