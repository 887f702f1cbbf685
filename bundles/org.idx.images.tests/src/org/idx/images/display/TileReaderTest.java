// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.idx.images.ImageAccessException;
import org.idx.images.PlaneIndex;
import org.idx.images.PlaneRegion;
import org.idx.images.ShortPlane;
import org.idx.images.display.TileGrid.Tile;
import org.junit.jupiter.api.Test;

class TileReaderTest {

    private static final int W = 5000;
    private static final int H = 3000;

    /** The sample at (x, y) of a 5000x3000 plane. */
    private static short sample(int x, int y) {
        return (short) ((x * 7 + y * 13) % 60000);
    }

    private static ShortPlane read(PlaneRegion r) {
        short[] s = new short[r.width() * r.height()];
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                s[y * r.width() + x] = sample(r.x() + x, r.y() + y);
            }
        }
        return new ShortPlane(r.width(), r.height(), s);
    }

    private static TileCache.Key key(Tile t) {
        return new TileCache.Key("s", "img", 0, PlaneIndex.FIRST, 256, t.column(), t.row());
    }

    @Test
    void aWindowIsAssembledFromItsTilesAndTheCachedOnesAreNotReadAgain() throws Exception {
        TileGrid grid = new TileGrid(W, H, 256);
        TileCache cache = new TileCache(64L << 20);
        ConcurrentLinkedQueue<PlaneRegion> reads = new ConcurrentLinkedQueue<>();
        PlaneRegion window = grid.window(1000, 1000, 1800, 1500, W, H, 0);
        TileReader.Window first = TileReader.read(cache, grid, window, TileReaderTest::key, r -> {
            reads.add(r);
            return read(r);
        }, () -> false);
        assertEquals(new PlaneRegion(768, 768, 1280, 768), window);
        assertEquals(15, first.read());
        assertEquals(0, first.cached());
        assertEquals(15, reads.size());
        for (PlaneRegion r : reads) {
            assertEquals(256, r.width(), "a read is one tile");
        }
        ShortPlane plane = (ShortPlane) first.plane();
        assertEquals(window.width(), plane.width());
        for (int y = 0; y < plane.height(); y += 37) {
            for (int x = 0; x < plane.width(); x += 41) {
                assertEquals(sample(window.x() + x, window.y() + y), plane.data()[y * plane.width() + x], x + "," + y);
            }
        }
        // Panned right by one tile: only the new column is read.
        reads.clear();
        PlaneRegion panned = new PlaneRegion(window.x() + 256, window.y(), window.width(), window.height());
        TileReader.Window second = TileReader.read(cache, grid, panned, TileReaderTest::key, r -> {
            reads.add(r);
            return read(r);
        }, () -> false);
        assertEquals(3, second.read());
        assertEquals(12, second.cached());
        assertEquals(sample(panned.x() + 1279, panned.y() + 767), ((ShortPlane) second.plane()).data()[1280 * 768 - 1]);
        // The edge of the plane: the last tiles are narrower.
        PlaneRegion edge = grid.window(4900, 2900, 5000, 3000, W, H, 0);
        ShortPlane corner = (ShortPlane) TileReader.read(cache, grid, edge, TileReaderTest::key, TileReaderTest::read, () -> false).plane();
        assertEquals(W - 4864, corner.width());
        assertEquals(sample(W - 1, H - 1), corner.data()[corner.data().length - 1]);
    }

    @Test
    void aCancelledReadStopsWaitingAndInterruptsTheReadsUnderWay() throws Exception {
        TileGrid grid = new TileGrid(W, H, 256);
        TileCache cache = new TileCache(64L << 20);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicBoolean cancel = new AtomicBoolean();
        Thread canceller = new Thread(() -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                return;
            }
            cancel.set(true);
        });
        canceller.start();
        long t0 = System.nanoTime();
        ImageAccessException e = assertThrows(ImageAccessException.class,
                () -> TileReader.read(cache, grid, new PlaneRegion(0, 0, 1024, 1024), TileReaderTest::key, r -> {
                    started.countDown();
                    try {
                        Thread.sleep(20_000);
                    } catch (InterruptedException stop) {
                        interrupted.countDown();
                        throw new ImageAccessException("interrupted");
                    }
                    return read(r);
                }, cancel::get));
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "the read stopped at once");
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the tile reads under way were interrupted");
        assertEquals(0, cache.stats().tiles(), "nothing was cached from the cancelled reads");
    }

    @Test
    void aFailedTileFailsTheWindowWithItsSentence() {
        TileGrid grid = new TileGrid(W, H, 256);
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> TileReader.read(new TileCache(1 << 20), grid,
                new PlaneRegion(0, 0, 512, 256), TileReaderTest::key, r -> {
                    if (r.x() == 256) {
                        throw new ImageAccessException("Chunk 'img/0/1' is corrupt.");
                    }
                    return read(r);
                }, () -> false));
        assertEquals("Chunk 'img/0/1' is corrupt.", e.getMessage());
        assertEquals(List.of(new Tile(0, 0)), grid.covering(new PlaneRegion(0, 0, 10, 10)));
    }
}
