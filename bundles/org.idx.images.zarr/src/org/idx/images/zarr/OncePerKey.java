// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.idx.images.ImageAccessException;

/**
 * Values read once per key and remembered: the first caller for a key reads it, callers for the same
 * key meanwhile wait for that read instead of reading again (so three views resolving the same plate
 * at once fetch its metadata once), and no lock is held while reading. A failed read is not kept: the
 * next call tries again. Thread-safe.
 *
 * @param <V> the value
 */
final class OncePerKey<V> {

    /** Reads the value of a key. */
    @FunctionalInterface
    interface Read<V> {
        V read() throws ImageAccessException;
    }

    private final Map<String, FutureTask<V>> values = new LinkedHashMap<>();

    /**
     * @param key  the key
     * @param read reads its value, when no call has yet
     * @return the value
     * @throws ImageAccessException if the read fails (this call's or the one waited for)
     */
    V get(String key, Read<V> read) throws ImageAccessException {
        FutureTask<V> task;
        boolean mine = false;
        synchronized (this) {
            task = values.get(key);
            if (task == null) {
                task = new FutureTask<>(read::read);
                values.put(key, task);
                mine = true;
            }
        }
        if (mine) {
            task.run();
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            synchronized (this) {
                values.remove(key, task);
            }
            if (e.getCause() instanceof ImageAccessException access) {
                throw access;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageAccessException("Interrupted while waiting for the plate metadata of '" + key + "'.", e);
        }
    }

    /** @return the keys read successfully so far, with their values, in the order first asked */
    synchronized Map<String, V> done() {
        Map<String, V> out = new LinkedHashMap<>();
        values.forEach((key, task) -> {
            if (task.isDone()) {
                try {
                    out.put(key, task.get());
                } catch (ExecutionException | InterruptedException e) {
                    // failed: not a value
                }
            }
        });
        return out;
    }
}
