// SPDX-License-Identifier: GPL-3.0-or-later

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.idx.images.ImageRoot;
import org.idx.images.ImageSource;
import org.idx.images.ImageStore;
import org.idx.images.LocalImageStore;
import org.idx.images.PlaneIndex;
import org.idx.images.PlaneRegion;
import org.idx.images.ReaderDescriptor;
import org.idx.images.ReaderRegistry;
import org.idx.images.StoreSpec;
import org.idx.images.display.ContrastRange;
import org.idx.images.s3.S3Credentials;
import org.idx.images.s3.S3ImageStore;
import org.idx.images.s3.S3Location;
import org.idx.images.s3.S3Options;
import org.idx.images.s3.S3StoreFactory;
import org.idx.images.testing.CountingStore;
import org.idx.images.testing.S3ProxyServer;
import org.idx.images.testing.ZarrFixture;
import org.idx.images.zarr.ZarrReader;
import org.idx.ui.gallery.Crops;
import org.idx.ui.image.ImageComposer;
import org.idx.ui.image.ImageComposer.Composed;

/**
 * OME-Zarr speed of the viewer and the gallery:
 * (1) first display of an 8192x8192 uint16 OME-Zarr with 4 levels (512x512 raw chunks, local disk) fitted
 * to a 1200x800 view, through the viewer's composer (open, read, auto contrast, colours): the level the
 * zoom needs versus level 0 only; bytes fetched and time;
 * (2) 100 gallery crops (64x64) from 10 OME-Zarr images of 2048x2048 uint16, 4 levels, 256x256 raw
 * chunks, 16 in parallel through the gallery's Crops, on local disk and on a local S3 server (S3Proxy):
 * region reads (only the chunks under a crop, contrast from the coarsest level) versus whole planes.
 * Each round has a new store and an empty plane cache. Usage: ZarrBench WORKDIR ROUNDS
 */
public final class ZarrBench {

