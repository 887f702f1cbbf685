// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import org.idx.images.testing.S3ProxyServer;
import org.idx.images.testing.TestTiff;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageSource;
import org.idx.images.PlaneIndex;
import org.idx.images.ReadLimits;
import org.idx.images.ShortPlane;
import org.idx.images.tiff.TiffReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anonymous access to a public server, path-style addressing, and the server going away in the
 * middle of reading an image (one S3Proxy that accepts unsigned requests, killed at the end).
 */
class S3AnonymousAndCrashTest {

    @TempDir
    Path folder;

    @Test
    void readsAnonymouslyThenSurvivesTheServerStoppingMidRead() throws Exception {
        byte[] tiff = TestTiff.grey16(1024, 1024, 8); // 2 MiB: beyond the block kept from opening
        int beyond = S3ImageStore.HEAD_BLOCK;
        S3ProxyServer server = S3ProxyServer.start(folder, true);
        try {
            server.put("public", Map.of("plates/p1/B03.tif", tiff));
            var spec = S3Fixtures.spec(server.endpoint(), "public", "plates", true);
            S3StoreFactory factory = new S3StoreFactory(location -> {
                throw new AssertionError("anonymous access must not look up credentials");
            }, S3Options.DEFAULT.withRetries(3, Duration.ofMillis(50)).withDiskCache(new DiskCache(folder.resolve("cache"), 8 << 20)));
            assertEquals("Bucket 'public' at " + server.endpoint() + " is readable anonymously; prefix 'plates/' holds objects.",
                    factory.test(spec));
            try (S3ImageStore store = factory.open(spec)) {
                ImageSource image = new TiffReader().open(store, "p1/B03.tif", ReadLimits.DEFAULT);
                ShortPlane plane = (ShortPlane) image.plane(PlaneIndex.FIRST);
                assertEquals(TestTiff.sample(1023, 1023), plane.unsigned(1023 * 1024 + 1023));
                byte[] first = store.read("p1/B03.tif", beyond + 100_000, 2000);

                server.close();

                assertArrayEquals(first, store.read("p1/B03.tif", beyond + 100_000, 2000), "a fetched range comes from the disk cache");
                assertArrayEquals(Arrays.copyOfRange(tiff, 10, 20), store.read("p1/B03.tif", 10, 10), "the head block stays in memory");
                long start = System.nanoTime();
                ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.read("p1/B03.tif", beyond + 200_000, 2000));
                assertTrue(e.getMessage().startsWith("Image 'p1/B03.tif' cannot be read: Connection to " + server.endpoint()
                        + " was refused"), e.getMessage());
                assertTrue(e.getMessage().endsWith("(3 attempts)."), e.getMessage());
                assertTrue(System.nanoTime() - start < 10_000_000_000L, "gives up after its retries");
                assertArrayEquals(Arrays.copyOfRange(tiff, beyond + 100_000, beyond + 102_000), first);
            }
        } finally {
            server.close();
        }
    }
}
