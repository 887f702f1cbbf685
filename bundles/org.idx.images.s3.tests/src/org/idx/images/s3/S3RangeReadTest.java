// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.idx.images.ImageAccessException;
import org.idx.images.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte-exactness of the S3 store's read paths against a real S3 server (S3Proxy on 127.0.0.1): the
 * opening GET of the first block (size and ETag from its answer; an empty object, which has no byte
 * range, through HEAD), reads served from that block and from the read-ahead after it, reads that
 * start in them (only the rest is fetched), single GETs written into place, and reads above
 * {@link S3ImageStore#SINGLE_GET_LIMIT} split into parallel parts, at every boundary.
 */
class S3RangeReadTest {

    private static final int BLOCK = S3ImageStore.HEAD_BLOCK;
    private static final int PART = S3ImageStore.PART;
    private static final int[] SIZES = {0, 1, 1000, BLOCK - 1, BLOCK, BLOCK + 1, 3 * BLOCK + 7,
            S3ImageStore.SINGLE_GET_LIMIT + PART + 12345};

    @TempDir
    static Path folder;
    static S3ProxyServer server;
    static final Map<String, byte[]> objects = new LinkedHashMap<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(folder, false);
        Random random = new Random(20261122);
        for (int size : SIZES) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            objects.put("sizes/o" + size + ".bin", b);
        }
        server.put("ranges", objects);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static S3ImageStore open() throws ImageAccessException {
        return S3Fixtures.factory(S3Options.DEFAULT).open(S3Fixtures.spec(server.endpoint(), "ranges", "sizes", false));
    }

    @Test
    void everyReadPathReturnsExactlyTheBytesAskedFor() throws Exception {
        for (int size : SIZES) {
            String key = "o" + size + ".bin";
            byte[] all = objects.get("sizes/" + key);
            try (S3ImageStore store = open()) {
                assertEquals(size, store.size(key), key);
                List<long[]> ranges = List.of(new long[] {0, Math.min(16, size)}, new long[] {size, 0},
                        new long[] {Math.max(0, size - 1), Math.min(1, size)}, new long[] {Math.max(0, BLOCK - 100), 200},
                        new long[] {BLOCK, 5000}, new long[] {7, size - 7}, new long[] {BLOCK + PART - 3, 6},
                        new long[] {PART + 11, PART}, new long[] {1, S3ImageStore.SINGLE_GET_LIMIT + 1},
                        new long[] {BLOCK - 1, 2}, new long[] {300, S3ImageStore.SINGLE_GET_LIMIT + PART});
                for (long[] r : ranges) {
                    long offset = r[0];
                    int length = (int) r[1];
                    if (length < 0 || offset + length > size) {
                        continue;
                    }
                    assertArrayEquals(Arrays.copyOfRange(all, (int) offset, (int) offset + length), store.read(key, offset, length),
                            key + " bytes " + offset + "+" + length);
                }
                assertArrayEquals(all, store.read(key), key + " whole");
                ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.read(key, size, 1));
                assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            }
        }
    }

    @Test
    void aReadAfterTheObjectChangedFailsInsteadOfMixingVersions() throws Exception {
        int ahead = S3ImageStore.READ_AHEAD;
        byte[] first = new byte[ahead + BLOCK];
        byte[] second = new byte[ahead + BLOCK];
        Arrays.fill(first, (byte) 1);
        Arrays.fill(second, (byte) 2);
        server.put("ranges", Map.of("sizes/changing.bin", first));
        try (S3ImageStore store = open()) {
            assertEquals(first.length, store.size("changing.bin"));
            server.put("ranges", Map.of("sizes/changing.bin", second));
            assertArrayEquals(Arrays.copyOfRange(first, BLOCK + 10, BLOCK + 110), store.read("changing.bin", BLOCK + 10, 100),
                    "bytes read ahead by the opening GET are of the version opened");
            ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.read("changing.bin", ahead + 10, 100));
            assertEquals("Image 'changing.bin' in " + store.describe() + " changed while it was being read; open it again.",
                    e.getMessage());
            assertArrayEquals(Arrays.copyOfRange(second, ahead, ahead + 100), store.read("changing.bin", ahead, 100),
                    "opened again, the new version");
        }
    }

    @Test
    void keysWithSpacesPlusSignsAndNonAsciiLettersAreSignedAndFound() throws Exception {
        byte[] bytes = new byte[BLOCK + 5000];
        new Random(3).nextBytes(bytes);
        String key = "plate 2/Zellkern ä+b~c(1)&x=y,z;%.tif";
        server.put("ranges", Map.of("sizes/" + key, bytes));
        try (S3ImageStore store = open()) {
            assertArrayEquals(bytes, store.read(key));
            assertArrayEquals(Arrays.copyOfRange(bytes, BLOCK + 7, BLOCK + 4007), store.read(key, BLOCK + 7, 4000));
        }
    }

    @Test
    void contentRangeHeadersAreRead() {
        assertEquals(8389000L, ContentRange.total("bytes 0-1048575/8389000", 1048576));
        assertEquals(123L, ContentRange.total(null, 123), "no header: the whole object was sent");
        assertEquals(4096L, ContentRange.start("bytes 4096-8191/10000"));
        assertEquals(0L, ContentRange.start(null));
        assertEquals(-1L, ContentRange.start("items 1-2/3"));
        assertThrows(IllegalArgumentException.class, () -> ContentRange.total("bytes 0-9/*", 10));
        assertThrows(IllegalArgumentException.class, () -> ContentRange.total("0-9", 10));
    }
}
