// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.idx.images.ImageAccessException;

/**
 * Runs the chunk reads of a plane in parallel (a plane of a remote OME-Zarr level is many small
 * objects, each a round trip). One small daemon pool for the bundle; the store bounds its own
 * requests in flight. The caller waits, interruptibly: an interrupt cancels the remaining reads.
 */
final class ChunkFetcher {

    /** One chunk's work: read, decode, copy into the plane. */
    @FunctionalInterface
    interface Task {
        /** @throws ImageAccessException if the chunk cannot be read */
        void run() throws ImageAccessException;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL;

    static {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "IDX Zarr chunks " + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        POOL = pool;
    }

    private ChunkFetcher() {
    }

    /**
     * Runs the tasks, in parallel when there are several, and waits for all.
     *
     * @param key   the image key, for messages
     * @param tasks the chunk tasks
     * @throws ImageAccessException the first failure, or a cancellation if the caller is interrupted
     */
    static void runAll(String key, List<Task> tasks) throws ImageAccessException {
        if (tasks.size() == 1) {
            tasks.get(0).run();
            return;
        }
        List<Future<Void>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(POOL.submit(() -> {
                task.run();
                return null;
            }));
        }
        try {
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new ImageAccessException("Reading OME-Zarr image '" + key + "' was cancelled.", new InterruptedIOException());
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof ImageAccessException iae) {
                throw iae;
            }
            throw new ImageAccessException("Reading OME-Zarr image '" + key + "' failed: " + e.getCause() + ".", e.getCause());
        }
    }
}
