// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImageRoot#derived}: worked out once however many threads ask at once, shared, forgotten when the
 * root is re-pointed or its plate path changes, and a failure is not kept.
 */
class ImageRootDerivedTest {

    @TempDir
    Path folder;

    private ImageRoot root() {
        return new ImageRoot(new StoreRegistry(Map.of(StoreSpec.FILE, LocalStoreFactory::new)), new ReaderRegistry(List.of()),
                new PlaneCache(1 << 20), StoreSpec.folder(folder));
    }

    @Test
    void threadsAskingAtOnceShareOneDerivation() throws Exception {
        ImageRoot root = root();
        AtomicInteger made = new AtomicInteger();
        CountDownLatch asked = new CountDownLatch(1);
        ImageRoot.Derivation<String> slow = (r, store) -> {
            try {
                asked.await();
            } catch (InterruptedException e) {
                throw new ImageAccessException("interrupted", e);
            }
            return "value " + made.incrementAndGet() + " of " + store.describe();
        };
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> values = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                values.add(threads.submit(() -> root.derived(slow)));
            }
            Thread.sleep(100);
            asked.countDown();
            for (Future<String> v : values) {
                assertEquals("value 1 of " + root.store().describe(), v.get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, made.get(), "worked out once");
        assertSame(root.derived(slow), root.derived(slow));
    }

    @Test
    void rePointingOrANewPlatePathForgetsAndAFailureIsNotKept() throws Exception {
        ImageRoot root = root();
        AtomicInteger made = new AtomicInteger();
        ImageRoot.Derivation<Integer> counted = (r, store) -> made.incrementAndGet();
        assertEquals(1, root.derived(counted));
        assertEquals(1, root.derived(counted));
        root.setPlatePath(PlatePath.parse("plates"));
        assertEquals(2, root.derived(counted), "a new plate path forgets");
        root.setSpec(StoreSpec.folder(folder.resolve("elsewhere")));
        assertEquals(3, root.derived(counted), "a re-pointed root forgets");
        root.setSpec(StoreSpec.folder(folder.resolve("elsewhere")));
        assertEquals(3, root.derived(counted), "the same spec again changes nothing");

        AtomicInteger attempts = new AtomicInteger();
        ImageRoot.Derivation<String> flaky = (r, store) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ImageAccessException("The metadata of " + store.describe() + " cannot be read (timeout).");
            }
            return "read";
        };
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> root.derived(flaky));
        assertNotEquals(-1, e.getMessage().indexOf("timeout"));
        assertEquals("read", root.derived(flaky), "the failure was not kept: the next call tries again");
        assertEquals(2, attempts.get());
    }
}
