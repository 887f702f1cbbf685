// SPDX-License-Identifier: GPL-3.0-or-later

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.idx.images.ImageSource;
import org.idx.images.ImageStore;
import org.idx.images.LocalImageStore;
import org.idx.images.PlaneIndex;
import org.idx.images.ReadLimits;
import org.idx.images.ShortPlane;
import org.idx.images.StoreSpec;
import org.idx.images.s3.S3Credentials;
import org.idx.images.s3.S3ImageStore;
import org.idx.images.s3.S3Location;
import org.idx.images.s3.S3Options;
import org.idx.images.s3.S3StoreFactory;
import org.idx.images.testing.S3ProxyServer;
import org.idx.images.testing.TestTiff;
import org.idx.images.tiff.TiffReader;

/**
 * Remote image speed against a local S3 server (S3Proxy, filesystem backend, 127.0.0.1):
 * (1) time to the first decoded plane of a 2048x2048 16-bit TIFF (stored in 64-row strips, and as one
 * strip) through the S3 store versus the same bytes from local disk through the same reader
 * ({@link TiffReader} over {@link LocalImageStore}): each round a different, not yet opened image for
 * each side, so no cache of the stores helps, while the operating system's page cache holds the files of
 * both sides (read once beforehand: the local files and the S3 server's files); another client first
 * reads every image a few times, so that the server runs compiled code as a store in use does; both
 * sides warmed up on images of their own, then measured alternately (and the layouts in turn), best and
 * median of ROUNDS;
 * (2) 100 gallery crops (64x64 around a cell) from 100 different 512x512 16-bit TIFFs, fetched in
 * parallel through one store (open, ranged reads, decode, crop), no disk cache.
 * The server's JVM options come from the system property {@code idx.bench.s3proxyJvm} (space
 * separated; default {@link S3ProxyServer#TEST_JVM_OPTIONS}).
 * Usage: S3Bench WORKDIR ROUNDS
 */
