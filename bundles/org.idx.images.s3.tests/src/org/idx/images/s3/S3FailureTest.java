// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.idx.images.ImageAccessException;
import org.idx.images.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.exception.SdkClientException;

/** Servers that hang, fail or are not there; nothing here needs a real S3 server or the network. */
class S3FailureTest {

    private static final S3Options FAST = S3Options.DEFAULT.withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500))
            .withRetries(2, Duration.ofMillis(20));

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (FakeServer hung = FakeServer.silent()) {
            var spec = S3Fixtures.spec(hung.endpoint(), "images", "", false);
            S3StoreFactory factory = S3Fixtures.factory(FAST);
            long start = System.nanoTime();
            try (S3ImageStore store = factory.open(spec)) {
                ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.size("a.tif"));
                assertEquals("Image 'a.tif' cannot be read: " + hung.endpoint() + " did not answer within 500 ms (timeout) (2 attempts).",
                        e.getMessage());
            }
            ImageAccessException test = assertThrows(ImageAccessException.class, () -> factory.test(spec));
            assertEquals(hung.endpoint() + " did not answer within 500 ms (timeout).", test.getMessage());
            assertTrue(System.nanoTime() - start < 20_000_000_000L);
        }
    }

    @Test
    void interruptingTheReaderCancelsAtOnce() throws Exception {
        try (FakeServer hung = FakeServer.silent();
                S3ImageStore store = S3Fixtures.factory(S3Options.DEFAULT).open(S3Fixtures.spec(hung.endpoint(), "images", "", false))) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    store.read("a.tif", 0, 10);
                } catch (Throwable t) {
                    failure.set(t);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            reader.start();
            while (hung.requests() == 0) {
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            reader.interrupt();
            reader.join(5000);
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "cancelled long before the 30 s read timeout");
            ImageAccessException e = assertInstanceOf(ImageAccessException.class, failure.get());
            assertInstanceOf(InterruptedIOException.class, e.getCause());
            assertTrue(e.getMessage().contains("was cancelled"), e.getMessage());
            assertEquals(Boolean.TRUE, stillInterrupted.get(), "the interrupt flag stays set");
        }
    }

    @Test
    void serverErrorsAreRetriedWithBackOff() throws Exception {
        try (FakeServer failing = FakeServer.answering(503);
                S3ImageStore store = S3Fixtures.factory(FAST.withRetries(3, Duration.ofMillis(100)))
                        .open(S3Fixtures.spec(failing.endpoint(), "images", "", false))) {
            long start = System.nanoTime();
            ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.size("a.tif"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(3, failing.requests(), "three attempts");
            assertTrue(millis >= 300, "back-off of 100 ms then 200 ms, took " + millis + " ms");
            assertTrue(e.getMessage().contains("answered HTTP 503") && e.getMessage().endsWith("(3 attempts)."), e.getMessage());
        }
    }

    @Test
    void clientErrorsAreNotRetriedAndPathStyleAddressesTheBucketInThePath() throws Exception {
        try (FakeServer failing = FakeServer.answering(400);
                S3ImageStore store = S3Fixtures.factory(FAST.withRetries(3, Duration.ofMillis(10)))
                        .open(S3Fixtures.spec(failing.endpoint(), "images", "screen/2024", false))) {
            assertThrows(ImageAccessException.class, () -> store.size("plate 1/a.tif"));
            assertEquals(1, failing.requests());
            String line = failing.requestLines().get(0);
            assertEquals("GET /images/screen/2024/plate%201/a.tif HTTP/1.1", line.replaceFirst("\\?[^ ]*", ""),
                    "an object is opened with a ranged GET, no HEAD");
            assertTrue(line.contains("X-Amz-Credential=" + S3ProxyServer.KEY_ID + "%2F") && line.contains("&X-Amz-Signature="),
                    "the GET is presigned: " + line);
        }
    }

    @Test
    void anonymousGetsAreUnsignedAndADenialSaysTheBucketIsNotPublic() throws Exception {
        try (FakeServer denying = FakeServer.answering(403);
                S3ImageStore store = new S3StoreFactory(location -> {
                    throw new AssertionError("anonymous access must not look up credentials");
                }, FAST).open(S3Fixtures.spec(denying.endpoint(), "images", "", true))) {
            ImageAccessException e = assertThrows(ImageAccessException.class, () -> store.read("a.tif", 0, 10));
            assertEquals("Image 'a.tif' cannot be read: Anonymous access to bucket 'images' at " + denying.endpoint()
                    + " is denied (HTTP 403): the bucket is not public, so credentials are needed.", e.getMessage());
            assertEquals("GET /images/a.tif HTTP/1.1", denying.requestLines().get(0), "no signature in the URL");
        }
    }

    @Test
    void aClosedPortIsARefusedConnection() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        ImageAccessException e = assertThrows(ImageAccessException.class,
                () -> S3Fixtures.factory(FAST).test(S3Fixtures.spec(endpoint, "images", "", false)));
        assertEquals("Connection to " + endpoint + " was refused: no S3 server is listening there (check the endpoint URL and port).",
                e.getMessage());
    }

    @Test
    void anUnknownHostIsADnsFailure() {
        S3Location location = new S3Location(Optional.of(URI.create("https://s3.nowhere.invalid")), "us-east-1", "images", "",
                true, false, Optional.empty());
        SdkClientException error = SdkClientException.create("Unable to execute HTTP request",
                new UnknownHostException("s3.nowhere.invalid"));
        S3Failure failure = S3Failure.of(error, location, Optional.of("AKIAEXAMPLEKEY12WXYZ"), Duration.ofSeconds(5), "a.tif");
        assertEquals("The host name of https://s3.nowhere.invalid cannot be found (DNS: s3.nowhere.invalid): check the endpoint URL"
                + " and the network.", failure.sentence());
        assertEquals(S3Failure.Kind.PERMANENT, failure.kind());
    }

    @Test
    void specsAreCheckedPropertyByProperty() {
        assertEquals("The S3 image root has no bucket: the 'bucket' setting is empty.",
                assertThrows(ImageAccessException.class, () -> S3Location.of(new org.idx.images.StoreSpec("s3", java.util.Map.of())))
                        .getMessage());
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> S3Location.of(
                new org.idx.images.StoreSpec("s3", java.util.Map.of("bucket", "b1", "endpoint", "ftp://x"))));
        assertTrue(e.getMessage().contains("http:// or https://"), e.getMessage());
        e = assertThrows(ImageAccessException.class, () -> S3Location.of(
                new org.idx.images.StoreSpec("s3", java.util.Map.of("bucket", "b1", "prefix", "../other"))));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        e = assertThrows(ImageAccessException.class, () -> S3Location.of(
                new org.idx.images.StoreSpec("s3", java.util.Map.of("bucket", "b1", "anonymous", "maybe"))));
        assertEquals("The S3 setting 'anonymous' is 'maybe'; it must be true or false.", e.getMessage());
        assertEquals("AKIA****WXYZ", S3Credentials.mask("AKIAIOSFODNN7EXAWXYZ"));
        assertEquals("****", S3Credentials.mask("short"));
        assertNotNull(S3Credentials.of("AKIAIOSFODNN7EXAWXYZ", "s").toString());
        assertTrue(!S3Credentials.of("AKIAIOSFODNN7EXAWXYZ", "topsecret").toString().contains("topsecret"));
    }
}
