// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.neighbors;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Approximate k nearest neighbours (Euclidean) by nearest-neighbour descent (Dong, Moses and Li
 * 2011, "Efficient k-nearest neighbor graph construction for generic similarity measures"), in the
 * form of pynndescent and R's uwot/rnndescent:
 * <ol>
 * <li><b>Start.</b> A forest of {@link RandomProjectionTree random projection trees}; every pair of
 * points sharing a leaf is tried as neighbours. Points whose list is still not full get random
 * points.</li>
 * <li><b>Descent.</b> "A neighbour of a neighbour is likely a neighbour": in each iteration every
 * point gathers up to {@code max(k, 15)} candidates among its neighbours and reverse neighbours
 * that are new since the last iteration (sampled by a random priority) and as many old ones; each
 * pair of candidates new-new and new-old is tried as neighbours of each other (a "local join").
 * Iterations stop when fewer than {@code 0.001 k n} neighbour lists entries changed, or after
 * {@code max(5, log2 n)} iterations.</li>
 * </ol>
 * The typical recall against exact search is above 0.95 for moderate dimension (the tests check
 * 0.9 on random data, harder than real data).
 *
 * <h2>Parallelism and determinism</h2>
 * Trees are built in parallel, each from its own random stream split from the seed. Candidate
 * lists are built by tasks that each own a range of points and scan all lists in point order;
 * candidate priorities are a hash of (seed, iteration, point, neighbour), not a shared random
 * stream. The joins go through {@link PairUpdates}: pairs are emitted in parallel and the lists
 * updated by their owners in a fixed order. The result depends only on the data, k and the seed,
 * not on the number of threads.
 */
public final class NearestNeighborDescent {

    private static final double DELTA = 0.001;
    private static final int MIN_CANDIDATES = 15;

    private final float[] data;
    private final int n;
    private final int p;
    private final int k;
    private final long seed;
    private final BoundedHeaps heaps;
    private final PairUpdates updates;

    private NearestNeighborDescent(float[] data, int n, int p, int k, long seed) {
        this.data = data;
        this.n = n;
        this.p = p;
        this.k = k;
        this.seed = seed;
        this.heaps = new BoundedHeaps(n, k, true);
        this.updates = new PairUpdates(heaps);
    }

    /**
     * @param data    the points, row-major {@code n x p} (finite values)
     * @param n       the number of points
     * @param p       the number of coordinates
     * @param k       neighbours per point, {@code 1 <= k < n}
     * @param seed    the random seed
     * @param monitor progress and cancellation ({@link OperationCanceledException}), or {@code null}
     * @return the approximate graph of the k nearest other points of every point
     */
    public static NeighborGraph search(float[] data, int n, int p, int k, long seed, IProgressMonitor monitor) {
        check(data, n, p, k);
        return new NearestNeighborDescent(data, n, p, k, seed).run(SubMonitor.convert(monitor, "Nearest-neighbour descent", 100));
    }

