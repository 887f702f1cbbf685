// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The worker threads of one read. Waiting for a task polls the progress monitor, so that a
 * cancel request stops the workers within moments; closing stops them in any case.
 */
final class Workers implements AutoCloseable {

    private final Path file;
    private final ProgressMonitor monitor;
    private final AtomicBoolean canceled;
    private final ExecutorService pool;

    Workers(Path file, int threads, ProgressMonitor monitor, AtomicBoolean canceled) {
        this.file = file;
        this.monitor = monitor;
        this.canceled = canceled;
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "idx-table-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    <T> T await(Future<T> future) throws TableReadException {
        while (true) {
            if (monitor.isCanceled()) {
                canceled.set(true);
                throw new CancellationException("reading " + file + " canceled");
            }
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll the monitor again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                canceled.set(true);
                throw new CancellationException("reading " + file + " interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw new TableReadException(file, "cannot read: " + io.getMessage(), io);
                }
                if (cause instanceof UncheckedIOException io) {
                    throw new TableReadException(file, "cannot read: " + io.getMessage(), io);
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        canceled.set(true);
        pool.shutdownNow();
    }
}
