// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageKeys;
import org.idx.images.ImageStore;
import org.idx.images.MissingImageException;
import org.idx.images.RangeInput;
import org.idx.images.SequentialRange;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An {@link ImageStore} over a bucket prefix of an S3-compatible object store. Keys follow
 * {@link ImageKeys}, so no key reaches outside the prefix. An object is opened with one ranged GET of
 * its first {@value #READ_AHEAD} bytes: the answer gives its size ({@code Content-Range}) and ETag
 * (remembered for a few minutes); its first MiB is kept in memory (32 MiB per store, least recently
 * used dropped first), so magic bytes, headers and directories, and whole small objects such as a
 * 512x512 16-bit field or a chunk, cost no further request (a HEAD is sent only for an empty object,
 * which has no range). The caller goes on as soon as that MiB has arrived; the rest of the answer
 * stays open as a {@link ReadAhead}: the read that typically follows (a TIFF plane after its header)
 * pulls its bytes from there, straight into its own array as they arrive, instead of paying for a
 * request of its own (against a local server the fixed cost of a request is several milliseconds). A
 * read-ahead is dropped once a read has used its last byte, or as soon as a read jumps over it (a
 * reader that does not read front to back, such as a crop from deep inside a large image, does not keep
 * paying for bytes it will not use), and the oldest ones beyond
 * {@value #READ_AHEAD_BUDGET} bytes per store are aborted; an answer that breaks off only means that
 * the rest is fetched with ranged GETs.
 * <p>
 * Further bytes come from ranged GETs that name the ETag ({@code If-Match}), so a range read after the
 * object changed fails instead of mixing versions; each answer is streamed straight into the array
 * returned to the caller (no intermediate copies). Fetched ranges go to the {@link DiskCache}, if any,
 * keyed by endpoint, bucket, key, ETag and range. Reads up to {@value #SINGLE_GET_LIMIT} bytes are one
 * GET (per-request cost dominates below that, measured against a local server); larger ones are split
 * into {@value #PART} byte parts fetched in parallel, each written into its place in the result.
 * <p>
 * The GETs of object bytes go through {@link ObjectGets} (the JDK's HTTP client on presigned URLs), the
 * few other requests (HEAD of an empty object, the bucket check) through the SDK's client.
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
    /** The first bytes of an object fetched when it is opened and kept in memory. */
    static final int HEAD_BLOCK = 1 << 20;
    /** The most bytes of such blocks kept in memory per store. */
    private static final long HEAD_BLOCK_BUDGET = 32L << 20;
    /** The bytes asked for by the GET that opens an object: its head block and the read-ahead after it. */
    static final int READ_AHEAD = 16 << 20;
    /** The most bytes of read-aheads held per store. */
    static final long READ_AHEAD_BUDGET = 128L << 20;
    /** Reads up to this many bytes are one GET. */
    static final int SINGLE_GET_LIMIT = 16 << 20;
    /** Larger reads are split into parts of this many bytes. */
    static final int PART = 8 << 20;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private record Meta(long size, String etag, long fetched) {
    }

    private final S3Location location;
    private final S3Client client;
    private final ObjectGets gets;
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
    private final Map<String, byte[]> headBlocks = new LinkedHashMap<>(64, 0.75f, true);
    private long headBlockBytes;
    private final Map<String, ReadAhead> readAheads = new LinkedHashMap<>(16, 0.75f, true);
    private long readAheadBytes;
    private volatile boolean bucketSeen;

    /**
     * @param location where the images live
     * @param client   a client for that endpoint (HEAD requests, bucket checks), closed with this store
     * @param gets     the ranged GETs of object bytes
     * @param keyId    the access key id in use, for messages (empty when anonymous or unknown)
     * @param options  timeouts, retries, parallelism, disk cache
     */
    S3ImageStore(S3Location location, S3Client client, ObjectGets gets, Supplier<Optional<String>> keyId, S3Options options) {
        this.location = location;
        this.client = client;
        this.gets = gets;
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
        if (m.size() <= HEAD_BLOCK) {
            return headBlock(key, object, m).clone();
        }
        return assemble(key, object, m, 0, (int) m.size());
    }

    @Override
    public byte[] read(String key, long offset, int length) throws ImageAccessException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
        String object = objectKey(key);
        Meta m = meta(key, object);
        checkWithin(key, m, offset, length);
        if (length > 0 && offset + length <= HEAD_BLOCK) {
            byte[] block = headBlock(key, object, m);
            return Arrays.copyOfRange(block, (int) offset, (int) offset + length);
        }
        return assemble(key, object, m, offset, length);
    }

    /**
     * Hands out the pieces of the range as they arrive: from the kept head block, then from the opening GET's
     * read-ahead, waiting only for the bytes of each piece, so that a TIFF's first strips are decoded while the
     * rest of the plane is still on its way. What neither holds is fetched when first needed, as
     * {@link #read(String, long, int)} would fetch it.
     */
    @Override
    public RangeInput openRange(String key, long offset, int length) throws ImageAccessException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
        String object = objectKey(key);
        Meta m = meta(key, object);
        checkWithin(key, m, offset, length);
        return new ArrivingRange(key, object, m, offset, length);
    }

    private void checkWithin(String key, Meta m, long offset, int length) throws ImageAccessException {
        if (offset + length > m.size()) {
            throw new ImageAccessException("Image '" + key + "' in " + location.describe() + " is truncated: bytes " + offset
                    + " to " + (offset + length) + " were asked for but the object has " + m.size() + " bytes.");
        }
    }

    /** A range read piece by piece: see {@link S3ImageStore#openRange(String, long, int)}. */
    private final class ArrivingRange extends SequentialRange {

        private final String key;
        private final String object;
        private final Meta m;
        private long position;
        /** The range's bytes from {@link #tailStart} on, once they had to be fetched; else null. */
        private byte[] tail;
        private long tailStart;

        ArrivingRange(String key, String object, Meta m, long offset, int length) {
            super(offset, length);
            this.key = key;
            this.object = object;
            this.m = m;
        }

        @Override
        protected void read(long offset, byte[] into, int at, int length) throws ImageAccessException {
            position = offset;
            int done = 0;
            while (done < length) {
                int n = piece(into, at + done, length - done);
                position += n;
                done += n;
            }
        }

        /** Copies the next bytes that are at hand or arriving, or fetches the rest of the range; @return how many */
        private int piece(byte[] into, int at, int length) throws ImageAccessException {
            if (tail == null) {
                byte[] block = keptBlock(object, m);
                if (block != null && position < block.length) {
                    int n = (int) Math.min(length, block.length - position);
                    System.arraycopy(block, (int) position, into, at, n);
                    return n;
                }
                String id = object + "\n" + m.etag();
                ReadAhead ahead;
                synchronized (readAheads) {
                    ahead = readAheads.get(id);
                }
                if (ahead != null && position >= ahead.start() && position < ahead.end()) {
                    int n;
                    try {
                        n = ahead.copy(position, into, at, length);
                    } catch (InterruptedException e) {
                        throw cancelled(key);
                    }
                    if (position + n >= ahead.end()) {
                        forget(id, ahead); // used up: the bytes live on in the reader's arrays
                    }
                    if (n > 0) {
                        return n;
                    }
                } else if (ahead != null && position >= ahead.end()) {
                    forget(id, ahead); // jumped over: stop reading ahead
                }
                tail = new byte[(int) (end() - position)];
                tailStart = position;
                fetchInto(key, object, m, position, tail, 0, tail.length);
            }
            System.arraycopy(tail, (int) (position - tailStart), into, at, length);
            return length;
        }

        @Override
        public void close() {
            tail = null;
        }
    }

    /**
     * A read beyond the head block: the part in the kept head block (a TIFF plane right after its header)
     * and the part in the read-ahead are copied, only the rest is fetched.
     */
    private byte[] assemble(String key, String object, Meta m, long offset, int length) throws ImageAccessException {
        byte[] bytes = new byte[length];
        int done = 0;
        byte[] block = keptBlock(object, m);
        if (block != null && length > 0 && offset < block.length) {
            done = Math.min(length, block.length - (int) offset);
            System.arraycopy(block, (int) offset, bytes, 0, done);
        }
        String id = object + "\n" + m.etag();
        ReadAhead ahead;
        synchronized (readAheads) {
            ahead = readAheads.get(id);
        }
        if (ahead != null && done < length && offset + done >= ahead.start() && offset + done < ahead.end()) {
            try {
                done += ahead.copy(offset + done, bytes, done, length - done);
            } catch (InterruptedException e) {
                throw cancelled(key);
            }
            if (offset + done >= ahead.end()) {
                forget(id, ahead); // used up: the bytes live on in the reader's result
            }
        } else if (ahead != null && done < length && offset + done >= ahead.end()) {
            forget(id, ahead); // the reader jumped over it: it does not read front to back, stop reading ahead
        }
        fetchInto(key, object, m, offset + done, bytes, done, length - done);
        return bytes;
    }

    /** @return the kept head block of that version of an object, or null */
    private byte[] keptBlock(String object, Meta m) {
        synchronized (headBlocks) {
            return headBlocks.get(object + "\n" + m.etag());
        }
    }

    /** Holds a read-ahead, aborting and dropping the oldest ones beyond the budget. */
    private void hold(String id, ReadAhead ahead) {
        List<ReadAhead> dropped = new ArrayList<>();
        synchronized (readAheads) {
            ReadAhead old = readAheads.put(id, ahead);
            if (old != null) {
                readAheadBytes -= old.length();
                dropped.add(old);
            }
            readAheadBytes += ahead.length();
            for (var i = readAheads.values().iterator(); readAheadBytes > READ_AHEAD_BUDGET && readAheads.size() > 1;) {
                ReadAhead eldest = i.next();
                readAheadBytes -= eldest.length();
                dropped.add(eldest);
                i.remove();
            }
        }
        dropped.forEach(ReadAhead::abort);
    }

    /** Drops a read-ahead (if it is still the one held for that id), aborting it if it is still reading. */
    private void forget(String id, ReadAhead ahead) {
        synchronized (readAheads) {
            if (!readAheads.remove(id, ahead)) {
                return;
            }
            readAheadBytes -= ahead.length();
        }
        ahead.abort();
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
        CompletableFuture<Meta> opened = new CompletableFuture<>();
        Future<?> task = pool.submit(() -> open(key, object, opened));
        try {
            return opened.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            throw cancelled(key);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImageAccessException iae) {
                throw iae;
            }
            throw new ImageAccessException("Image '" + key + "' cannot be read: " + e.getCause() + ".", e.getCause());
        }
    }

    /** Opens an object on a pool thread: the opening GET, retried with back-off. */
    private void open(String key, String object, CompletableFuture<Meta> opened) {
        try {
            opened.complete(attempt(key, object, () -> first(key, object)));
        } catch (Throwable e) {
            opened.completeExceptionally(e);
        }
    }

    /**
     * Opens an object: GETs its first {@value #READ_AHEAD} bytes, reads the first {@value #HEAD_BLOCK} of them,
     * learns size and ETag from the answer and remembers both the block and the metadata. The rest of the
     * answer becomes the read-ahead, still to be read by the reader that wants it (or, if the disk cache has
     * those bytes, taken from there and the answer dropped); once read in order, it goes to the disk cache.
     * Runs on the pool.
     */
    private Meta first(String key, String object) throws ImageAccessException, IOException {
        ObjectGets.Answer in;
        try {
            in = gets.get(object, 0, READ_AHEAD - 1, "");
        } catch (S3ErrorAnswer e) {
            if (e.status() != 416) {
                throw e;
            }
            // an empty object has no byte 0
            HeadObjectResponse head = client.headObject(HeadObjectRequest.builder().bucket(location.bucket()).key(object).build());
            Meta m = new Meta(head.contentLength() == null ? 0 : head.contentLength(), head.eTag() == null ? "" : head.eTag(),
                    System.nanoTime());
            remember(object, m, new byte[0]);
            return m;
        }
        boolean handedOver = false;
        boolean readToEnd = false;
        try {
            long n = in.contentLength();
            if (n < 0 || n > READ_AHEAD) {
                throw new ImageAccessException("Image '" + key + "' in " + location.describe() + ": " + location.endpointName()
                        + " answered a request for the first " + READ_AHEAD + " bytes with " + n
                        + " bytes; the server must support byte ranges.");
            }
            byte[] block = new byte[(int) Math.min(HEAD_BLOCK, n)];
            int got = in.body().readNBytes(block, 0, block.length);
            if (got < block.length) {
                block = Arrays.copyOf(block, got); // the answer broke off: reported below
            }
            long size = ContentRange.total(in.contentRange(), n);
            Meta m = new Meta(size, in.etag(), System.nanoTime());
            if (block.length != Math.min(HEAD_BLOCK, size)) {
                throw new ImageAccessException("Image '" + key + "' in " + location.describe() + ": " + location.endpointName()
                        + " returned " + block.length + " bytes for the first " + Math.min(HEAD_BLOCK, size) + " of " + size + ".");
            }
            remember(object, m, block);
            int rest = (int) n - block.length;
            if (rest == 0) {
                readToEnd = true;
                return m;
            }
            String cacheId = identity(object, m, block.length, rest);
            Optional<DiskCache> cache = options.diskCache();
            Optional<byte[]> cached = cache.flatMap(c -> c.get(cacheId)).filter(b -> b.length == rest);
            ReadAhead ahead;
            if (cached.isPresent()) {
                ahead = ReadAhead.of(block.length, cached.get());
            } else {
                Consumer<byte[]> toDisk = cache.isPresent() && rest <= cache.get().maxBytes() / 4
                        ? all -> toDisk(cache.get(), cacheId, all)
                        : null;
                ahead = new ReadAhead(block.length, rest, in.body(), in::abort, pool, toDisk);
                handedOver = true;
            }
            hold(object + "\n" + m.etag(), ahead);
            return m;
        } finally {
            if (!handedOver && readToEnd) {
                in.close();
            } else if (!handedOver) {
                in.abort(); // the connection cannot be reused with unread bytes
            }
        }
    }

    /** Writes bytes to the disk cache on the pool, off the reader's thread; not once the store is closing. */
    private void toDisk(DiskCache cache, String id, byte[] bytes) {
        try {
            pool.execute(() -> cache.put(id, bytes));
        } catch (RejectedExecutionException e) {
            // closing: nothing reads this store's cache entries any more
        }
    }

    /** Remembers an object's metadata and keeps its head block (also on disk). */
    private void remember(String object, Meta m, byte[] block) {
        synchronized (meta) {
            meta.put(object, m);
        }
        keep(object + "\n" + m.etag(), block);
        options.diskCache().ifPresent(c -> c.put(identity(object, m, 0, block.length), block));
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
        keep(id, block);
        return block;
    }

    private String identity(String object, Meta m, long offset, int length) {
        return location.endpointName() + "\n" + location.bucket() + "\n" + object + "\n" + m.etag() + "\n" + offset + "+" + length;
    }

    /** Keeps a head block, forgetting the least recently used ones beyond the budget. */
    private void keep(String id, byte[] block) {
        synchronized (headBlocks) {
            byte[] old = headBlocks.put(id, block);
            headBlockBytes += block.length - (old == null ? 0 : old.length);
            for (var i = headBlocks.values().iterator(); headBlockBytes > HEAD_BLOCK_BUDGET && headBlocks.size() > 1;) {
                headBlockBytes -= i.next().length;
                i.remove();
            }
        }
    }

    private byte[] fetch(String key, String object, Meta m, long offset, int length) throws ImageAccessException {
        byte[] bytes = new byte[length];
        fetchInto(key, object, m, offset, bytes, 0, length);
        return bytes;
    }

    /** Fetches a range into {@code into} at {@code start}: from the disk cache, or in one GET or parallel parts. */
    private void fetchInto(String key, String object, Meta m, long offset, byte[] into, int start, int length)
            throws ImageAccessException {
        if (length == 0) {
            return;
        }
        String identity = identity(object, m, offset, length);
        Optional<DiskCache> cache = options.diskCache();
        if (cache.isPresent()) {
            Optional<byte[]> hit = cache.get().get(identity);
            if (hit.isPresent() && hit.get().length == length) {
                System.arraycopy(hit.get(), 0, into, start, length);
                return;
            }
        }
        int parts = length > SINGLE_GET_LIMIT ? (length + PART - 1) / PART : 1;
        List<Future<Integer>> futures = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int at = p * PART;
            int n = parts == 1 ? length : Math.min(PART, length - at);
            futures.add(submit(key, object, () -> get(key, object, m, offset + at, into, start + at, n)));
        }
        await(key, futures);
        if (cache.isPresent() && length <= cache.get().maxBytes() / 4) {
            cache.get().put(identity, start == 0 && length == into.length ? into : Arrays.copyOfRange(into, start, start + length));
        }
    }

    /**
     * One ranged GET, pinned to the ETag, streamed into {@code into} at {@code at}; runs on the pool.
     *
     * @return the bytes received
     */
    private int get(String key, String object, Meta m, long offset, byte[] into, int at, int length)
            throws ImageAccessException, IOException {
        Landed landed;
        try (ObjectGets.Answer answer = gets.get(object, offset, offset + length - 1, m.etag())) {
            // the answer is written into place only if it is exactly the range asked for
            long announced = answer.contentLength();
            long start = ContentRange.start(answer.contentRange());
            if (announced != length || start != offset) {
                answer.abort();
                landed = new Landed(announced, start, 0);
            } else {
                landed = new Landed(announced, start, answer.body().readNBytes(into, at, length));
            }
        } catch (S3ErrorAnswer e) {
            if (e.status() == 412) {
                synchronized (meta) {
                    meta.remove(object);
                }
                throw new ImageAccessException("Image '" + key + "' in " + location.describe()
                        + " changed while it was being read; open it again.", e);
            }
            throw e;
        }
        if (landed.start() != offset || landed.read() != length) {
            throw new ImageAccessException("Image '" + key + "' in " + location.describe() + ": " + location.endpointName()
                    + " returned " + Math.max(landed.read(), landed.announced()) + " bytes from " + landed.start()
                    + " for a range of " + length + " from " + offset + ".");
        }
        return landed.read();
    }

    /** What one ranged GET delivered: the announced length, the first byte's offset, the bytes written. */
    private record Landed(long announced, long start, int read) {
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
        List<ReadAhead> held;
        synchronized (readAheads) {
            held = new ArrayList<>(readAheads.values());
            readAheads.clear();
            readAheadBytes = 0;
        }
        held.forEach(ReadAhead::abort);
        pool.shutdownNow();
        client.close();
    }

    @Override
    public String toString() {
        return "S3ImageStore[" + location.describe() + "]";
    }
}