    static void check(float[] data, int n, int p, int k) {
        if (p < 1 || data.length != (long) n * p) {
            throw new IllegalArgumentException("data holds " + data.length + " values, not " + n + " x " + p);
        }
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k = " + k + " needs 1 <= k < n = " + n);
        }
    }

    /** @return the number of trees: more for larger inputs ({@code 3 + n^0.25 / 2}, at most 12; pynndescent takes {@code 5 + n^0.25} but builds its trees in parallel with more cores) */
    static int trees(int n) {
        return Math.min(12, 3 + (int) Math.round(Math.pow(n, 0.25) / 2));
    }

    private NeighborGraph run(SubMonitor progress) {
        int iterations = Math.max(5, (int) Math.round(Math.log(n) / Math.log(2)));
        progress.setWorkRemaining(20 + 80);
        startFromTrees(progress.split(20));
        SubMonitor descent = progress.split(80).setWorkRemaining(iterations);
        int mc = Math.max(k, MIN_CANDIDATES);
        BoundedHeaps fresh = new BoundedHeaps(n, mc, false);
        BoundedHeaps old = new BoundedHeaps(n, mc, false);
        for (int iteration = 0; iteration < iterations; iteration++) {
            candidates(iteration, fresh, old);
            long changed = updates.run(n, (i, out) -> join(i, fresh, old, out), descent::isCanceled);
            if (changed < 0) {
                throw new OperationCanceledException();
            }
            descent.worked(1);
            if (changed <= DELTA * k * n) {
                break;
            }
        }
        return heaps.toGraph();
    }

    /** Fills the lists from the leaves of a forest of random projection trees, then at random. */
    private void startFromTrees(SubMonitor progress) {
        int count = trees(n);
        int leafSize = Math.max(10, k);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] randoms = new SplittableRandom[count];
        for (int t = 0; t < count; t++) {
            randoms[t] = root.split();
        }
        RandomProjectionTree[] forest = IntStream.range(0, count).parallel()
                .mapToObj(t -> RandomProjectionTree.build(data, n, p, leafSize, randoms[t])).toArray(RandomProjectionTree[]::new);
        if (progress.isCanceled()) {
            throw new OperationCanceledException();
        }
        progress.worked(1);
        for (RandomProjectionTree tree : forest) {
            long changed = updates.run(tree.leaves(), (leaf, out) -> {
                for (int s = tree.starts[leaf], end = tree.starts[leaf + 1]; s < end; s++) {
                    int a = tree.order[s];
                    for (int t = s + 1; t < end; t++) {
                        int b = tree.order[t];
                        float d = SquaredEuclidean.between(data, p, a, b);
                        if (d < heaps.top(a) || d < heaps.top(b)) {
                            out.add(a, b, d);
                        }
                    }
                }
            }, progress::isCanceled);
            if (changed < 0) {
                throw new OperationCanceledException();
            }
        }
        IntStream.range(0, n).parallel().forEach(i -> {
            if (heaps.index[i * k] >= 0 && !heaps.contains(i, -1)) {
                return;
            }
            SplittableRandom random = new SplittableRandom(mix(seed ^ 0x9E3779B97F4A7C15L, i, -1, -1));
            for (int attempt = 0; attempt < 8 * k && heaps.contains(i, -1); attempt++) {
                int j = random.nextInt(n);
                if (j != i) {
                    heaps.push(i, j, SquaredEuclidean.between(data, p, i, j), true);
                }
            }
            for (int j = 0; j < n && heaps.contains(i, -1); j++) { // tiny inputs: take any point left
                if (j != i) {
                    heaps.push(i, j, SquaredEuclidean.between(data, p, i, j), true);
                }
            }
        });
    }

    /**
     * Builds the candidate lists of one iteration: for every list entry (i, j), j is a candidate of i
     * and i one of j, new or old as the entry's flag; each list keeps the candidates of smallest random
     * priority. New entries chosen as candidates are then marked old.
     */
    private void candidates(int iteration, BoundedHeaps fresh, BoundedHeaps old) {
        fresh.clear();
        old.clear();
        int ranges = Math.max(1, Math.min(64, 2 * Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, ranges).parallel().forEach(range -> {
            int lo = (int) ((long) n * range / ranges);
            int hi = (int) ((long) n * (range + 1) / ranges);
            for (int i = 0; i < n; i++) {
                for (int s = i * k, end = s + k; s < end; s++) {
                    int j = heaps.index[s];
                    if (j < 0) {
                        continue;
                    }
                    BoundedHeaps target = heaps.flag[s] != 0 ? fresh : old;
                    float priority = priority(iteration, i, j);
                    if (i >= lo && i < hi) {
                        target.push(i, j, priority, false);
                    }
                    if (j >= lo && j < hi) {
                        target.push(j, i, priority, false);
                    }
                }
            }
        });
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int s = i * k, end = s + k; s < end; s++) {
                if (heaps.flag[s] != 0 && fresh.contains(i, heaps.index[s])) {
                    heaps.flag[s] = 0;
                }
            }
        });
    }

    /** The local join of point i: every new-new and new-old pair of its candidates. */
    private void join(int i, BoundedHeaps fresh, BoundedHeaps old, PairUpdates.Buffer out) {
        int size = fresh.size;
        int base = i * size;
        for (int x = base, end = base + size; x < end; x++) {
            int a = fresh.index[x];
            if (a < 0) {
                continue;
            }
            float topA = heaps.top(a);
            for (int y = x + 1; y < end; y++) {
                int b = fresh.index[y];
                if (b < 0) {
                    continue;
                }
                float d = SquaredEuclidean.between(data, p, a, b);
                if (d < topA || d < heaps.top(b)) {
                    out.add(a, b, d);
                }
            }
            for (int y = base; y < end; y++) {
                int b = old.index[y];
                if (b < 0 || b == a) {
                    continue;
                }
                float d = SquaredEuclidean.between(data, p, a, b);
                if (d < topA || d < heaps.top(b)) {
                    out.add(a, b, d);
                }
            }
        }
    }

    /** A random priority in [0, 1) that depends only on the seed, the iteration and the pair. */
    private float priority(int iteration, int i, int j) {
        return (mix(seed, iteration, i, j) >>> 40) * 0x1.0p-24f;
    }

    /** SplitMix64 finaliser over the arguments. */
    private static long mix(long seed, int a, int b, int c) {
        long z = seed + 0x9E3779B97F4A7C15L * (1 + (a & 0xffffffffL));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L + (b & 0xffffffffL);
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL + (c & 0xffffffffL) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 29);
    }
}
