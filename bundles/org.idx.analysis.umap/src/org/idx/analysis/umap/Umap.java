// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.idx.neighbors.ExactNeighbors;
import org.idx.neighbors.NearestNeighborDescent;
import org.idx.neighbors.NeighborGraph;

/**
 * Uniform Manifold Approximation and Projection into two dimensions (McInnes, Healy and Melville
 * 2018), with the defaults of R's uwot:
 * <ol>
 * <li>the {@code neighbors - 1} nearest other points of every point (the point itself counts as
 * its first neighbour, as in uwot and umap-learn): exact below {@value #EXACT_BELOW} points (as
 * uwot), else {@link NearestNeighborDescent nearest-neighbour descent};</li>
 * <li>the {@link FuzzyGraph fuzzy simplicial set}, intersected with the labels when supervised;</li>
 * <li>a {@link InitialLayout PCA start};</li>
 * <li>{@link LayoutOptimizer stochastic gradient descent}, 500 epochs up to 10,000 points, else 200
 * (uwot's default), with a and b {@link CurveParameters fitted} to {@code min-dist} (spread 1).</li>
 * </ol>
 * Every point is embedded, also when the neighbour graph falls apart into several components (the
 * components are laid out together from the PCA start).
 */
public final class Umap {

    /** Below this many points the neighbours are searched exactly. */
    static final int EXACT_BELOW = 4096;

    private Umap() {
    }

    /**
     * @param x         the data, row-major {@code n x p}, finite, centred (and usually scaled)
     * @param n         the number of points, more than {@code neighbors}
     * @param p         the number of columns
     * @param neighbors the size of the local neighbourhood, counting the point itself ({@code >= 2})
     * @param minDist   the smallest distance between embedded points ({@code >= 0})
     * @param labels    for supervised UMAP a label code per point (-1 = unknown), else {@code null}
     * @param seed      the random seed: the same seed gives the same layout
     * @param monitor   progress and cancellation ({@link org.eclipse.core.runtime.OperationCanceledException}), or {@code null}
     * @return the layout, {@code n x 2} row-major
     */
    public static float[] embed(float[] x, int n, int p, int neighbors, double minDist, int[] labels, long seed,
            IProgressMonitor monitor) {
        if (neighbors < 2 || neighbors > n - 1) {
            throw new IllegalArgumentException("neighbors = " + neighbors + " needs 2 <= neighbors < n = " + n);
        }
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException("one label per point expected");
        }
        SubMonitor progress = SubMonitor.convert(monitor, "UMAP", 100);
        progress.subTask("nearest neighbours");
        NeighborGraph knn = n < EXACT_BELOW ? ExactNeighbors.search(x, n, p, neighbors - 1, progress.split(30))
                : NearestNeighborDescent.search(x, n, p, neighbors - 1, seed, progress.split(30));
        progress.subTask("fuzzy simplicial set");
        FuzzyGraph graph = FuzzyGraph.of(knn);
        if (labels != null) {
            graph = graph.intersectLabels(labels);
        }
        int epochs = epochs(n);
        graph = graph.prune(epochs);
        progress.worked(2);
        float[] layout = InitialLayout.pca(x, n, p, seed);
        progress.worked(3);
        progress.subTask("layout");
        LayoutOptimizer.optimize(layout, graph, CurveParameters.fit(1, minDist), epochs, seed, progress.split(65));
        return layout;
    }

    /**
     * @param n the number of points
     * @return uwot's default number of epochs: 500 up to 10,000 points, else 200
     */
    static int epochs(int n) {
        return n <= 10_000 ? 500 : 200;
    }
}
