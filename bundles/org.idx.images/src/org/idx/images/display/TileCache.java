// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.display;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.idx.images.Plane;
import org.idx.images.PlaneIndex;

/**
 * A least-recently-used cache of decoded tiles (see {@link TileGrid}), bounded by the bytes their samples
 * occupy, so that a viewer panning over a large image reads each tile once while it stays near the view.
 * Separate from the plane cache so that tiles of one huge image do not push out the whole planes the
 * gallery and other viewers use. Thread-safe.
 */
public final class TileCache {

    /**
     * Identifies a tile.
     *
     * @param store    the store's identity (where the image lives)
     * @param image    the key of the image
     * @param level    the resolution level (0 = full resolution)
     * @param index    the plane of that level
     * @param tileSize the grid's tile side
     * @param column   the tile's column
     * @param row      the tile's row
     */
    public record Key(String store, String image, int level, PlaneIndex index, int tileSize, int column, int row) {
    }

    /**
     * Counters at one moment.
     *
     * @param hits      lookups answered
     * @param misses    lookups not answered
     * @param evictions tiles dropped to stay within the bound
     * @param tiles     tiles held
     * @param bytes     bytes held
     * @param maxBytes  the bound
     */
    public record Stats(long hits, long misses, long evictions, int tiles, long bytes, long maxBytes) {
    }

    private final LinkedHashMap<Key, Plane> tiles = new LinkedHashMap<>(64, 0.75f, true);
    private long maxBytes;
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;

    /** @param maxBytes the most bytes of tiles to keep, {@code >= 0} */
    public TileCache(long maxBytes) {
        setMaxBytes(maxBytes);
    }

    /** @param maxBytes the most bytes to keep, {@code >= 0}; evicts at once if needed */
    public synchronized void setMaxBytes(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        trim();
    }

    /**
     * @param key a tile
     * @return its samples, or null; counts a hit or a miss
     */
    public synchronized Plane get(Key key) {
        Plane tile = tiles.get(key);
        if (tile != null) {
            hits++;
        } else {
            misses++;
        }
        return tile;
    }

    /**
     * Keeps a tile, replacing any under that key; one larger than the whole bound is not kept.
     *
     * @param key  the tile
     * @param tile its samples
     */
    public synchronized void put(Key key, Plane tile) {
        Plane old = tiles.remove(key);
        if (old != null) {
            bytes -= old.sizeInBytes();
        }
        if (tile.sizeInBytes() > maxBytes) {
            return;
        }
        tiles.put(key, tile);
        bytes += tile.sizeInBytes();
        trim();
    }

    private void trim() {
        Iterator<Map.Entry<Key, Plane>> eldest = tiles.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().sizeInBytes();
            eldest.remove();
            evictions++;
        }
    }

    /** Drops every tile (counters stay). */
    public synchronized void clear() {
        tiles.clear();
        bytes = 0;
    }

    /** @return the counters now */
    public synchronized Stats stats() {
        return new Stats(hits, misses, evictions, tiles.size(), bytes, maxBytes);
    }
}
