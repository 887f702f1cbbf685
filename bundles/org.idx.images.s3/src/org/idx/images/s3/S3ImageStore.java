// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Reads within the first 64 KiB of an object (magic bytes, headers, directories) are served from one
 * fetched block kept in memory; reads above 2 MiB are split into 1 MiB parts fetched in parallel.
 * <p>
 * Requests run on a bounded pool ({@link S3Options#parallelism()} in flight), each retried there with
 * exponential back-off up to {@link S3Options#maxAttempts()} when it fails with a server error,
 * throttling, a timeout or a refused connection. The calling thread waits, and interrupting it
 * cancels the wait at once (an {@link ImageAccessException} caused by an
 * {@link InterruptedIOException}; the thread's interrupt flag stays set) and the requests still
 * pending. Thread-safe; {@link #close()} releases the client and its threads.
 */
public final class S3ImageStore implements ImageStore, AutoCloseable {

    private static final long META_TTL_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final int META_ENTRIES = 4096;
    private static final int HEAD_BLOCK = 64 * 1024;
    private static final int HEAD_BLOCKS = 256;
    private static final int PART = 1 << 20;
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
    private final Map<String, byte[]> headBlocks = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > HEAD_BLOCKS;
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
        if (length > 0 && offset + length <= HEAD_BLOCK) {
            byte[] block = headBlock(key, object, m);
            return Arrays.copyOfRange(block, (int) offset, (int) offset + length);
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
        HeadObjectResponse head = await(key, List.of(submit(key, object,
                () -> client.headObject(HeadObjectRequest.builder().bucket(location.bucket()).key(object).build())))).get(0);
        Meta m = new Meta(head.contentLength() == null ? 0 : head.contentLength(), head.eTag() == null ? "" : head.eTag(),
                System.nanoTime());
        synchronized (meta) {
            meta.put(object, m);
        }
        return m;
    }

    /**
     * The first {@value #HEAD_BLOCK} bytes of an object, kept in memory: readers read magic bytes, headers and
     * directories there in several small reads that become one request.
     */
    private byte[] headBlock(String key, String object, Meta m) throws ImageAccessException {
        String id = object + "\n" + m.etag();
        synchronized (headBlocks) {
            byte[] block = headBlocks.get(id);
            if (block != null) {
                return block;
            }
        }
        byte[] block = fetch(key, object, m, 0, (int) Math.min(HEAD_BLOCK, m.size()));
        synchronized (headBlocks) {
            headBlocks.put(id, block);
        }
        return block;
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
        int parts = length > 2 * PART ? (length + PART - 1) / PART : 1;
        List<Future<byte[]>> futures = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            long from = offset + (long) p * PART;
            int n = parts == 1 ? length : (int) Math.min(PART, offset + length - from);
            futures.add(submit(key, object, () -> get(key, object, m, from, n)));
        }
        List<byte[]> pieces = await(key, futures);
        byte[] bytes = pieces.size() == 1 ? pieces.get(0) : new byte[length];
        if (pieces.size() > 1) {
            for (int p = 0; p < parts; p++) {
                System.arraycopy(pieces.get(p), 0, bytes, p * PART, pieces.get(p).length);
            }
        }
        cache.ifPresent(c -> c.put(identity, bytes));
        return bytes;
    }

    /** One ranged GET, pinned to the ETag; runs on the pool. */
    private byte[] get(String key, String object, Meta m, long offset, int length) throws ImageAccessException {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(location.bucket()).key(object)
                .range("bytes=" + offset + "-" + (offset + length - 1));
        if (!m.etag().isEmpty()) {
            request.ifMatch(m.etag());
        }
        GetObjectRequest get = request.build();
        ResponseBytes<GetObjectResponse> response;
        try {
            response = client.getObjectAsBytes(get);
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
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
        return bytes;
    }

    /**
     * Checks that the bucket exists (once per store), so that a 404 for an object is told apart from a 404
     * for the bucket. Runs on a pool thread.
     */
    private boolean bucketExists() {
        if (bucketSeen) {
            return true;
        }
        try {
            client.headBucket(HeadBucketRequest.builder().bucket(location.bucket()).build());
            bucketSeen = true;
            return true;
        } catch (S3Exception e) {
            return e.statusCode() != 404;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Submits a request to the pool; it is retried there with back-off. */
    private <T> Future<T> submit(String key, String object, Callable<T> request) {
        return pool.submit(() -> attempt(key, object, request));
    }

    /** The retry loop of one request, on a pool thread. */
    private <T> T attempt(String key, String object, Callable<T> request) throws ImageAccessException {
        long pause = options.backoff().toMillis();
        for (int attempt = 1;; attempt++) {
            S3Failure failure;
            Throwable cause;
            try {
                return request.call();
            } catch (ImageAccessException e) {
                throw e;
            } catch (Exception e) {
                cause = e;
                failure = S3Failure.of(cause, location, keyId.get(), options.readTimeout(), object);
            }
            if (failure.kind() == S3Failure.Kind.MISSING_OBJECT) {
                if (bucketExists()) {
                    throw new MissingImageException("Image '" + key + "' not found: " + failure.sentence(), cause);
                }
                failure = S3Failure.of(cause, location, keyId.get(), options.readTimeout(), null);
            }
            if (failure.kind() != S3Failure.Kind.TRANSIENT || attempt >= options.maxAttempts() || Thread.currentThread().isInterrupted()) {
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

    /** Waits for requests, interruptibly; an interrupt or a failure cancels the others. */
    private <T> List<T> await(String key, List<Future<T>> futures) throws ImageAccessException {
        List<T> results = new ArrayList<>(futures.size());
        try {
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw cancelled(key);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof ImageAccessException iae) {
                throw iae;
            }
            throw new ImageAccessException("Image '" + key + "' cannot be read: " + e.getCause() + ".", e.getCause());
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
