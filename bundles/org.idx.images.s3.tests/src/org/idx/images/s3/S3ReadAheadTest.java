// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageSource;
import org.idx.images.PlaneIndex;
import org.idx.images.RangeInput;
import org.idx.images.ReadLimits;
import org.idx.images.ShortPlane;
import org.idx.images.testing.S3ProxyServer;
import org.idx.images.testing.TestTiff;
import org.idx.images.tiff.TiffReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-ahead of the opening GET against a real S3 server (S3Proxy on 127.0.0.1), seen through a
 * {@link Relay} that records the requests: a TIFF plane after its header costs no request of its own,
 * an answer broken off in the middle is completed by a ranged GET from where it stopped, a reader
 * waiting for a stalled read-ahead is cancelled at once by an interrupt, a read-ahead in the disk
 * cache is not fetched again, and bytes beyond the read-ahead are fetched as before. A range read in
 * pieces gets each piece as soon as it has arrived, and a broken-off answer is completed for it too. A
 * reader that jumps over the read-ahead (not reading front to back) stops it.
 */
class S3ReadAheadTest {

    private static final int BLOCK = S3ImageStore.HEAD_BLOCK;
    private static final String OPENING = "GET /ahead/images/%s HTTP/1.1 bytes=0-" + (S3ImageStore.READ_AHEAD - 1);

    @TempDir
    static Path folder;
    static S3ProxyServer server;
    static byte[] tiff;
    static byte[] noise;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(folder, false);
        tiff = TestTiff.grey16(1024, 1536, 16); // 3 MiB, the plane right after the header
        noise = new byte[S3ImageStore.READ_AHEAD + BLOCK + 333];
        new Random(7).nextBytes(noise);
        server.put("ahead", Map.of("images/plane.tif", tiff, "images/noise.bin", noise));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static S3ImageStore open(Relay relay) throws Exception {
        return S3Fixtures.factory(S3Options.DEFAULT.withRetries(2, Duration.ofMillis(10)))
                .open(S3Fixtures.spec(relay.endpoint(), "ahead", "images", false));
    }

    @Test
    void aPlaneAfterItsHeaderCostsNoRequestOfItsOwn() throws Exception {
        try (Relay relay = new Relay(server.endpoint()); S3ImageStore store = open(relay)) {
            ImageSource image = new TiffReader().open(store, "plane.tif", ReadLimits.DEFAULT);
            ShortPlane plane = (ShortPlane) image.plane(PlaneIndex.FIRST);
            for (int y : new int[] {0, 700, 1535}) {
                for (int x : new int[] {0, 513, 1023}) {
                    assertEquals(TestTiff.sample(x, y), plane.unsigned(y * 1024 + x), "pixel " + x + "," + y);
                }
            }
            assertEquals(List.of(OPENING.formatted("plane.tif")), relay.requests(), "one GET for header and plane");
        }
    }

    @Test
    void anAnswerBrokenOffIsCompletedFromWhereItStopped() throws Exception {
        try (Relay relay = new Relay(server.endpoint()); S3ImageStore store = open(relay)) {
            int cut = BLOCK + BLOCK / 2;
            relay.cutNextAnswerAfter(cut);
            byte[] plane = store.read("plane.tif", 100, tiff.length - 100);
            assertArrayEquals(Arrays.copyOfRange(tiff, 100, tiff.length), plane);
            List<String> requests = relay.requests();
            assertEquals(2, requests.size(), "the opening GET and one for the rest:\n" + requests);
            assertEquals(OPENING.formatted("plane.tif"), requests.get(0));
            String rest = requests.get(1);
            assertTrue(rest.startsWith("GET /ahead/images/plane.tif HTTP/1.1 bytes="), rest);
            long from = Long.parseLong(rest.substring(rest.indexOf('=') + 1, rest.indexOf('-', rest.indexOf('='))));
            assertTrue(from > BLOCK && from < cut, "the bytes read ahead before the cut are used, the rest starts at " + from);
            assertTrue(rest.endsWith("-" + (tiff.length - 1)), rest);
        }
    }

