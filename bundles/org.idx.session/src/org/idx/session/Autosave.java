// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes a session journal in the background, atomically, on its own daemon thread, at most a
 * short delay after a change: the first change after a write schedules the next write, and the
 * changes that follow within the delay are written with it (so a burst is written once, and
 * steady work is journalled every {@code delay}). Every change bumps a generation;
 * {@link #written()} says which generation is on disk.
 */
public final class Autosave implements AutoCloseable {

    private final Path file;
    private final Supplier<Session> snapshot;
    private final long delayMillis;
    private final Consumer<IOException> onFailure;
    private final ScheduledExecutorService executor;
    private long generation;
    private volatile long written;
    private final Object io = new Object();
    private ScheduledFuture<?> pending;
    private boolean closed;
    private long cleanUpTo;

    /**
     * @param file      the journal file
     * @param snapshot  takes a snapshot of the session; called on the autosave thread, must be
     *                  thread-safe
     * @param delay     how long after a change to write
     * @param onFailure told when a write fails (the next change tries again)
     */
    public Autosave(Path file, Supplier<Session> snapshot, Duration delay, Consumer<IOException> onFailure) {
        this.file = Objects.requireNonNull(file);
        this.snapshot = Objects.requireNonNull(snapshot);
        this.delayMillis = delay.toMillis();
        this.onFailure = Objects.requireNonNull(onFailure);
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "IDX autosave " + file.getFileName());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return the journal file */
    public Path file() {
        return file;
    }

    /** Notes a change: the journal is written at most {@code delay} later. */
    public synchronized void changed() {
        if (closed) {
            return;
        }
        generation++;
        if (pending == null || pending.isDone()) {
            pending = executor.schedule(this::write, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** @return the number of changes noted so far */
    public synchronized long generation() {
        return generation;
    }

    /** @return the generation last written to the journal */
    public long written() {
        return written;
    }

    private void write() {
        long target;
        synchronized (this) {
            if (closed) {
                return;
            }
            target = generation;
            pending = null;
        }
        try {
            Session session = snapshot.get();
            synchronized (io) {
                synchronized (this) {
                    if (closed || target <= cleanUpTo) {
                        return;
                    }
                }
                SessionFiles.write(session, file);
                written = target;
            }
        } catch (IOException e) {
            onFailure.accept(e);
        } catch (RuntimeException e) {
            onFailure.accept(new IOException("The autosave journal " + file + " could not be written: " + e, e));
        }
    }

    /**
     * Deletes the journal because every change noted so far is saved; autosaving goes on for the
     * changes to come.
     *
     * @throws IOException when the journal cannot be deleted
     */
    public void clean() throws IOException {
        synchronized (io) {
            synchronized (this) {
                cleanUpTo = generation;
                if (pending != null) {
                    pending.cancel(false);
                }
            }
            Files.deleteIfExists(file);
        }
    }

    /**
     * Stops autosaving and deletes the journal: the changes were saved or deliberately discarded.
     *
     * @throws IOException when the journal cannot be deleted
     */
    public void discard() throws IOException {
        close();
        synchronized (io) {
            Files.deleteIfExists(file);
        }
    }

    /** Stops autosaving; a journal on disk stays. Waits for a write in progress. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (pending != null) {
                pending.cancel(false);
            }
        }
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
