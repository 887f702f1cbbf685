// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import org.idx.images.testing.S3ProxyServer;
import org.idx.images.testing.TestTiff;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageSource;
import org.idx.images.MissingImageException;
import org.idx.images.PlaneIndex;
import org.idx.images.ReadLimits;
import org.idx.images.ShortPlane;
import org.idx.images.tiff.TiffReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 store against a real S3 server (S3Proxy on 127.0.0.1) that checks signatures. */
class S3ImageStoreTest {

    private static final int W = 300;
    private static final int H = 200;

    @TempDir
    static Path folder;
    static S3ProxyServer server;
    static byte[] tiff;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(folder, false);
        tiff = TestTiff.grey16(W, H, 16);
        server.put("images", Map.of("screen/plate1/A01.tif", tiff, "secret.tif", tiff));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static S3ImageStore open(S3Options options) throws ImageAccessException {
        return S3Fixtures.factory(options).open(S3Fixtures.spec(server.endpoint(), "images", "screen", false));
    }

    @Test
    void readsTheRangesOfATiffPlaneThroughTheTiffReader() throws Exception {
        DiskCache cache = new DiskCache(folder.resolve("cache"), 1 << 20);
        try (S3ImageStore store = open(S3Options.DEFAULT.withDiskCache(cache))) {
            assertEquals(tiff.length, store.size("plate1/A01.tif"));
            assertArrayEquals(Arrays.copyOfRange(tiff, 100, 150), store.read("plate1/A01.tif", 100, 50));
            assertArrayEquals(tiff, store.read("plate1/A01.tif"));
            ImageSource image = new TiffReader().open(store, "plate1/A01.tif", ReadLimits.DEFAULT);
            assertEquals(W, image.metadata().width());
            assertEquals(H, image.metadata().height());
            ShortPlane plane = (ShortPlane) image.plane(PlaneIndex.FIRST);
            for (int y = 0; y < H; y += 7) {
                for (int x = 0; x < W; x += 5) {
                    assertEquals(TestTiff.sample(x, y), plane.unsigned(y * W + x), "pixel " + x + "," + y);
                }
            }
            assertTrue(cache.sizeInBytes() > 0, "fetched ranges are kept on disk");
            assertTrue(cache.sizeInBytes() <= 1 << 20);
        }
    }

    @Test
    void parallelRangeReadsReturnTheirOwnBytes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try (S3ImageStore store = open(S3Options.DEFAULT.withParallelism(4))) {
            List<Future<byte[]>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int offset = i * 977;
                reads.add(pool.submit(() -> store.read("plate1/A01.tif", offset, 333)));
            }
            for (int i = 0; i < reads.size(); i++) {
                assertArrayEquals(Arrays.copyOfRange(tiff, i * 977, i * 977 + 333), reads.get(i).get(), "range " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysNeverLeaveTheBucketPrefix() throws Exception {
        try (S3ImageStore store = open(S3Options.DEFAULT)) {
            assertEquals(tiff.length, store.size("plate1/../plate1/./A01.tif"), "'..' that stays inside");
            for (String key : List.of("../secret.tif", "plate1/../../secret.tif", "/screen/plate1/A01.tif", "/secret.tif",
                    "http://127.0.0.1/images/secret.tif", "s3://images/secret.tif", "..\\secret.tif", "C:\\secret.tif", "")) {
                ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.read(key, 0, 4), key);
                assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("s3://images/screen/"), e.getMessage());
                assertFalse(e instanceof MissingImageException, key);
            }
        }
    }

    @Test
    void aMissingObjectIsAMissingImage() throws Exception {
        try (S3ImageStore store = open(S3Options.DEFAULT)) {
            MissingImageException e = assertThrows(MissingImageException.class, () -> store.read("plate1/B02.tif", 0, 10));
            assertTrue(e.getMessage().contains("plate1/B02.tif") && e.getMessage().contains("not found"), e.getMessage());
        }
    }

    @Test
    void aMissingBucketIsNamedAndIsNotAMissingImage() throws Exception {
        var spec = S3Fixtures.spec(server.endpoint(), "no-such-bucket", "", false);
        S3StoreFactory factory = S3Fixtures.factory(S3Options.DEFAULT);
        ImageAccessException test = assertThrows(ImageAccessException.class, () -> factory.test(spec));
        assertEquals("The bucket 'no-such-bucket' does not exist at " + server.endpoint() + " (HTTP 404).", test.getMessage());
        try (S3ImageStore store = factory.open(spec)) {
            ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.size("a.tif"));
            assertFalse(e instanceof MissingImageException, "a missing bucket must not read as empty chunks");
            assertTrue(e.getMessage().contains("bucket 'no-such-bucket' does not exist"), e.getMessage());
        }
    }

    @Test
    void wrongCredentialsAreDeniedWithTheKeyIdMasked() throws Exception {
        var spec = S3Fixtures.spec(server.endpoint(), "images", "screen", false);
        S3StoreFactory factory = S3Fixtures.factory(S3ProxyServer.KEY_ID, "not-the-secret", S3Options.DEFAULT);
        ImageAccessException test = assertThrows(ImageAccessException.class, () -> factory.test(spec));
        assertTrue(test.getMessage().startsWith("Access to bucket 'images' at " + server.endpoint()
                + " is denied for access key AKIA****WXYZ (HTTP 403"), test.getMessage());
        assertFalse(test.getMessage().contains(S3ProxyServer.KEY_ID) || test.getMessage().contains("not-the-secret"));
        try (S3ImageStore store = factory.open(spec)) {
            ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.read("plate1/A01.tif", 0, 8));
            assertTrue(e.getMessage().contains("denied for access key AKIA****WXYZ"), e.getMessage());
            assertFalse(e instanceof MissingImageException);
        }
    }

    @Test
    void testConnectionSaysWhatItFound() throws Exception {
        S3StoreFactory factory = S3Fixtures.factory(S3Options.DEFAULT);
        assertEquals("Bucket 'images' at " + server.endpoint() + " is readable with access key AKIA****WXYZ; prefix 'screen/' holds objects.",
                factory.test(S3Fixtures.spec(server.endpoint(), "images", "screen", false)));
        assertEquals("Bucket 'images' at " + server.endpoint() + " is readable with access key AKIA****WXYZ; prefix 'empty/' holds no objects yet.",
                factory.test(S3Fixtures.spec(server.endpoint(), "images", "empty", false)));
    }

    @Test
    void httpsAgainstAPlainServerIsATlsFailure() throws Exception {
        URI https = URI.create("https://127.0.0.1:" + server.port());
        S3StoreFactory factory = S3Fixtures.factory(S3Options.DEFAULT);
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> factory.test(S3Fixtures.spec(https, "images", "", false)));
        assertTrue(e.getMessage().startsWith("The TLS (https) connection to " + https + " failed"), e.getMessage());
        assertInstanceOf(RuntimeException.class, e.getCause());
    }
}
