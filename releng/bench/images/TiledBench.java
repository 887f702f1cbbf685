// SPDX-License-Identifier: GPL-3.0-or-later

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.idx.images.ImageRoot;
import org.idx.images.ImageStore;
import org.idx.images.LocalImageStore;
import org.idx.images.ReaderDescriptor;
import org.idx.images.ReaderRegistry;
import org.idx.images.StoreSpec;
import org.idx.images.display.TileCache;
import org.idx.images.s3.S3Credentials;
import org.idx.images.s3.S3ImageStore;
import org.idx.images.s3.S3Location;
import org.idx.images.s3.S3Options;
import org.idx.images.s3.S3StoreFactory;
import org.idx.images.testing.CountingStore;
import org.idx.images.testing.S3ProxyServer;
import org.idx.images.zarr.ZarrReader;
import org.idx.ui.image.ImageComposer;
import org.idx.ui.image.ImageComposer.Composed;

import com.github.luben.zstd.Zstd;

/**
 * The tiled image viewer on a large pyramid: a 32768x32768 uint16 OME-Zarr (7 levels, 512x512 zstd chunks),
 * through the viewer's composer. Per round, with a new store and empty caches: (1) the first display, fitted
 * to a 1200x800 view (the coarse level read whole); (2) 100 % in the centre of the image: the tiles in view of
 * level 0 read and composed over it; (3) a pan by 300 pixels. Time, bytes and reads of each, and the memory the
 * display holds. On local disk and on a local S3 server (S3Proxy; only the objects the display can need are
 * uploaded: the metadata, the two coarsest levels and the central 4096x4096 of level 0).
 * Usage: TiledBench WORKDIR ROUNDS
 */
public final class TiledBench {

    static final int SIZE = 32768;
    static final int CHUNK = 512;
    static final int LEVELS = 7;
    static final int VIEW_W = 1200;
    static final int VIEW_H = 800;

