// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

/**
 * Progress and cancellation of a long read or write. The reader and writer call these methods on
 * the thread that called them, never from worker threads, so an adapter to an Eclipse progress
 * monitor needs no synchronisation. Work is counted in bytes of the file when reading and in rows
 * when writing.
 */
public interface ProgressMonitor {

    /** A monitor that ignores progress and is never cancelled. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void worked(long bytes) {
            // ignored
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };

    /**
     * Called once before any {@link #worked(long)}.
     *
     * @param totalWork the total amount of work
     */
    default void begin(long totalWork) {
        // optional
    }

    /**
     * @param work how much more work has been done
     */
    void worked(long work);

    /** @return whether the user asked to stop; the reader then throws {@link java.util.concurrent.CancellationException} */
    boolean isCanceled();
}
