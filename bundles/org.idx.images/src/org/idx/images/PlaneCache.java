// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A least-recently-used cache of decoded planes, bounded by the bytes the planes occupy. Thread-safe.
 * A plane larger than the whole bound is returned but not kept. Loading happens outside the lock;
 * threads asking for a plane another thread is loading wait for that load instead of repeating it
 * (a gallery asks for the same plane from many threads at once). If that load fails, each waiter
 * tries with its own loader, so one caller's cancelled read is not another's error.
 */
public final class PlaneCache {

    /**
     * Identifies a plane: the store, the key and the plane index.
     *
     * @param store a store identity (e.g. {@link ImageStore#describe()})
     * @param key   the image key
     * @param index the plane
     */
    public record Key(String store, String key, PlaneIndex index) {
    }

    /**
     * Loads a plane on a miss.
     */
    @FunctionalInterface
    public interface Loader {
        /**
         * @return the plane
         * @throws ImageAccessException if it cannot be loaded
         */
        Plane load() throws ImageAccessException;
    }

    /**
     * Counters at one moment.
     *
     * @param hits      lookups answered from the cache
     * @param misses    lookups that had to load
     * @param evictions planes dropped to stay within the bound
     * @param planes    planes held
     * @param bytes     bytes held
     * @param maxBytes  the bound
     */
    public record Stats(long hits, long misses, long evictions, int planes, long bytes, long maxBytes) {
    }

    private final LinkedHashMap<Key, Plane> planes = new LinkedHashMap<>(64, 0.75f, true);
    /** Loads under way, so that other threads wait for them. */
    private final Map<Key, CompletableFuture<Plane>> loading = new HashMap<>();
    private long maxBytes;
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;

    /**
     * @param maxBytes the most bytes of planes to keep, {@code >= 0}
     */
    public PlaneCache(long maxBytes) {
        setMaxBytes(maxBytes);
    }

    /**
     * Changes the bound (e.g. from a preference), evicting at once if needed.
     *
     * @param maxBytes the most bytes to keep, {@code >= 0}
     */
    public synchronized void setMaxBytes(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        trim();
    }

    /**
     * @param key a plane key
     * @return the cached plane, or null; counts a hit or a miss
     */
    public synchronized Plane get(Key key) {
        Plane plane = planes.get(key);
        if (plane != null) {
            hits++;
        } else {
            misses++;
        }
        return plane;
    }

    /**
     * @param key a plane key
     * @return the cached plane, or null; counts neither a hit nor a miss (a look whether cropping a
     *         cached plane beats reading a region)
     */
    public synchronized Plane peek(Key key) {
        return planes.get(key);
    }

    /**
     * Returns the cached plane, waits for a load of it under way, or loads, caches and returns it.
     * A lookup answered by another thread's load counts as a hit.
     *
     * @param key    a plane key
     * @param loader loads the plane on a miss
     * @return the plane
     * @throws ImageAccessException if the loader fails (nothing is cached then)
     */
    public Plane get(Key key, Loader loader) throws ImageAccessException {
        while (true) {
            CompletableFuture<Plane> theirs;
            CompletableFuture<Plane> mine = null;
            synchronized (this) {
                Plane plane = planes.get(key);
                if (plane != null) {
                    hits++;
                    return plane;
                }
                theirs = loading.get(key);
                if (theirs == null) {
                    misses++;
                    mine = new CompletableFuture<>();
                    loading.put(key, mine);
                }
            }
            if (mine == null) {
                try {
                    Plane shared = theirs.get();
                    synchronized (this) {
                        hits++;
                    }
                    return shared;
                } catch (ExecutionException failed) {
                    continue; // their load failed: load with this caller's loader
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ImageAccessException("Reading " + key.key() + " was cancelled.", e);
                }
            }
            try {
                Plane plane = loader.load();
                put(key, plane);
                mine.complete(plane);
                return plane;
            } catch (ImageAccessException | RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                synchronized (this) {
                    loading.remove(key, mine);
                }
            }
        }
    }

    /**
     * @param key   a plane key
     * @param plane the plane to keep (replacing any plane under that key)
     */
    public synchronized void put(Key key, Plane plane) {
        long size = plane.sizeInBytes();
        Plane old = planes.remove(key);
        if (old != null) {
            bytes -= old.sizeInBytes();
        }
        if (size > maxBytes) {
            return;
        }
        planes.put(key, plane);
        bytes += size;
        trim();
    }

    private void trim() {
        Iterator<Map.Entry<Key, Plane>> eldest = planes.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().sizeInBytes();
            eldest.remove();
            evictions++;
        }
    }

    /** Drops every plane (counters stay). */
    public synchronized void clear() {
        planes.clear();
        bytes = 0;
    }

    /** @return the counters now */
    public synchronized Stats stats() {
        return new Stats(hits, misses, evictions, planes.size(), bytes, maxBytes);
    }
}
