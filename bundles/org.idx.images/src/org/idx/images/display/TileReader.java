// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.display;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.idx.images.BytePlane;
import org.idx.images.FloatPlane;
import org.idx.images.ImageAccessException;
import org.idx.images.Plane;
import org.idx.images.PlaneRegion;
import org.idx.images.ShortPlane;
import org.idx.images.display.TileGrid.Tile;

/**
 * Assembles a window of a plane (see {@link TileGrid#window}) from its tiles: those a {@link TileCache}
 * holds, the others read through a region read (an OME-Zarr level fetches only the chunks a tile meets,
 * a tiled TIFF only its tiles), several at once, and kept in the cache. The read can be cancelled: the
 * reads not started are dropped and those under way interrupted.
 */
public final class TileReader {

    /** Reads one rectangle of the plane. */
    @FunctionalInterface
    public interface RegionSource {
        /**
         * @param region a tile, inside the plane
         * @return its samples
         * @throws ImageAccessException if they cannot be read
         */
        Plane read(PlaneRegion region) throws ImageAccessException;
    }

    /**
     * A window read.
     *
     * @param plane  the window's samples
     * @param read   tiles read from the source
     * @param cached tiles taken from the cache
     */
    public record Window(Plane plane, int read, int cached) {
    }

    private static final int THREADS = 4;
    private static final long POLL_MILLIS = 50;
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL;

    static {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "IDX tiles " + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        POOL = pool;
    }

    private TileReader() {
    }

    /**
     * Reads a window.
     *
     * @param cache     the tiles kept
     * @param grid      the plane's tiles
     * @param window    the window, aligned to the grid's tiles and inside the plane
     * @param keys      the cache key of each tile
     * @param source    reads a tile missing from the cache
     * @param cancelled polled while waiting; when it answers true the read stops
     * @return the window's samples and how many tiles were read
     * @throws ImageAccessException if a tile cannot be read, or the read was cancelled (or interrupted)
     */
    public static Window read(TileCache cache, TileGrid grid, PlaneRegion window, Function<Tile, TileCache.Key> keys,
            RegionSource source, BooleanSupplier cancelled) throws ImageAccessException {
        List<Tile> tiles = grid.covering(window);
        Plane[] planes = new Plane[tiles.size()];
        List<Future<Plane>> futures = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i++) {
            Tile tile = tiles.get(i);
            planes[i] = cache.get(keys.apply(tile));
            if (planes[i] == null) {
                TileCache.Key key = keys.apply(tile);
                PlaneRegion region = grid.region(tile);
                pending.add(i);
                futures.add(POOL.submit(() -> {
                    Plane read = source.read(region);
                    cache.put(key, read);
                    return read;
                }));
            }
        }
        try {
            for (int f = 0; f < futures.size(); f++) {
                planes[pending.get(f)] = await(futures.get(f), cancelled);
            }
        } catch (ImageAccessException | RuntimeException e) {
            futures.forEach(future -> future.cancel(true));
            throw e;
        }
        return new Window(assemble(grid, tiles, planes, window), futures.size(), tiles.size() - futures.size());
    }

    private static Plane await(Future<Plane> future, BooleanSupplier cancelled) throws ImageAccessException {
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw cancelled();
            }
            try {
                return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll the cancel flag again
            } catch (InterruptedException | CancellationException e) {
                Thread.currentThread().interrupt();
                throw cancelled();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ImageAccessException iae) {
                    throw iae;
                }
                throw new ImageAccessException("Reading a tile failed: " + e.getCause() + ".", e.getCause());
            }
        }
    }

    private static ImageAccessException cancelled() {
        return new ImageAccessException("Reading the tiles in view was cancelled.", new InterruptedIOException());
    }

    private static Plane assemble(TileGrid grid, List<Tile> tiles, Plane[] planes, PlaneRegion window) {
        int w = window.width();
        int h = window.height();
        Object out = switch (planes[0]) {
            case ShortPlane p -> new short[w * h];
            case BytePlane p -> new byte[w * h];
            case FloatPlane p -> new float[w * h];
        };
        for (int i = 0; i < tiles.size(); i++) {
            PlaneRegion at = grid.region(tiles.get(i));
            Plane tile = planes[i];
            Object samples = switch (tile) {
                case ShortPlane p -> p.data();
                case BytePlane p -> p.data();
                case FloatPlane p -> p.data();
            };
            if (samples.getClass() != out.getClass() || tile.width() != at.width() || tile.height() != at.height()) {
                throw new IllegalStateException("tile " + tiles.get(i) + " is a " + tile.width() + "x" + tile.height() + " "
                        + tile.pixelType() + " plane, not " + at.width() + "x" + at.height() + " " + planes[0].pixelType());
            }
            int x0 = Math.max(at.x(), window.x());
            int x1 = Math.min(at.x() + at.width(), window.x() + w);
            for (int y = Math.max(at.y(), window.y()); y < Math.min(at.y() + at.height(), window.y() + h); y++) {
                System.arraycopy(samples, (y - at.y()) * at.width() + (x0 - at.x()), out, (y - window.y()) * w + (x0 - window.x()),
                        x1 - x0);
            }
        }
        return switch (planes[0]) {
            case ShortPlane p -> new ShortPlane(w, h, (short[]) out);
            case BytePlane p -> new BytePlane(w, h, (byte[]) out);
            case FloatPlane p -> new FloatPlane(w, h, (float[]) out);
        };
    }
}
