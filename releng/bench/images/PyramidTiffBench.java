// SPDX-License-Identifier: GPL-3.0-or-later

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.idx.images.ImageRoot;
import org.idx.images.ImageStore;
import org.idx.images.LocalImageStore;
import org.idx.images.ReaderDescriptor;
import org.idx.images.ReaderRegistry;
import org.idx.images.StoreSpec;
import org.idx.images.s3.S3Credentials;
import org.idx.images.s3.S3ImageStore;
import org.idx.images.s3.S3Location;
import org.idx.images.s3.S3Options;
import org.idx.images.s3.S3StoreFactory;
import org.idx.images.testing.CountingStore;
import org.idx.images.testing.PyramidTiff;
import org.idx.images.testing.S3ProxyServer;
import org.idx.images.tiff.TiffReader;
import org.idx.ui.image.ImageComposer;
import org.idx.ui.image.ImageComposer.Composed;

/**
 * Pyramidal OME-TIFF speed of the image viewer: first display of a 16384x16384 uint16 OME-TIFF (one
 * channel, 7 levels in SubIFDs, 256x256 Deflate tiles) fitted to a 1200x800 view, through the viewer's
 * composer (open, read, auto contrast, colours): the level the zoom needs versus level 0 (what the
 * viewer read before TIFF levels); time, bytes fetched and reads; on local disk and, unless
 * {@code nos3}, on a local S3 server (S3Proxy on 127.0.0.1). Each round has a new store and an
 * empty plane cache. Usage: PyramidTiffBench WORKDIR ROUNDS [nos3]
 */
public final class PyramidTiffBench {

    private static final ReaderRegistry READERS = new ReaderRegistry(List.of(new ReaderDescriptor("org.idx.images.tiff", "TIFF",
            List.of("tif", "tiff"), List.of(), 0, "bench", TiffReader::new)));
    private static final String KEY = "big.ome.tif";

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        boolean s3 = args.length < 3 || !args[2].equals("nos3");
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("machine: %d cores, load average %.1f%n", os.getAvailableProcessors(), os.getSystemLoadAverage());
        Path disk = Files.createDirectories(work.resolve("ometiff"));
        Path file = disk.resolve(KEY);
        if (!Files.isRegularFile(file)) {
            long t0 = System.nanoTime();
            new PyramidTiff(16384, 16384).levels(7).tile(256).deflate().write(file);
            System.out.printf("wrote the 16384x16384 uint16 7-level OME-TIFF (%.0f MB) in %.1f s%n", Files.size(file) / 1e6,
                    (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("viewer, first display of a 16384x16384 uint16 pyramidal OME-TIFF (7 levels in SubIFDs, 256x256 Deflate"
                + " tiles, %.0f MB) fitted to a 1200x800 view:%n", Files.size(file) / 1e6);
        measure("local disk", rounds, () -> new LocalImageStore(disk));
        if (s3) {
            Path proxyDir = Files.createDirectories(work.resolve("s3proxy-" + ProcessHandle.current().pid()));
            try (S3ProxyServer server = S3ProxyServer.start(proxyDir, false)) {
                server.put("bench", Map.of(KEY, Files.readAllBytes(file)));
                StoreSpec spec = new StoreSpec("s3", Map.of(S3Location.ENDPOINT, server.endpoint().toString(), S3Location.BUCKET,
                        "bench", S3Location.PATH_STYLE, "true"));
                S3StoreFactory factory = new S3StoreFactory(
                        l -> Optional.of(S3Credentials.of(S3ProxyServer.KEY_ID, S3ProxyServer.SECRET)), S3Options.DEFAULT);
                measure("S3 (S3Proxy on 127.0.0.1)", rounds, () -> {
                    try {
                        return factory.open(spec);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            } finally {
                try (var files = Files.walk(proxyDir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    static void measure(String where, int rounds, Supplier<ImageStore> stores) throws Exception {
        long[][] fitted = new long[rounds][];
        long[][] full = new long[rounds][];
        for (int r = -1; r < rounds; r++) { // round -1 warms the JIT and the caches
            long[] a = display(stores, 0);
            long[] b = display(stores, 1);
            if (r >= 0) {
                fitted[r] = a;
                full[r] = b;
            }
        }
        System.out.printf("  %s, median of %d:%n", where, rounds);
        System.out.printf("    level for the zoom (level %d, %dx%d): %7.0f ms, %7.1f MB fetched in %d reads%n", fitted[0][2],
                fitted[0][3], fitted[0][3], BenchRoots.median(fitted, 0) / 1e6, fitted[0][1] / 1e6, fitted[0][4]);
        System.out.printf("    level 0 (16384x16384):            %7.0f ms, %7.1f MB fetched in %d reads%n", BenchRoots.median(full, 0) / 1e6,
                full[0][1] / 1e6, full[0][4]);
    }

    /** @return nanoseconds, bytes fetched, level, level width, reads */
    static long[] display(Supplier<ImageStore> stores, double zoom) throws Exception {
        ImageStore opened = stores.get();
        CountingStore store = new CountingStore(opened);
        try {
            ImageRoot root = BenchRoots.root(() -> store, READERS);
            long start = System.nanoTime();
            Composed shown = ImageComposer.compose(new ImageComposer.Request(root, KEY, 0, 0, -1, null, null, false, null,
                    ImageComposer.OwnLabels.IGNORE, zoom, 1200, 800, null));
            long took = System.nanoTime() - start;
            if (shown.argb().length != shown.planeWidth() * shown.planeHeight()) {
                throw new AssertionError("wrong display size");
            }
            return new long[] {took, store.bytes(), shown.level(), shown.planeWidth(), store.keys().size()};
        } finally {
            if (opened instanceof S3ImageStore s3) {
                s3.close();
            }
        }
    }

}
