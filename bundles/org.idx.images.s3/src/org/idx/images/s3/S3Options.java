// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link S3ImageStore} talks to its server: timeouts, retries, parallelism and the disk cache.
 *
 * @param connectTimeout the longest wait for a TCP/TLS connection
 * @param readTimeout    the longest wait for the next bytes of an answer
 * @param maxAttempts    attempts per request (1 = no retry); 5xx answers, 429, timeouts and refused
 *                       connections are retried, other failures are not
 * @param backoff        the pause before the first retry; it doubles for each further one
 * @param parallelism    the most requests in flight per store
 * @param diskCache      the cache of fetched ranges, or empty for none
 */
public record S3Options(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration backoff, int parallelism,
        Optional<DiskCache> diskCache) {

    /** 5 s to connect, 30 s per read, 4 attempts from 200 ms back-off, 8 requests in flight, no disk cache. */
    public static final S3Options DEFAULT = new S3Options(Duration.ofSeconds(5), Duration.ofSeconds(30), 4,
            Duration.ofMillis(200), 8, Optional.empty());

    /** Validates. */
    public S3Options {
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(readTimeout);
        Objects.requireNonNull(backoff);
        Objects.requireNonNull(diskCache);
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxAttempts < 1 || parallelism < 1 || backoff.isNegative()) {
            throw new IllegalArgumentException("maxAttempts and parallelism must be at least 1, backoff not negative");
        }
    }

    /**
     * @param connect the connect timeout
     * @param read    the read timeout
     * @return these options with other timeouts
     */
    public S3Options withTimeouts(Duration connect, Duration read) {
        return new S3Options(connect, read, maxAttempts, backoff, parallelism, diskCache);
    }

    /**
     * @param attempts attempts per request
     * @param pause    the first back-off pause
     * @return these options with other retries
     */
    public S3Options withRetries(int attempts, Duration pause) {
        return new S3Options(connectTimeout, readTimeout, attempts, pause, parallelism, diskCache);
    }

    /**
     * @param requests the most requests in flight
     * @return these options with another parallelism
     */
    public S3Options withParallelism(int requests) {
        return new S3Options(connectTimeout, readTimeout, maxAttempts, backoff, requests, diskCache);
    }

    /**
     * @param cache the disk cache, or null for none
     * @return these options with another disk cache
     */
    public S3Options withDiskCache(DiskCache cache) {
        return new S3Options(connectTimeout, readTimeout, maxAttempts, backoff, parallelism, Optional.ofNullable(cache));
    }
}
