// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PlaneCacheTest {

    private static PlaneCache.Key key(int z) {
        return new PlaneCache.Key("store", "a.tif", new PlaneIndex(0, z, 0));
    }

    /** A 100-byte plane. */
    private static Plane plane() {
        return new BytePlane(10, 10, new byte[100]);
    }

    @Test
    void evictsLeastRecentlyUsedToStayWithinTheBound() {
        PlaneCache cache = new PlaneCache(300);
        cache.put(key(0), plane());
        cache.put(key(1), plane());
        cache.put(key(2), plane());
        assertNotNull(cache.get(key(0))); // 0 is now the most recent
        cache.put(key(3), plane());
        assertNull(cache.get(key(1)), "the least recently used plane goes");
        assertNotNull(cache.get(key(0)));
        assertNotNull(cache.get(key(2)));
        assertNotNull(cache.get(key(3)));
        PlaneCache.Stats stats = cache.stats();
        assertEquals(3, stats.planes());
        assertEquals(300, stats.bytes());
        assertEquals(1, stats.evictions());
        assertEquals(4, stats.hits());
        assertEquals(1, stats.misses());
    }

    @Test
    void countsHitsAndMissesAndLoadsOnce() throws ImageAccessException {
        PlaneCache cache = new PlaneCache(1000);
        AtomicInteger loads = new AtomicInteger();
        Plane p = plane();
        PlaneCache.Loader loader = () -> {
            loads.incrementAndGet();
            return p;
        };
        assertSame(p, cache.get(key(0), loader));
        assertSame(p, cache.get(key(0), loader));
        assertSame(p, cache.get(key(0), loader));
        assertEquals(1, loads.get());
        assertEquals(2, cache.stats().hits());
        assertEquals(1, cache.stats().misses());
    }

    @Test
    void failedLoadsAreNotCached() {
        PlaneCache cache = new PlaneCache(1000);
        assertThrows(ImageAccessException.class, () -> cache.get(key(0), () -> {
            throw new ImageAccessException("Image 'a.tif' is broken.");
        }));
        assertEquals(0, cache.stats().planes());
    }

    @Test
    void planesLargerThanTheBoundAreNotKept() {
        PlaneCache cache = new PlaneCache(99);
        cache.put(key(0), plane());
        assertEquals(0, cache.stats().bytes());
        assertNull(cache.get(key(0)));
    }

    @Test
    void shrinkingTheBoundEvictsAtOnce() {
        PlaneCache cache = new PlaneCache(1000);
        for (int z = 0; z < 10; z++) {
            cache.put(key(z), plane());
        }
        cache.setMaxBytes(250);
        assertEquals(2, cache.stats().planes());
        assertNotNull(cache.get(key(9)));
        assertNotNull(cache.get(key(8)));
        cache.put(key(8), new ShortPlane(10, 10, new short[100])); // replacing keeps the byte count right
        assertEquals(200, cache.stats().bytes(), "the 200-byte plane stays, the older 100-byte one goes");
        assertEquals(1, cache.stats().planes());
    }

    @Test
    void staysWithinTheBoundUnderConcurrentUse() throws Exception {
        PlaneCache cache = new PlaneCache(2000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        int z = (i * 31 + seed) % 50;
                        cache.get(key(z), PlaneCacheTest::plane);
                        assertTrue(cache.stats().bytes() <= 2000);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        PlaneCache.Stats stats = cache.stats();
        assertEquals(80_000, stats.hits() + stats.misses());
        assertTrue(stats.planes() <= 20);
    }

    @Test
    void threadsAskingForAPlaneBeingLoadedWaitForThatLoad() throws Exception {
        PlaneCache cache = new PlaneCache(1000);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Plane p = plane();
        PlaneCache.Loader slow = () -> {
            loads.incrementAndGet();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new ImageAccessException("interrupted", e);
            }
            return p;
        };
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Plane>> futures = new ArrayList<>();
            futures.add(pool.submit(() -> cache.get(key(0), slow)));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            for (int t = 0; t < 7; t++) {
                futures.add(pool.submit(() -> cache.get(key(0), slow)));
            }
            Thread.sleep(100); // the seven ask while the first load is still under way
            release.countDown();
            for (Future<Plane> f : futures) {
                assertSame(p, f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, loads.get(), "one load for eight callers");
        assertEquals(1, cache.stats().misses());
        assertEquals(7, cache.stats().hits());
    }

    @Test
    void whenTheLoadWaitedForFailsTheWaiterLoadsItself() throws Exception {
        PlaneCache cache = new PlaneCache(1000);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Plane p = plane();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Plane> failing = pool.submit(() -> cache.get(key(0), () -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new ImageAccessException("interrupted", e);
                }
                throw new ImageAccessException("Reading a.tif was cancelled.");
            }));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            Future<Plane> waiting = pool.submit(() -> cache.get(key(0), () -> p));
            Thread.sleep(100);
            release.countDown();
            ExecutionException first = assertThrows(ExecutionException.class, () -> failing.get(10, TimeUnit.SECONDS));
            assertTrue(first.getCause() instanceof ImageAccessException);
            assertSame(p, waiting.get(10, TimeUnit.SECONDS), "the waiter's own load answers it");
        } finally {
            pool.shutdownNow();
        }
        assertSame(p, cache.get(key(0)));
    }
}
