// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageRoot;
import org.idx.images.ImageStore;
import org.idx.images.ImageStoreFactory;
import org.idx.images.LocalImageStore;
import org.idx.images.PlaneCache;
import org.idx.images.PlatePath;
import org.idx.images.StoreRegistry;
import org.idx.images.StoreSpec;
import org.idx.images.testing.CountingStore;
import org.idx.images.testing.ZarrFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plates of a dataset's image root are read once and shared: the image viewer, the gallery and the
 * plate map (three threads resolving the same table at once, as the three views do) fetch each
 * metadata object once; re-pointing the root, or changing its plate path, reads them anew.
 */
class SharedPlatesTest {

    @TempDir
    Path folder;

    /** The stores the "counting" scheme opened, last one last. */
    private final List<CountingStore> opened = new ArrayList<>();

    private ImageRoot root(Path at) {
        ImageStoreFactory counting = new ImageStoreFactory() {
            @Override
            public ImageStore open(StoreSpec spec) {
                CountingStore store = new CountingStore(new LocalImageStore(Path.of(spec.property(StoreSpec.PATH))));
                opened.add(store);
                return store;
            }

            @Override
            public String test(StoreSpec spec) {
                return "ok";
            }
        };
        return new ImageRoot(new StoreRegistry(Map.of("counting", () -> counting)), ZarrReaderTest.registry(), new PlaneCache(1 << 20),
                spec(at));
    }

    private static StoreSpec spec(Path at) {
        return new StoreSpec("counting", Map.of(StoreSpec.PATH, at.toString()));
    }

    private static DataTable screenTable() {
        return RowImageKeysTest.table(
                ColumnRoles.NONE.with(ColumnRole.PLATE, "plate").with(ColumnRole.WELL, "well").with(ColumnRole.FIELD, "field"),
                Map.of("plate", new Object[] { "P1", "P2", "P1", "P2", "P1" }, "well", new Object[] { "A1", "B3", "B03", "A01", "b3" },
                        "field#", new Object[] { 0, 1, 1, 0, 0 }));
    }

    /** @return how many requests (size probes and reads) each key got */
    private static Map<String, Long> requests(CountingStore store) {
        List<String> all = new ArrayList<>(store.probes());
        all.addAll(store.keys());
        return all.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static List<RowImageKeys> threeViewsAtOnce(Function<DataTable, RowImageKeys> resolve, DataTable table) throws Exception {
        ExecutorService views = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RowImageKeys>> resolved = new ArrayList<>();
            for (int view = 0; view < 3; view++) {
                resolved.add(views.submit(() -> {
                    start.await();
                    return resolve.apply(table);
                }));
            }
            start.countDown();
            List<RowImageKeys> out = new ArrayList<>();
            for (Future<RowImageKeys> f : resolved) {
                out.add(f.get());
            }
            return out;
        } finally {
            views.shutdownNow();
        }
    }

    @Test
    void theViewerTheGalleryAndThePlateMapReadEachMetadataObjectOnce() throws Exception {
        ZarrFixture.writeTo(RowImageKeysTest.plate("P1.zarr", 2), folder);
        ZarrFixture.writeTo(RowImageKeysTest.plate("P2.ome.zarr", 3), folder);
        DataTable table = screenTable();
        ImageRoot images = root(folder);
        CountingStore store = opened.getLast();

        // Each view reading the plates itself (as before): every metadata object is requested three times.
        threeViewsAtOnce(t -> RowImageKeys.resolve(t, store, () -> false), table);
        assertEquals(6L, requests(store).get("P1.zarr/.zattrs"), "the counting store sees each view's size and read: " + requests(store));
        assertEquals(3L, requests(store).get("P1/.zattrs"), "and each view's miss: " + requests(store));
        store.reset();

        List<RowImageKeys> keys = threeViewsAtOnce(t -> RowImageKeys.resolve(t, images, () -> false), table);
        Map<String, Long> requests = requests(store);
        for (RowImageKeys k : keys) {
            assertEquals(List.of("P1.zarr/A/1/0", "P2.ome.zarr/B/3/1", "P1.zarr/B/3/1", "P2.ome.zarr/A/1/0", "P1.zarr/B/3/0"),
                    List.of(k.key(0), k.key(1), k.key(2), k.key(3), k.key(4)));
        }
        assertTrue(requests.containsKey("P1.zarr/.zattrs") && requests.containsKey("P2.ome.zarr/zarr.json")
                && requests.containsKey("P1.zarr/B/3/.zattrs") && requests.containsKey("P2.ome.zarr/A/1/zarr.json"), requests.toString());
        requests.forEach((key, count) -> {
            long expected = store.probes().contains(key) && store.keys().contains(key) ? 2 : 1; // a found document: size, then read
            assertEquals(expected, count, key + " is requested once (" + requests + ")");
        });
        HcsPlates shared = HcsPlates.of(images);
        assertSame(shared, HcsPlates.of(images), "one holder per image root");
        // root + P1 (P1, P1.zarr) + P2 (P2, P2.zarr, P2.ome.zarr) + wells A/1, B/3 of each plate
        assertEquals(1 + 2 + 3 + 4, shared.documentsRead());

        // Asked again later (a view re-opened): nothing is fetched.
        store.reset();
        RowImageKeys.resolve(table, images, () -> false);
        assertEquals(List.of(), store.probes());
        assertEquals(List.of(), store.keys());
    }

    @Test
    void rePointingTheRootOrItsPlatePathReadsThePlatesAnew() throws Exception {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        ZarrFixture.writeTo(RowImageKeysTest.plate("P1.zarr", 2), first);
        ZarrFixture.writeTo(RowImageKeysTest.plate("plates/P1.ome.zarr", 3), second);
        DataTable table = screenTable();
        ImageRoot images = root(first);
        HcsPlates before = HcsPlates.of(images);
        assertEquals("P1.zarr/A/1/0", RowImageKeys.resolve(table, images, () -> false).key(0));

        images.setSpec(spec(second));
        HcsPlates after = HcsPlates.of(images);
        assertNotSame(before, after, "a re-pointed root has its own plates");
        assertSame(opened.getLast(), after.store());
        RowImageKeys notFound = RowImageKeys.resolve(table, images, () -> false);
        ImageAccessException e = org.junit.jupiter.api.Assertions.assertThrows(ImageAccessException.class, () -> notFound.key(0));
        assertTrue(e.getMessage().contains("neither the image root " + second + " nor a folder named after a plate below it"),
                e.getMessage());

        images.setPlatePath(PlatePath.parse("plates"));
        assertNotSame(after, HcsPlates.of(images), "a changed plate path reads the plates anew");
        assertEquals("plates/P1.ome.zarr/A/1/0", RowImageKeys.resolve(table, images, () -> false).key(0));
        images.setPlatePath(PlatePath.parse("plates/{plate}.ome.zarr"));
        assertEquals("plates/P1.ome.zarr/B/3/1", RowImageKeys.resolve(table, images, () -> false).key(2));
    }
}
