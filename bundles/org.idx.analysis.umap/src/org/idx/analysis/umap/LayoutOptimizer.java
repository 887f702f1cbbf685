// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * UMAP's layout optimisation (umap-learn's {@code optimize_layout_euclidean}, uwot's default
 * {@code umap} gradient): stochastic gradient descent on the fuzzy cross entropy between the
 * graph and the layout, with the low-dimensional similarity {@code 1 / (1 + a d^(2b))}.
 * <ul>
 * <li>Every stored entry (i, j) of the graph is an edge; it is sampled once every
 * {@code max weight / weight} epochs, pulling i and j together (attractive gradient, both ends
 * move).</li>
 * <li>Each sample of an edge is followed by 5 negative samples: random points pushed away from i
 * (repulsive gradient, gamma 1, only i moves).</li>
 * <li>Gradient components are clipped to [-4, 4]; the learning rate falls linearly from 1 to 0
 * over the epochs.</li>
 * </ul>
 * The descent runs on one thread with one random stream (xorshift64*) from the seed, as uwot's
 * default: the layout depends only on the graph, the start and the seed.
 */
final class LayoutOptimizer {

    private static final int NEGATIVE_SAMPLE_RATE = 5;
    private static final double GAMMA = 1;
    private static final double CLIP = 4;
    private static final double LEARNING_RATE = 1;

    private LayoutOptimizer() {
    }

    /**
     * @param layout   the start, {@code n x 2} row-major; optimised in place
     * @param graph    the fuzzy graph (pruned)
     * @param curve    the similarity curve's a and b
     * @param epochs   the number of epochs
     * @param seed     the random seed of the negative samples
     * @param progress one unit of work per epoch; cancellation is checked every epoch
     */
    static void optimize(float[] layout, FuzzyGraph graph, CurveParameters curve, int epochs, long seed, SubMonitor progress) {
        int n = graph.n;
        int edges = graph.entries();
        int[] head = new int[edges];
        int[] tail = graph.column;
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int s = graph.start[i]; s < graph.start[i + 1]; s++) {
                head[s] = i;
                max = Math.max(max, graph.weight[s]);
            }
        }
        double[] epochsPerSample = new double[edges];
        double[] nextSample = new double[edges];
        double[] epochsPerNegative = new double[edges];
        double[] nextNegative = new double[edges];
        for (int s = 0; s < edges; s++) {
            epochsPerSample[s] = max / graph.weight[s];
            nextSample[s] = epochsPerSample[s];
            epochsPerNegative[s] = epochsPerSample[s] / NEGATIVE_SAMPLE_RATE;
            nextNegative[s] = epochsPerNegative[s];
        }
        double a = curve.a();
        double b = curve.b();
        long state = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        if (state == 0) {
            state = 1;
        }
        progress.setWorkRemaining(epochs);
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (progress.isCanceled()) {
                throw new OperationCanceledException();
            }
            double alpha = LEARNING_RATE * (1 - epoch / (double) epochs);
            for (int s = 0; s < edges; s++) {
                if (nextSample[s] > epoch) {
                    continue;
                }
                int i = head[s] * 2;
                int j = tail[s] * 2;
                double xi = layout[i];
                double yi = layout[i + 1];
                double dx = xi - layout[j];
                double dy = yi - layout[j + 1];
                double d2 = dx * dx + dy * dy;
                if (d2 > 0) {
                    double powB1 = Math.pow(d2, b - 1);
                    double coefficient = -2 * a * b * powB1 / (a * powB1 * d2 + 1);
                    double gx = clip(coefficient * dx) * alpha;
                    double gy = clip(coefficient * dy) * alpha;
                    xi += gx;
                    yi += gy;
                    layout[j] -= (float) gx;
                    layout[j + 1] -= (float) gy;
                }
                nextSample[s] += epochsPerSample[s];
                int negatives = (int) ((epoch - nextNegative[s]) / epochsPerNegative[s]);
                for (int q = 0; q < negatives; q++) {
                    state ^= state >>> 12;
                    state ^= state << 25;
                    state ^= state >>> 27;
                    int k = (int) Long.remainderUnsigned(state * 0x2545F4914F6CDD1DL >>> 1, n) * 2;
                    if (k == i) {
                        continue;
                    }
                    double nx = xi - layout[k];
                    double ny = yi - layout[k + 1];
                    double nd2 = nx * nx + ny * ny;
                    if (nd2 > 0) {
                        double coefficient = 2 * GAMMA * b / ((0.001 + nd2) * (a * Math.pow(nd2, b) + 1));
                        xi += clip(coefficient * nx) * alpha;
                        yi += clip(coefficient * ny) * alpha;
                    }
                }
                nextNegative[s] += negatives * epochsPerNegative[s];
                layout[i] = (float) xi;
                layout[i + 1] = (float) yi;
            }
            progress.worked(1);
        }
    }

    private static double clip(double value) {
        return value > CLIP ? CLIP : value < -CLIP ? -CLIP : value;
    }
}
