// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.internal;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent tasks on the common fork-join pool (the calling thread joins in), or
 * inline when there is only one task. Internal to the plotting engine.
 */
public final class Parallel {

    /** Below this many points a pass runs on the calling thread. */
    public static final int MIN_PARALLEL_POINTS = 50_000;

    private Parallel() {
    }

    /** @return the number of hardware threads available */
    public static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param points how many points a pass visits
     * @return how many chunks to split such a pass into (1 when small)
     */
    public static int chunksFor(int points) {
        return points < MIN_PARALLEL_POINTS ? 1 : threads();
    }

    /**
     * Runs {@code task} for {@code 0 .. tasks-1}, in parallel when {@code tasks > 1}.
     *
     * @param tasks the number of tasks
     * @param task the task, given its index
     */
    public static void forEach(int tasks, IntConsumer task) {
        if (tasks <= 1) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
        } else {
            IntStream.range(0, tasks).parallel().forEach(task);
        }
    }

    /**
     * @param n the length of the range
     * @param chunks the number of chunks
     * @param chunk a chunk index
     * @return the first index of the chunk; the chunk ends where the next one starts
     */
    public static int chunkStart(int n, int chunks, int chunk) {
        return (int) ((long) n * chunk / chunks);
    }
}
