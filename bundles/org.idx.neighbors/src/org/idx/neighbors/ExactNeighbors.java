// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.neighbors;

import java.util.stream.IntStream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Exact k nearest neighbours by comparing every pair of points: {@code n^2 p / 2} work, the right
 * choice for a few thousand points (R's uwot uses exact search below 4,096 points) and the
 * reference the approximate search is tested against. Rows are processed in parallel; the result
 * does not depend on the number of threads.
 */
public final class ExactNeighbors {

    private static final int BLOCK = 256;

    private ExactNeighbors() {
    }

    /**
     * @param data    the points, row-major {@code n x p}
     * @param n       the number of points
     * @param p       the number of coordinates
     * @param k       neighbours per point, {@code 1 <= k < n}
     * @param monitor progress and cancellation ({@link OperationCanceledException}), or {@code null}
     * @return the graph of the k nearest other points of every point
     */
    public static NeighborGraph search(float[] data, int n, int p, int k, IProgressMonitor monitor) {
        NearestNeighborDescent.check(data, n, p, k);
        int blocks = (n + BLOCK - 1) / BLOCK;
        SubMonitor progress = SubMonitor.convert(monitor, "Exact nearest neighbours", blocks);
        BoundedHeaps heaps = new BoundedHeaps(n, k, false);
        IntStream.range(0, blocks).parallel().forEach(block -> {
            if (progress.isCanceled()) {
                return;
            }
            for (int i = block * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        float d = SquaredEuclidean.between(data, p, i, j);
                        if (d < heaps.top(i)) {
                            heaps.push(i, j, d, false);
                        }
                    }
                }
            }
        });
        if (progress.isCanceled()) {
            throw new OperationCanceledException();
        }
        progress.worked(blocks);
        return heaps.toGraph();
    }
}