    private static final ReaderRegistry READERS = new ReaderRegistry(List.of(new ReaderDescriptor("org.idx.images.zarr", "OME-Zarr",
            List.of("zarr", "ome.zarr"), List.of(), List.of("zarr.json", ".zattrs"), 0, "bench", ZarrReader::new)));

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("machine: %d cores, load average %.1f%n", os.getAvailableProcessors(), os.getSystemLoadAverage());
        viewer(work, rounds);
        crops(work, rounds);
    }

    // ------------------------------------------------------------------ (1) viewer

    static void viewer(Path work, int rounds) throws Exception {
        Path disk = work.resolve("zarr-view");
        if (!Files.isRegularFile(disk.resolve("big.ome.zarr/.zattrs"))) {
            long t0 = System.nanoTime();
            ZarrFixture.writeTo(ZarrFixture.image("cyx", new long[] {1, 8192, 8192}, new int[] {1, 512, 512}).levels(4)
                    .samples(p -> (p[1] * 3 + p[2] * 5) % 4000 + ((p[1] / 64 + p[2] / 64) % 7 == 0 ? 20000 : 0))
                    .write("big.ome.zarr"), disk);
            System.out.printf("wrote the 8192x8192 uint16 4-level OME-Zarr in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        long[][] fitted = new long[rounds][];
        long[][] full = new long[rounds][];
        for (int r = -1; r < rounds; r++) { // round -1 warms the JIT and the OS file cache
            long[] a = display(disk, 0);
            long[] b = display(disk, 1);
            if (r >= 0) {
                fitted[r] = a;
                full[r] = b;
            }
        }
        System.out.printf("viewer, first display of an 8192x8192 uint16 OME-Zarr (4 levels, 512x512 raw chunks, local disk)"
                + " fitted to a 1200x800 view, median of %d:%n", rounds);
        System.out.printf("   level for the zoom (level %d, %dx%d): %.0f ms, %.1f MB fetched in %d reads%n", fitted[0][2], fitted[0][3],
                fitted[0][3], BenchRoots.median(fitted, 0) / 1e6, fitted[0][1] / 1e6, fitted[0][4]);
        System.out.printf("   level 0 only (8192x8192):         %.0f ms, %.1f MB fetched in %d reads%n", BenchRoots.median(full, 0) / 1e6,
                full[0][1] / 1e6, full[0][4]);
    }

    /** @return nanoseconds, bytes fetched, level, level width, reads */
    static long[] display(Path disk, double zoom) throws Exception {
        CountingStore store = new CountingStore(new LocalImageStore(disk));
        ImageRoot root = BenchRoots.root(() -> store, READERS);
        long start = System.nanoTime();
        Composed shown = ImageComposer.compose(new ImageComposer.Request(root, "big.ome.zarr", 0, 0, -1, null, null, false, null,
                ImageComposer.OwnLabels.IGNORE, zoom, 1200, 800, null));
        long took = System.nanoTime() - start;
        if (shown.argb().length != shown.planeWidth() * shown.planeHeight()) {
            throw new AssertionError("wrong display size");
        }
        return new long[] {took, store.bytes(), shown.level(), shown.planeWidth(), store.keys().size()};
    }

    // ------------------------------------------------------------------ (2) gallery crops

    static void crops(Path work, int rounds) throws Exception {
        Path disk = work.resolve("zarr-crops");
        Map<String, byte[]> objects = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            long shift = i * 100;
            objects.putAll(ZarrFixture.image("cyx", new long[] {1, 2048, 2048}, new int[] {1, 256, 256}).levels(4)
                    .samples(p -> (p[1] * 7 + p[2] * 3 + shift) % 3000).write("field" + i + ".ome.zarr"));
        }
        if (!Files.isRegularFile(disk.resolve("field9.ome.zarr/.zattrs"))) {
            ZarrFixture.writeTo(objects, disk);
        }
        System.out.printf("100 gallery crops (64x64, 10 from each of 10 OME-Zarr images of 2048x2048 uint16, 4 levels, 256x256 raw"
                + " chunks, 16 in parallel, new store and empty cache each round):%n");
        for (int r = 0; r < 2; r++) { // warm-up
            cropRound(() -> new LocalImageStore(disk), true);
            cropRound(() -> new LocalImageStore(disk), false);
        }
        report("local disk", rounds, () -> new LocalImageStore(disk));
        Path proxyDir = Files.createDirectories(work.resolve("s3proxy-" + ProcessHandle.current().pid()));
        try (S3ProxyServer server = S3ProxyServer.start(proxyDir, false)) {
            server.put("bench", objects);
            StoreSpec spec = new StoreSpec("s3", Map.of(S3Location.ENDPOINT, server.endpoint().toString(), S3Location.BUCKET, "bench",
                    S3Location.PATH_STYLE, "true"));
            S3StoreFactory factory = new S3StoreFactory(l -> Optional.of(S3Credentials.of(S3ProxyServer.KEY_ID, S3ProxyServer.SECRET)),
                    S3Options.DEFAULT);
            List<S3ImageStore> opened = new ArrayList<>();
            Supplier<ImageStore> s3 = () -> {
                try {
                    S3ImageStore store = factory.open(spec);
                    opened.add(store);
                    return store;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            cropRound(s3, true);
            cropRound(s3, false);
            report("S3 (S3Proxy on 127.0.0.1)", rounds, s3);
            opened.forEach(S3ImageStore::close);
        } finally {
            try (var files = Files.walk(proxyDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void report(String where, int rounds, Supplier<ImageStore> stores) throws Exception {
        long[][] regions = new long[rounds][];
        long[][] planes = new long[rounds][];
        for (int r = 0; r < rounds; r++) {
            regions[r] = cropRound(stores, true);
            planes[r] = cropRound(stores, false);
        }
        System.out.printf("   %-26s region reads: %5.0f ms, %5.1f MB fetched; whole planes (before): %5.0f ms, %5.1f MB fetched"
                + " (median of %d; target < 2000 ms)%n", where, BenchRoots.median(regions, 0) / 1e6, regions[0][1] / 1e6, BenchRoots.median(planes, 0) / 1e6,
                planes[0][1] / 1e6, rounds);
    }

    /** @return nanoseconds, bytes fetched */
    static long[] cropRound(Supplier<ImageStore> stores, boolean regions) throws Exception {
        CountingStore store = new CountingStore(stores.get());
        ImageRoot root = BenchRoots.root(() -> store, READERS);
        Crops crops = new Crops(root);
        Map<String, ContrastRange> contrast = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        try {
            List<Future<int[]>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = i;
                String key = "field" + (n % 10) + ".ome.zarr";
                int x = 40 + (n * 397) % 1960;
                int y = 40 + (n * 211) % 1960;
                futures.add(pool.submit(() -> regions ? crops.crop(key, x, y, 0, 0, 64) : wholePlaneCrop(root, contrast, key, x, y)));
            }
            for (Future<int[]> f : futures) {
                if (f.get().length != 64 * 64) {
                    throw new AssertionError("wrong crop");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new long[] {System.nanoTime() - start, store.bytes()};
    }

    /** What the gallery did before region reads: the whole plane through the cache, contrast from it, a crop cut out. */
    static int[] wholePlaneCrop(ImageRoot root, Map<String, ContrastRange> contrast, String key, int x, int y) throws Exception {
        ImageSource source = root.open(key);
        org.idx.images.Plane plane = root.plane(source, PlaneIndex.FIRST);
        ContrastRange range = contrast.computeIfAbsent(key, k -> ContrastRange.auto(plane));
        org.idx.images.Plane cut = PlaneRegion.square(64, x, y).cut(plane);
        return org.idx.images.display.PlaneRenderer.render(List.of(cut),
                List.of(new org.idx.images.display.ChannelStyle(org.idx.images.display.ChannelStyle.GREY, range)), null);
    }
}