    @Test
    void interruptingAReaderWaitingForTheReadAheadCancelsAtOnce() throws Exception {
        try (Relay relay = new Relay(server.endpoint()); S3ImageStore store = open(relay)) {
            relay.stallNextAnswerAfter(BLOCK + BLOCK / 2); // the server stops sending, the 30 s read timeout is far
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            CountDownLatch opened = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try {
                    store.size("plane.tif");
                    opened.countDown();
                    store.read("plane.tif", 100, tiff.length - 100);
                } catch (Throwable t) {
                    failure.set(t);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            reader.start();
            assertTrue(opened.await(10, TimeUnit.SECONDS), "opened: the head block arrived");
            Thread.sleep(200); // the reader now waits for bytes that do not come
            long start = System.nanoTime();
            reader.interrupt();
            reader.join(5000);
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "cancelled long before the read timeout");
            ImageAccessException e = assertInstanceOf(ImageAccessException.class, failure.get());
            assertInstanceOf(InterruptedIOException.class, e.getCause());
            assertTrue(e.getMessage().contains("was cancelled"), e.getMessage());
            assertTrue(stillInterrupted.get(), "the interrupt flag stays set");
            long closing = System.nanoTime();
            store.close();
            assertTrue(System.nanoTime() - closing < 2_000_000_000L, "closing does not wait for the stalled answer");
        }
    }