    private static final ReaderRegistry READERS = new ReaderRegistry(List.of(new ReaderDescriptor("org.idx.images.zarr", "OME-Zarr",
            List.of("zarr", "ome.zarr"), List.of(), List.of("zarr.json", ".zattrs"), 0, "bench", ZarrReader::new)));

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("machine: %d cores, load average %.1f%n", os.getAvailableProcessors(), os.getSystemLoadAverage());
        Path disk = work.resolve("zarr-tiled-noise");
        if (!Files.isRegularFile(disk.resolve("big.ome.zarr/.zattrs"))) {
            long t0 = System.nanoTime();
            write(disk);
            System.out.printf("wrote the 32768x32768 uint16 7-level OME-Zarr (zstd) in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        }
        report("local disk", rounds, () -> new LocalImageStore(disk));
        Path proxyDir = Files.createDirectories(work.resolve("s3proxy-tiled-" + ProcessHandle.current().pid()));
        try (S3ProxyServer server = S3ProxyServer.start(proxyDir, false)) {
            server.put("bench", needed(disk));
            StoreSpec spec = new StoreSpec("s3", Map.of(S3Location.ENDPOINT, server.endpoint().toString(), S3Location.BUCKET, "bench",
                    S3Location.PATH_STYLE, "true"));
            S3StoreFactory factory = new S3StoreFactory(l -> Optional.of(S3Credentials.of(S3ProxyServer.KEY_ID, S3ProxyServer.SECRET)),
                    S3Options.DEFAULT);
            List<S3ImageStore> opened = new ArrayList<>();
            report("S3 (S3Proxy on 127.0.0.1)", rounds, () -> {
                try {
                    S3ImageStore store = factory.open(spec);
                    opened.add(store);
                    return store;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            opened.forEach(S3ImageStore::close);
        } finally {
            try (var files = Files.walk(proxyDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A ramp, squares and 8 bits of noise (so that chunks compress about as much as a camera's do). */
    static int sample(long y, long x) {
        long h = (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) ((y * 3 + x * 5) % 4000 + ((y / 64 + x / 64) % 7 == 0 ? 20000 : 0) + (h >>> 56));
    }

    static void report(String where, int rounds, Supplier<ImageStore> stores) throws Exception {
        long[][] r = new long[rounds][];
        for (int i = -1; i < rounds; i++) { // round -1 warms the JIT and the OS file cache
            long[] one = round(stores);
            if (i >= 0) {
                r[i] = one;
            }
        }
        long[] f = r[0];
        System.out.printf("%s, 32768x32768 uint16 OME-Zarr (7 levels, 512x512 zstd chunks, noisy), %dx%d view, median of %d, new store"
                + " and empty caches each round:%n", where, VIEW_W, VIEW_H, rounds);
        System.out.printf("   fitted (level %d whole, %dx%d):      %6.0f ms, %6.2f MB fetched in %3d reads%n", f[9], f[10], f[10],
                BenchRoots.median(r, 0) / 1e6, f[1] / 1e6, f[2]);
        System.out.printf("   100 %% in the centre (level 0 tiles): %6.0f ms, %6.2f MB fetched in %3d reads (%d tiles, region %dx%d)%n",
                BenchRoots.median(r, 3) / 1e6, f[4] / 1e6, f[5], f[11], f[12], f[13]);
        System.out.printf("   pan by 300 pixels:                   %6.0f ms, %6.2f MB fetched in %3d reads%n", BenchRoots.median(r, 6) / 1e6,
                f[7] / 1e6, f[8]);
        System.out.printf("   memory held: %.1f MB of cached tiles, %.1f MB window (samples + pixels), %.1f MB coarse level"
                + " (samples + pixels); level 0 whole would be %.0f MB of samples (refused: over the read limit)%n", f[14] / 1e6,
                f[15] / 1e6, f[16] / 1e6, 2.0 * SIZE * SIZE / 1e6);
    }

    /** @return fitted ns, bytes, reads; 100 % ns, bytes, reads; pan ns, bytes, reads; level, width; tiles, w, h; memory x3 */
    static long[] round(Supplier<ImageStore> stores) throws Exception {
        CountingStore store = new CountingStore(stores.get());
        ImageRoot root = BenchRoots.root(() -> store, READERS);
        TileCache tiles = new TileCache(256L << 20);
        long t0 = System.nanoTime();
        Composed fitted = ImageComposer.compose(new ImageComposer.Request(root, "big.ome.zarr", 0, 0, -1, null, null, false, null,
                ImageComposer.OwnLabels.IGNORE, 0, VIEW_W, VIEW_H, null));
        long t1 = System.nanoTime();
        long b1 = store.bytes();
        int k1 = store.keys().size();
        ImageComposer.Request full = new ImageComposer.Request(root, "big.ome.zarr", 0, 0, -1, null, null, false, null,
                ImageComposer.OwnLabels.IGNORE, null, 1, VIEW_W, VIEW_H, null, fitted.level());
        double cx = SIZE / 2.0;
        double cy = SIZE / 2.0;
        Composed window = ImageComposer.composeTiles(full, fitted, tiles,
                new double[] {cx - VIEW_W / 2.0, cy - VIEW_H / 2.0, cx + VIEW_W / 2.0, cy + VIEW_H / 2.0}, () -> false);
        long t2 = System.nanoTime();
        long b2 = store.bytes();
        int k2 = store.keys().size();
        check(window);
        Composed panned = ImageComposer.composeTiles(full, fitted, tiles,
                new double[] {cx + 300 - VIEW_W / 2.0, cy - VIEW_H / 2.0, cx + 300 + VIEW_W / 2.0, cy + VIEW_H / 2.0}, () -> false);
        long t3 = System.nanoTime();
        check(panned);
        long windowBytes = panned.planes()[0].sizeInBytes() + 4L * panned.argb().length;
        long fittedBytes = fitted.planes()[0].sizeInBytes() + 4L * fitted.argb().length;
        return new long[] {t1 - t0, b1, k1, t2 - t1, b2 - b1, k2 - k1, t3 - t2, store.bytes() - b2, store.keys().size() - k2,
                fitted.level(), fitted.planeWidth(), window.tilesRead(), window.window().width(), window.window().height(),
                tiles.stats().bytes(), windowBytes, fittedBytes};
    }

    /** Checks a few samples of a level-0 window against the formula. */
    static void check(Composed window) {
        if (window.level() != 0) {
            throw new AssertionError("level " + window.level() + " instead of 0");
        }
        var w = window.window();
        for (int y = 0; y < w.height(); y += 97) {
            for (int x = 0; x < w.width(); x += 89) {
                if (window.planes()[0].value(x, y) != sample(w.y() + y, w.x() + x)) {
                    throw new AssertionError("wrong sample at " + (w.x() + x) + "," + (w.y() + y));
                }
            }
        }
    }


    // ------------------------------------------------------------------ the fixture, written chunk by chunk

    static void write(Path disk) throws Exception {
        Path image = Files.createDirectories(disk.resolve("big.ome.zarr"));
        StringBuilder datasets = new StringBuilder();
        for (int level = 0; level < LEVELS; level++) {
            double s = Math.pow(2, level);
            datasets.append(level == 0 ? "" : ",").append("{\"path\":\"").append(level)
                    .append("\",\"coordinateTransformations\":[{\"type\":\"scale\",\"scale\":[1.0,").append(s).append(',').append(s)
                    .append("]}]}");
        }
        Files.writeString(image.resolve(".zgroup"), "{\"zarr_format\":2}");
        int size0 = SIZE;
        for (int level = 0; level < LEVELS; level++) {
            int size = size0 >> level;
            int factor = 1 << level;
            Path dir = Files.createDirectories(image.resolve(Integer.toString(level)));
            Files.writeString(dir.resolve(".zarray"), "{\"zarr_format\":2,\"shape\":[1," + size + "," + size + "],\"chunks\":[1," + CHUNK
                    + "," + CHUNK + "],\"dtype\":\"<u2\",\"compressor\":{\"id\":\"zstd\",\"level\":1},\"fill_value\":0,\"order\":\"C\","
                    + "\"filters\":null,\"dimension_separator\":\"/\"}");
            int grid = (size + CHUNK - 1) / CHUNK;
            IntStream.range(0, grid).parallel().forEach(gy -> {
                try {
                    Path row = Files.createDirectories(dir.resolve("0").resolve(Integer.toString(gy)));
                    ByteBuffer b = ByteBuffer.allocate(CHUNK * CHUNK * 2).order(ByteOrder.LITTLE_ENDIAN);
                    for (int gx = 0; gx < grid; gx++) {
                        b.clear();
                        for (int y = 0; y < CHUNK; y++) {
                            long fy = (long) (gy * CHUNK + y) * factor;
                            for (int x = 0; x < CHUNK; x++) {
                                b.putShort((short) sample(fy, (long) (gx * CHUNK + x) * factor));
                            }
                        }
                        Files.write(row.resolve(Integer.toString(gx)), Zstd.compress(b.array(), 1));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        Files.writeString(image.resolve(".zattrs"), "{\"multiscales\":[{\"version\":\"0.4\",\"name\":\"bench\",\"axes\":["
                + "{\"name\":\"c\",\"type\":\"channel\"},{\"name\":\"y\",\"type\":\"space\",\"unit\":\"micrometer\"},"
                + "{\"name\":\"x\",\"type\":\"space\",\"unit\":\"micrometer\"}],\"datasets\":[" + datasets + "]}]}");
    }

    /** The objects the display can need: metadata, the two coarsest levels, the central 4096x4096 of level 0. */
    static Map<String, byte[]> needed(Path disk) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Path image = disk.resolve("big.ome.zarr");
        try (var files = Files.walk(image)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String key = disk.relativize(p).toString().replace('\\', '/');
                String[] parts = key.split("/");
                boolean meta = parts[parts.length - 1].startsWith(".");
                boolean coarse = parts.length == 5 && Integer.parseInt(parts[1]) >= LEVELS - 2;
                boolean central = parts.length == 5 && parts[1].equals("0") && Math.abs(Integer.parseInt(parts[3]) - 31.5) < 4
                        && Math.abs(Integer.parseInt(parts[4]) - 31.5) < 4;
                if (meta || coarse || central) {
                    out.put(key, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }
}
