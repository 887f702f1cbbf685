// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.hdbscan;

import org.idx.spatial.DisjointSets;
import org.idx.spatial.SpanningTree;

/**
 * The HDBSCAN* cluster tree of a minimum spanning tree of the mutual reachability graph, with
 * the stability of each cluster and the excess-of-mass selection of flat clusters, following the
 * conventions of R's {@code dbscan::hdbscan} (Hahsler, Piekenbrock and Doran 2019):
 * <ol>
 * <li>single linkage on the spanning tree gives a binary dendrogram: its edges are merged in
 * the order given, ascending weight (R's order of equal weights: {@link MergeOrder});</li>
 * <li>walking it from the top, a merge of two parts that both hold at least {@code minPoints}
 * points is a split: the cluster dies at that height and two child clusters are born. A part
 * with fewer points stays in its cluster, and each point leaves the cluster at the height where it
 * becomes a singleton, or at the cluster's death when that is higher;</li>
 * <li>the stability of a cluster born at height {@code b} is the sum over its points of
 * {@code 1/e - 1/b}, {@code e} being the height where the point leaves it (the points still in
 * it at its death leave at the death height);</li>
 * <li>excess of mass: from the leaves up, a cluster is kept when its stability is not less than
 * the summed scores of its children, otherwise the children are (the root is never kept: one
 * cluster of everything is not a result, and a root that never splits leaves all points as
 * noise);</li>
 * <li>a point belongs to the kept cluster that contains it at its birth; points that leave the
 * root, or an ancestor of the kept clusters, before they are born are noise.</li>
 * </ol>
 * All state is in primitive arrays of the order of the number of points.
 */
final class ClusterTree {

    private final int n;
    /** Cluster (0 = root) each point was recorded in. */
    private final int[] pointCluster;
    private final int clusters;
    private final int[] parent;
    /** First child of each cluster (the second is first + 1), -1 for leaves. */
    private final int[] firstChild;
    private final double[] stability;

    private ClusterTree(int n, int[] pointCluster, int clusters, int[] parent, int[] firstChild, double[] stability) {
        this.n = n;
        this.pointCluster = pointCluster;
        this.clusters = clusters;
        this.parent = parent;
        this.firstChild = firstChild;
        this.stability = stability;
    }

