// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageKeys;
import org.idx.images.ImageStore;
import org.idx.images.MissingImageException;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An {@link ImageStore} over a bucket prefix of an S3-compatible object store. Keys follow
 * {@link ImageKeys}, so no key reaches outside the prefix. Sizes come from HEAD requests (remembered
 * for a few minutes with the object's ETag), bytes from ranged GETs that name the ETag
 * ({@code If-Match}), so a range read after the object changed fails instead of mixing versions.
 * Fetched ranges go to the {@link DiskCache}, if any, keyed by endpoint, bucket, key, ETag and range.
 * <p>
 * Requests run on a bounded pool ({@link S3Options#parallelism()} in flight); the calling thread
 * waits, and interrupting it cancels the wait at once (an {@link ImageAccessException} caused by an
 * {@link InterruptedIOException}; the thread's
 * interrupt flag stays set). Server errors, throttling, timeouts and refused connections are retried
 * with exponential back-off up to {@link S3Options#maxAttempts()}. Thread-safe; {@link #close()}
 * releases the client and its threads.
 */
public final class S3ImageStore implements ImageStore, AutoCloseable {

    private static final long META_TTL_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final int META_ENTRIES = 4096;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private record Meta(long size, String etag, long fetched) {
    }

    private final S3Location location;
    private final S3Client client;
    private final Supplier<Optional<String>> keyId;
    private final S3Options options;
    private final ThreadPoolExecutor pool;
    private final Map<String, Meta> meta = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Meta> eldest) {
            return size() > META_ENTRIES;
        }
    };
    private volatile boolean bucketSeen;

    /**
     * @param location where the images live
     * @param client   a client for that endpoint, closed with this store
     * @param keyId    the access key id in use, for messages (empty when anonymous or unknown)
     * @param options  timeouts, retries, parallelism, disk cache
     */
    S3ImageStore(S3Location location, S3Client client, Supplier<Optional<String>> keyId, S3Options options) {
        this.location = location;
        this.client = client;
        this.keyId = keyId;
        this.options = options;
        this.pool = new ThreadPoolExecutor(options.parallelism(), options.parallelism(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "IDX S3 fetch " + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** @return where the images live */
    public S3Location location() {
        return location;
    }

    /** @return the options */
    public S3Options options() {
        return options;
    }

    @Override
    public String describe() {
        return location.describe();
    }

    @Override
    public long size(String key) throws ImageAccessException {
        return meta(key, objectKey(key)).size();
    }

    @Override
    public byte[] read(String key) throws ImageAccessException {
        String object = objectKey(key);
        Meta m = meta(key, object);
        if (m.size() > Integer.MAX_VALUE - 16) {
            throw new ImageAccessException("Image '" + key + "' in " + location.describe() + " is " + m.size()
                    + " bytes, too large to read whole; it must be read by range.");
        }
        return fetch(key, object, m, 0, (int) m.size());
    }

    @Override
    public byte[] read(String key, long offset, int length) throws ImageAccessException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
        String object = objectKey(key);
        Meta m = meta(key, object);
        if (offset + length > m.size()) {
            throw new ImageAccessException("Image '" + key + "' in " + location.describe() + " is truncated: bytes " + offset
                    + " to " + (offset + length) + " were asked for but the object has " + m.size() + " bytes.");
        }
        return fetch(key, object, m, offset, length);
    }

    private String objectKey(String key) throws ImageAccessException {
        return location.objectKey(ImageKeys.normalize(key, location.describe()));
    }

    private Meta meta(String key, String object) throws ImageAccessException {
        synchronized (meta) {
            Meta m = meta.get(object);
            if (m != null && System.nanoTime() - m.fetched() < META_TTL_NANOS) {
                return m;
            }
        }
        HeadObjectResponse head = call(key, object,
                () -> client.headObject(HeadObjectRequest.builder().bucket(location.bucket()).key(object).build()));
        Meta m = new Meta(head.contentLength() == null ? 0 : head.contentLength(), head.eTag() == null ? "" : head.eTag(),
                System.nanoTime());
        synchronized (meta) {
            meta.put(object, m);
        }
        return m;
    }

    private byte[] fetch(String key, String object, Meta m, long offset, int length) throws ImageAccessException {
        if (length == 0) {
            return new byte[0];
        }
        String identity = location.endpointName() + "\n" + location.bucket() + "\n" + object + "\n" + m.etag() + "\n" + offset
                + "+" + length;
        Optional<DiskCache> cache = options.diskCache();
        if (cache.isPresent()) {
            Optional<byte[]> hit = cache.get().get(identity);
            if (hit.isPresent() && hit.get().length == length) {
                return hit.get();
            }
        }
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(location.bucket()).key(object)
                .range("bytes=" + offset + "-" + (offset + length - 1));
        if (!m.etag().isEmpty()) {
            request.ifMatch(m.etag());
        }
        GetObjectRequest get = request.build();
        ResponseBytes<GetObjectResponse> response;
        try {
            response = call(key, object, () -> client.getObjectAsBytes(get));
        } catch (ImageAccessException e) {
            if (e.getCause() instanceof S3Exception s && s.statusCode() == 412) {
                synchronized (meta) {
                    meta.remove(object);
                }
                throw new ImageAccessException("Image '" + key + "' in " + location.describe()
                        + " changed while it was being read; open it again.", e);
            }
            throw e;
        }
        byte[] bytes = response.asByteArrayUnsafe();
        if (bytes.length != length) {
            throw new ImageAccessException("Image '" + key + "' in " + location.describe() + ": " + location.endpointName()
                    + " returned " + bytes.length + " bytes for a range of " + length + " from " + offset + ".");
        }
        cache.ifPresent(c -> c.put(identity, bytes));
        return bytes;
    }

    /**
     * Checks that the bucket exists (once per store), so that a 404 for an object is told apart from a 404
     * for the bucket.
     */
    private boolean bucketExists() {
        if (bucketSeen) {
            return true;
        }
        try {
            Future<?> f = pool.submit(() -> client.headBucket(HeadBucketRequest.builder().bucket(location.bucket()).build()));
            f.get(options.readTimeout().toMillis() + options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            bucketSeen = true;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception e) {
            return !(e.getCause() instanceof S3Exception s && s.statusCode() == 404);
        }
    }

    /**
     * Runs a request on the pool with retries; the caller waits, interruptibly.
     */
    private <T> T call(String key, String object, Callable<T> request) throws ImageAccessException {
        long pause = options.backoff().toMillis();
        for (int attempt = 1;; attempt++) {
            Future<T> future = pool.submit(request);
            S3Failure failure;
            Throwable cause;
            try {
                return future.get();
            } catch (InterruptedException e) {
                future.cancel(true);
                throw cancelled(key);
            } catch (ExecutionException e) {
                cause = e.getCause();
                failure = S3Failure.of(cause, location, keyId.get(), options.readTimeout(), object);
            }
            if (failure.kind() == S3Failure.Kind.MISSING_OBJECT) {
                if (bucketExists()) {
                    throw new MissingImageException("Image '" + key + "' not found: " + failure.sentence(), cause);
                }
                failure = S3Failure.of(cause, location, keyId.get(), options.readTimeout(), null);
            }
            if (failure.kind() != S3Failure.Kind.TRANSIENT || attempt >= options.maxAttempts()) {
                String tries = failure.kind() == S3Failure.Kind.TRANSIENT && attempt > 1 ? " (" + attempt + " attempts)" : "";
                String sentence = failure.sentence();
                throw new ImageAccessException("Image '" + key + "' cannot be read: "
                        + sentence.substring(0, sentence.length() - 1) + tries + ".", cause);
            }
            try {
                Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause / 2 + 1));
            } catch (InterruptedException e) {
                throw cancelled(key);
            }
            pause *= 2;
        }
    }

    private ImageAccessException cancelled(String key) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted = new InterruptedIOException("cancelled");
        return new ImageAccessException("Reading image '" + key + "' from " + location.describe() + " was cancelled.", interrupted);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        client.close();
    }

    @Override
    public String toString() {
        return "S3ImageStore[" + location.describe() + "]";
    }
}