    @Test
    void aReadAheadOnDiskIsNotFetchedAgain() throws Exception {
        DiskCache cache = new DiskCache(folder.resolve("cache"), 64 << 20);
        S3StoreFactory factory = S3Fixtures.factory(S3Options.DEFAULT.withRetries(2, Duration.ofMillis(10)).withDiskCache(cache));
        try (Relay relay = new Relay(server.endpoint())) {
            var spec = S3Fixtures.spec(relay.endpoint(), "ahead", "images", false);
            try (S3ImageStore store = factory.open(spec)) {
                assertArrayEquals(tiff, store.read("plane.tif"));
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (cache.sizeInBytes() < tiff.length && System.nanoTime() < deadline) {
                Thread.sleep(20); // the read-ahead goes to disk once it is complete
            }
            assertEquals(tiff.length, cache.sizeInBytes(), "head block and read-ahead on disk");
            relay.requests().clear();
            relay.cutNextAnswerAfter(BLOCK + 4096); // the opening answer breaks off after the head block
            try (S3ImageStore store = factory.open(spec)) {
                assertArrayEquals(tiff, store.read("plane.tif"));
            }
            assertEquals(List.of(OPENING.formatted("plane.tif")), relay.requests(), "the rest came from the disk cache");
        }
    }

    @Test
    void aRangeHandsOutThePiecesThatHaveArrivedWhileTheRestIsStillComing() throws Exception {
        try (Relay relay = new Relay(server.endpoint()); S3ImageStore store = open(relay)) {
            relay.stallNextAnswerAfter(2L * BLOCK); // about a MiB of read-ahead arrives, then nothing
            int first = BLOCK + BLOCK / 4;
            byte[] piece = new byte[first - 100];
            CountDownLatch read = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try (RangeInput range = store.openRange("plane.tif", 100, tiff.length - 100)) {
                    range.readNext(piece, 0, piece.length);
                    read.countDown();
                    range.readNext(new byte[BLOCK], 0, BLOCK); // beyond what arrived: waits
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            reader.start();
            assertTrue(read.await(10, TimeUnit.SECONDS), "the first piece is handed out though the answer has stalled");
            assertArrayEquals(Arrays.copyOfRange(tiff, 100, first), piece);
            reader.interrupt();
            reader.join(5000);
            assertTrue(failure.get() instanceof ImageAccessException e && e.getMessage().contains("was cancelled"),
                    "the wait for the rest is cancelled: " + failure.get());
            assertEquals(List.of(OPENING.formatted("plane.tif")), relay.requests());
        }
    }

    @Test
    void aRangeBrokenOffIsCompletedFromWhereItStopped() throws Exception {
        try (Relay relay = new Relay(server.endpoint()); S3ImageStore store = open(relay)) {
            relay.cutNextAnswerAfter(BLOCK + BLOCK / 2);
            ImageSource image = new TiffReader().open(store, "plane.tif", ReadLimits.DEFAULT);
            ShortPlane plane = (ShortPlane) image.plane(PlaneIndex.FIRST); // read strip by strip
            for (int y = 0; y < 1536; y += 97) {
                assertEquals(TestTiff.sample((y * 7) % 1024, y), plane.unsigned(y * 1024 + (y * 7) % 1024), "row " + y);
            }
            List<String> requests = relay.requests();
            assertEquals(2, requests.size(), "the opening GET and one for the rest:\n" + requests);
            assertTrue(requests.get(1).endsWith("-" + (tiff.length - 1)), requests.get(1));
        }
    }

    @Test
    void bytesAReaderWentPastAreKeptForALaterRead() throws Exception {
        try (Relay relay = new Relay(server.endpoint()); S3ImageStore store = open(relay)) {
            int far = BLOCK + 3 * BLOCK; // a directory after the pixels
            assertArrayEquals(Arrays.copyOfRange(noise, far, far + 4096), store.read("noise.bin", far, 4096));
            assertArrayEquals(Arrays.copyOfRange(noise, BLOCK - 10, far), store.read("noise.bin", BLOCK - 10, far - BLOCK + 10),
                    "the pixels before it");
            assertArrayEquals(Arrays.copyOfRange(noise, far + 4096, far + 8192), store.read("noise.bin", far + 4096, 4096),
                    "and what follows it");
            assertEquals(List.of(OPENING.formatted("noise.bin")), relay.requests(), "all from the opening GET");
        }
    }

    @Test
    void aReaderThatJumpsOverTheReadAheadStopsIt() throws Exception {
        try (Relay relay = new Relay(server.endpoint()); S3ImageStore store = open(relay)) {
            int beyond = S3ImageStore.READ_AHEAD + 10;
            assertArrayEquals(Arrays.copyOfRange(noise, beyond, beyond + 10), store.read("noise.bin", beyond, 10));
            assertArrayEquals(Arrays.copyOfRange(noise, BLOCK + 10, BLOCK + 20), store.read("noise.bin", BLOCK + 10, 10));
            assertEquals(List.of(OPENING.formatted("noise.bin"),
                    "GET /ahead/images/noise.bin HTTP/1.1 bytes=" + beyond + "-" + (beyond + 9),
                    "GET /ahead/images/noise.bin HTTP/1.1 bytes=" + (BLOCK + 10) + "-" + (BLOCK + 19)), relay.requests(),
                    "the read-ahead was dropped when the reader jumped over it");
        }
    }

    @Test
    void bytesBeyondTheReadAheadAreFetchedByRange() throws Exception {
        try (Relay relay = new Relay(server.endpoint()); S3ImageStore store = open(relay)) {
            int from = BLOCK - 5;
            byte[] all = store.read("noise.bin", from, noise.length - from);
            assertArrayEquals(Arrays.copyOfRange(noise, from, noise.length), all);
            assertEquals(List.of(OPENING.formatted("noise.bin"),
                    "GET /ahead/images/noise.bin HTTP/1.1 bytes=" + S3ImageStore.READ_AHEAD + "-" + (noise.length - 1)),
                    relay.requests());
            assertArrayEquals(Arrays.copyOfRange(noise, BLOCK + 10, BLOCK + 20), store.read("noise.bin", BLOCK + 10, 10),
                    "a read-ahead used up is dropped: this range is fetched");
            assertEquals("GET /ahead/images/noise.bin HTTP/1.1 bytes=" + (BLOCK + 10) + "-" + (BLOCK + 19),
                    relay.requests().get(2));
        }
    }
}