    /**
     * @param mst       a spanning tree of {@code n >= 2} points with the single linkage partitions
     *                  of the mutual reachability graph, its edges in merge order (ascending weight)
     * @param n         the number of points
     * @param minPoints the smallest cluster size, at least 2
     * @return the tree
     */
    static ClusterTree of(SpanningTree mst, int n, int minPoints) {
        int merges = n - 1;
        if (mst.edgeCount() != merges) {
            throw new IllegalArgumentException("a spanning tree of " + n + " points has " + merges + " edges");
        }
        double[] height = mst.weight();
        // bottom-up single linkage; node ids: point p is p, merge m is n + m
        int[] left = new int[merges];
        int[] right = new int[merges];
        int[] size = new int[merges];
        int[] nodeOfSet = new int[n];
        for (int p = 0; p < n; p++) {
            nodeOfSet[p] = p;
        }
        DisjointSets sets = new DisjointSets(n);
        for (int m = 0; m < merges; m++) {
            int a = sets.find(mst.from()[m]);
            int b = sets.find(mst.to()[m]);
            left[m] = nodeOfSet[a];
            right[m] = nodeOfSet[b];
            size[m] = sizeOf(left[m], n, size) + sizeOf(right[m], n, size);
            nodeOfSet[sets.union(a, b)] = n + m;
        }
        // top-down: cluster of each merge, clusters born at splits
        int maxClusters = 1 + 2 * (n / minPoints);
        int[] parent = new int[maxClusters];
        int[] firstChild = new int[maxClusters];
        double[] birth = new double[maxClusters];
        double[] death = new double[maxClusters];
        boolean[] processed = new boolean[maxClusters];
        int[] sizeAtDeath = new int[maxClusters];
        double[] leaving = new double[maxClusters]; // sum of 1/e over the points that left
        int[] departed = new int[maxClusters]; // number of points that left
        java.util.Arrays.fill(firstChild, -1);
        parent[0] = -1;
        birth[0] = height[merges - 1];
        death[0] = 0; // as R: an unset death of the root reads 0
        int clusters = 1;
        int[] clusterOf = new int[merges];
        int[] pointCluster = new int[n];
        for (int m = merges - 1; m >= 0; m--) {
            int c = clusterOf[m];
            int l = left[m];
            int r = right[m];
            double h = height[m];
            boolean leftPoint = l < n;
            boolean rightPoint = r < n;
            if (leftPoint || rightPoint) {
                double e = processed[c] ? death[c] : h;
                if (leftPoint) {
                    pointCluster[l] = c;
                    leaving[c] += 1 / e;
                    departed[c]++;
                } else {
                    clusterOf[l - n] = c;
                }
                if (rightPoint) {
                    pointCluster[r] = c;
                    leaving[c] += 1 / e;
                    departed[c]++;
                } else {
                    clusterOf[r - n] = c;
                }
                if (leftPoint && rightPoint && !processed[c]) {
                    death[c] = Math.min(h, death[c]);
                }
            } else if (size[l - n] >= minPoints && size[r - n] >= minPoints) {
                death[c] = h;
                processed[c] = true;
                sizeAtDeath[c] = size[l - n] + size[r - n];
                int a = clusters++;
                int b = clusters++;
                firstChild[c] = a;
                for (int child : new int[] { a, b }) {
                    int node = child == a ? l : r;
                    parent[child] = c;
                    birth[child] = h;
                    death[child] = height[node - n];
                    clusterOf[node - n] = child;
                }
            } else {
                clusterOf[l - n] = c;
                clusterOf[r - n] = c;
            }
        }
        double[] stability = new double[clusters];
        for (int c = 0; c < clusters; c++) {
            int nc = sizeAtDeath[c];
            stability[c] = leaving[c] - departed[c] / birth[c] + (nc / death[c] - nc / birth[c]);
        }
        return new ClusterTree(n, pointCluster, clusters, parent, firstChild, stability);
    }

    private static int sizeOf(int node, int n, int[] size) {
        return node < n ? 1 : size[node - n];
    }

    /** @return the number of clusters in the tree, the root included */
    int clusterCount() {
        return clusters;
    }

    /**
     * @param c a cluster, 0 for the root
     * @return its stability
     */
    double stability(int c) {
        return stability[c];
    }

    /**
     * Excess-of-mass selection.
     *
     * @return for each cluster whether it is selected (never the root)
     */
    boolean[] selectExcessOfMass() {
        double[] score = new double[clusters];
        boolean[] self = new boolean[clusters];
        // children have larger ids than their parent: a descending loop visits children first
        for (int c = clusters - 1; c >= 1; c--) {
            int child = firstChild[c];
            if (child < 0) {
                score[c] = stability[c];
                self[c] = true;
            } else {
                double children = score[child] + score[child + 1];
                if (stability[c] < children) {
                    score[c] = children;
                } else {
                    score[c] = stability[c];
                    self[c] = true;
                }
            }
        }
        boolean[] selected = new boolean[clusters];
        boolean[] underSelected = new boolean[clusters];
        for (int c = 1; c < clusters; c++) {
            int p = parent[c];
            underSelected[c] = p > 0 && (underSelected[p] || selected[p]);
            selected[c] = self[c] && !underSelected[c];
        }
        return selected;
    }

    /**
     * @param selected for each cluster whether it is selected
     * @return for each point the selected cluster it belongs to, or -1 for noise
     */
    int[] assign(boolean[] selected) {
        int[] owner = new int[clusters];
        owner[0] = -1;
        for (int c = 1; c < clusters; c++) {
            owner[c] = selected[c] ? c : owner[parent[c]];
        }
        int[] cluster = new int[n];
        for (int p = 0; p < n; p++) {
            cluster[p] = owner[pointCluster[p]];
        }
        return cluster;
    }
}
