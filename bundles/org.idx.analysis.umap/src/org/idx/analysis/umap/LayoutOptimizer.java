// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

import java.util.stream.IntStream;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * UMAP's layout optimisation: stochastic gradient descent on the fuzzy cross entropy between the
 * graph and the layout, with the low-dimensional similarity {@code 1 / (1 + a d^(2b))}, with the
 * sampling scheme of umap-learn's {@code optimize_layout_euclidean} and uwot:
 * <ul>
 * <li>every stored entry (i, j) of the graph is sampled once every {@code max weight / weight}
 * epochs and pulls i towards j (attractive gradient);</li>
 * <li>each sample is followed by 5 negative samples: random points that push i away (repulsive
 * gradient, gamma 1);</li>
 * <li>gradient components are clipped to [-4, 4]; the learning rate falls linearly from 1 to 0.</li>
 * </ul>
 *
 * <h2>Parallel and deterministic</h2>
 * umap-learn and uwot move both ends of a sampled edge, which makes the descent inherently
 * sequential (uwot's default, {@code n_sgd_threads = 0}) or racy (their multi-threaded modes are
 * not reproducible). Here an epoch moves only the head i of each entry, reading the other points'
 * positions as they were at the start of the epoch: points are updated in parallel by the tasks
 * that own them and no point is read while it is written. Because the graph is symmetric, entry
 * (j, i) moves j as (i, j) moves i; its pull is doubled so that each point gets the attraction of
 * both samples, as when both ends move (this is uwot's "batch" scheme, with plain SGD steps). The
 * negative samples of point i come from a random stream seeded by (seed, epoch, i), so the layout
 * depends only on the graph, the start and the seed, not on the number of threads.
 */
final class LayoutOptimizer {

    private static final int NEGATIVE_SAMPLE_RATE = 5;
    private static final double GAMMA = 1;
    private static final double CLIP = 4;
    private static final double LEARNING_RATE = 1;
    private static final int CHUNK = 1024;

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
        int[] start = graph.start;
        int[] tail = graph.column;
        double max = 0;
        for (double w : graph.weight) {
            max = Math.max(max, w);
        }
        float[] epochsPerSample = new float[edges];
        float[] nextSample = new float[edges];
        float[] nextNegative = new float[edges];
        for (int s = 0; s < edges; s++) {
            epochsPerSample[s] = (float) (max / graph.weight[s]);
            nextSample[s] = epochsPerSample[s];
            nextNegative[s] = epochsPerSample[s] / NEGATIVE_SAMPLE_RATE;
        }
        double a = curve.a();
        double b = curve.b();
        float[] before = new float[layout.length];
        int chunks = (n + CHUNK - 1) / CHUNK;
        progress.setWorkRemaining(epochs);
        for (int e = 0; e < epochs; e++) {
            if (progress.isCanceled()) {
                throw new OperationCanceledException();
            }
            int epoch = e;
            double alpha = LEARNING_RATE * (1 - epoch / (double) epochs);
            System.arraycopy(layout, 0, before, 0, layout.length);
            IntStream.range(0, chunks).parallel().forEach(chunk -> {
                for (int i = chunk * CHUNK, last = Math.min(n, i + CHUNK); i < last; i++) {
                    long state = mix(seed, epoch, i);
                    double xi = layout[2 * i];
                    double yi = layout[2 * i + 1];
                    for (int s = start[i], end = start[i + 1]; s < end; s++) {
                        if (nextSample[s] > epoch) {
                            continue;
                        }
                        int j = 2 * tail[s];
                        double dx = xi - before[j];
                        double dy = yi - before[j + 1];
                        double d2 = dx * dx + dy * dy;
                        if (d2 > 0) {
                            double powB1 = Math.pow(d2, b - 1);
                            double coefficient = -2 * a * b * powB1 / (a * powB1 * d2 + 1);
                            xi += 2 * clip(coefficient * dx) * alpha;
                            yi += 2 * clip(coefficient * dy) * alpha;
                        }
                        float perSample = epochsPerSample[s];
                        nextSample[s] += perSample;
                        float perNegative = perSample / NEGATIVE_SAMPLE_RATE;
                        int negatives = (int) ((epoch - nextNegative[s]) / perNegative);
                        for (int q = 0; q < negatives; q++) {
                            state ^= state >>> 12;
                            state ^= state << 25;
                            state ^= state >>> 27;
                            int k = (int) (((state * 0x2545F4914F6CDD1DL >>> 32) * n) >>> 32);
                            if (k == i) {
                                continue;
                            }
                            double nx = xi - before[2 * k];
                            double ny = yi - before[2 * k + 1];
                            double nd2 = nx * nx + ny * ny;
                            if (nd2 > 0) {
                                double coefficient = 2 * GAMMA * b / ((0.001 + nd2) * (a * Math.pow(nd2, b) + 1));
                                xi += clip(coefficient * nx) * alpha;
                                yi += clip(coefficient * ny) * alpha;
                            }
                        }
                        nextNegative[s] += negatives * perNegative;
                    }
                    layout[2 * i] = (float) xi;
                    layout[2 * i + 1] = (float) yi;
                }
            });
            progress.worked(1);
        }
    }

    private static double clip(double value) {
        return value > CLIP ? CLIP : value < -CLIP ? -CLIP : value;
    }

    /** A non-zero xorshift state from the seed, the epoch and the point (SplitMix64 finaliser). */
    private static long mix(long seed, int epoch, int point) {
        long z = seed + 0x9E3779B97F4A7C15L * (1 + ((long) epoch << 32 | (point & 0xffffffffL)));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return z == 0 ? 1 : z;
    }
}