public final class S3Bench {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Path disk = Files.createDirectories(work.resolve("disk"));
        Map<String, byte[]> objects = new LinkedHashMap<>();
        for (Layout layout : Layout.values()) {
            byte[] big = TestTiff.grey16(2048, 2048, layout.rowsPerStrip);
            for (int i = 0; i < rounds + WARM_UP; i++) {
                objects.put(layout.key(i), big);
                Files.createDirectories(disk.resolve(layout.folder));
                Files.write(disk.resolve(layout.key(i)), big);
            }
        }
        byte[] small = TestTiff.grey16(512, 512, 64);
        for (int i = 0; i < 100; i++) {
            objects.put("cells/field" + i + ".tif", small);
            Files.createDirectories(disk.resolve("cells"));
            Files.write(disk.resolve("cells/field" + i + ".tif"), small);
        }
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("machine: %d cores, load average %.1f%n", os.getAvailableProcessors(), os.getSystemLoadAverage());
        Path proxyDir = Files.createDirectories(work.resolve("s3proxy-" + ProcessHandle.current().pid()));
        long t0 = System.nanoTime();
        List<String> serverJvm = List.of(System.getProperty("idx.bench.s3proxyJvm", String.join(" ", S3ProxyServer.TEST_JVM_OPTIONS)).split(" "));
        System.out.println("S3Proxy JVM options: " + String.join(" ", serverJvm));
        try (S3ProxyServer server = S3ProxyServer.start(proxyDir, false, serverJvm)) {
            System.out.printf("S3Proxy on %s started in %.1f s; %d objects uploaded (%.0f MB)%n", server.endpoint(),
                    (System.nanoTime() - t0) / 1e9, objects.size(), objects.values().stream().mapToLong(b -> b.length).sum() / 1e6);
            server.put("bench", objects);
            long cached = readAll(disk) + readAll(proxyDir);
            StoreSpec spec = new StoreSpec("s3", Map.of(S3Location.ENDPOINT, server.endpoint().toString(), S3Location.BUCKET, "bench",
                    S3Location.PATH_STYLE, "true"));
            S3StoreFactory factory = new S3StoreFactory(l -> Optional.of(S3Credentials.of(S3ProxyServer.KEY_ID, S3ProxyServer.SECRET)),
                    S3Options.DEFAULT);
            LocalImageStore local = new LocalImageStore(disk);
            System.out.printf("page cache: %.0f MB of local and S3 server files read once%n", cached / 1e6);
            long warm = System.nanoTime();
            for (int r = 0; r < SERVER_WARM_UP; r++) {
                try (S3ImageStore other = factory.open(spec)) { // another client: nothing of it is kept for the rounds
                    for (Layout layout : Layout.values()) {
                        for (int i = 0; i < rounds + WARM_UP; i++) {
                            other.read(layout.key(i));
                        }
                    }
                }
            }
            System.out.printf("server warmed up by another client: %d GETs of every image in %.1f s%n", SERVER_WARM_UP,
                    (System.nanoTime() - warm) / 1e9);
            Layout[] layouts = Layout.values();
            long[][] localNs = new long[layouts.length][rounds];
            long[][] s3Ns = new long[layouts.length][rounds];
            try (S3ImageStore s3 = factory.open(spec)) {
                for (int i = 0; i < WARM_UP; i++) {
                    for (Layout layout : layouts) {
                        firstPlane(local, layout, "warm-up", i);
                        firstPlane(s3, layout, "warm-up", i);
                    }
                }
                for (int r = 0; r < rounds; r++) { // the layouts in turn, so that both meet the same conditions
                    for (Layout layout : layouts) {
                        localNs[layout.ordinal()][r] = firstPlane(local, layout, "local", WARM_UP + r);
                        s3Ns[layout.ordinal()][r] = firstPlane(s3, layout, "s3", WARM_UP + r);
                    }
                }
            }
            for (Layout layout : layouts) {
                long[] l = localNs[layout.ordinal()];
                long[] s = s3Ns[layout.ordinal()];
                double lMedian = median(l) / 1e6;
                double sMedian = median(s) / 1e6;
                double lBest = Arrays.stream(l).min().getAsLong() / 1e6;
                double sBest = Arrays.stream(s).min().getAsLong() / 1e6;
                System.out.printf("first plane 2048x2048 uint16 TIFF (8 MB, %s), %d rounds:%n"
                        + "   median: local disk %.1f ms, S3 %.1f ms, ratio %.2fx (target <= 2x)%n"
                        + "   best:   local disk %.1f ms, S3 %.1f ms, ratio %.2fx%n", layout.label, rounds, lMedian, sMedian,
                        sMedian / lMedian, lBest, sBest, sBest / lBest);
                System.out.printf("   local rounds (ms): %s%n   S3 rounds (ms):    %s%n", ms(l), ms(s));
            }
            System.out.printf("load average now %.1f%n", os.getSystemLoadAverage());
            for (int r = 0; r < 2; r++) {
                long start = System.nanoTime();
                int n = crops(new LocalImageStore(disk), 16);
                System.out.printf("%d gallery crops from local disk (same files, 16 in parallel): %.0f ms%n", n,
                        (System.nanoTime() - start) / 1e6);
            }
            for (int r = 0; r < 3; r++) {
                try (S3ImageStore s3 = factory.open(spec)) {
                    long start = System.nanoTime();
                    int n = crops(s3, 16);
                    System.out.printf("%d gallery crops (64x64 from 100 different 512x512 TIFFs, 16 in parallel, new store): %.0f ms"
                            + " (target < 2000 ms)%n", n, (System.nanoTime() - start) / 1e6);
                }
            }
        }
    }

    /** Images opened by each side before the measured rounds, so that both run compiled code. */
    static final int WARM_UP = 8;
    /**
     * How often another client reads every image before the rounds, so that the server runs compiled code as
     * a store in use does (its files are in the page cache anyway; the server keeps no other cache).
     */
    static final int SERVER_WARM_UP = 5;

    /** Reads every file under a folder once (into the page cache); @return the bytes read */
    static long readAll(Path folder) throws java.io.IOException {
        long n = 0;
        try (var files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                n += Files.readAllBytes(f).length;
            }
        }
        return n;
    }

    /** How the benchmark's large images store their plane. */
    enum Layout {
        /** 64-row strips (256 KiB each), as tifffile and libtiff write by default. */
        STRIPS(64, "big", "64-row strips"),
        /** The whole plane as one strip, as ImageJ writes uncompressed images. */
        ONE_STRIP(2048, "onestrip", "one strip");

        final int rowsPerStrip;
        final String folder;
        final String label;

        Layout(int rowsPerStrip, String folder, String label) {
            this.rowsPerStrip = rowsPerStrip;
            this.folder = folder;
            this.label = label;
        }

        String key(int i) {
            return folder + "/img" + i + ".tif";
        }
    }

    static long firstPlane(ImageStore store, Layout layout, String what, int i) throws Exception {
        long start = System.nanoTime();
        ImageSource image = new TiffReader().open(store, layout.key(i), ReadLimits.DEFAULT);
        ShortPlane plane = (ShortPlane) image.plane(PlaneIndex.FIRST);
        long took = System.nanoTime() - start;
        if (plane.unsigned(2047 * 2048 + 2047) != TestTiff.sample(2047, 2047)) {
            throw new AssertionError(what + ": wrong pixel");
        }
        return took;
    }

    static int crops(ImageStore store, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<short[]>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ImageSource image = new TiffReader().open(store, "cells/field" + n + ".tif", ReadLimits.DEFAULT);
                    ShortPlane plane = (ShortPlane) image.plane(PlaneIndex.FIRST);
                    int cx = 32 + (n * 37) % 448;
                    int cy = 32 + (n * 53) % 448;
                    short[] crop = new short[64 * 64];
                    for (int y = 0; y < 64; y++) {
                        System.arraycopy(plane.data(), (cy - 32 + y) * 512 + cx - 32, crop, y * 64, 64);
                    }
                    if ((crop[0] & 0xFFFF) != TestTiff.sample(cx - 32, cy - 32)) {
                        throw new AssertionError("wrong crop");
                    }
                    return crop;
                }));
            }
            for (Future<short[]> f : futures) {
                f.get();
            }
            return futures.size();
        } finally {
            pool.shutdownNow();
        }
    }

    static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    static String ms(long[] v) {
        StringBuilder b = new StringBuilder();
        for (long x : v) {
            b.append(String.format("%.1f ", x / 1e6));
        }
        return b.toString().trim();
    }
}
