// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageStore;

/**
 * Wraps a store and counts what is read through it (keys, requests, bytes), so that tests and
 * benchmarks can say how much a view or a crop fetched. Thread-safe.
 */
public final class CountingStore implements ImageStore {

    private final ImageStore delegate;
    private final List<String> keys = new ArrayList<>();
    private final List<String> probes = new ArrayList<>();
    private final AtomicLong bytes = new AtomicLong();

    /** @param delegate the store read */
    public CountingStore(ImageStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public long size(String key) throws ImageAccessException {
        synchronized (keys) {
            probes.add(key);
        }
        return delegate.size(key);
    }

    @Override
    public byte[] read(String key) throws ImageAccessException {
        return counted(key, delegate.read(key));
    }

    @Override
    public byte[] read(String key, long offset, int length) throws ImageAccessException {
        return counted(key, delegate.read(key, offset, length));
    }

    private byte[] counted(String key, byte[] read) {
        synchronized (keys) {
            keys.add(key);
        }
        bytes.addAndGet(read.length);
        return read;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    /** @return the keys read since the last {@link #reset()}, in order, one entry per read */
    public List<String> keys() {
        synchronized (keys) {
            return List.copyOf(keys);
        }
    }

    /**
     * @return the keys whose size was asked since the last {@link #reset()} (a HEAD request on S3), found or
     *         not, in order, one entry per request
     */
    public List<String> probes() {
        synchronized (keys) {
            return List.copyOf(probes);
        }
    }

    /** @return the bytes read since the last {@link #reset()} */
    public long bytes() {
        return bytes.get();
    }

    /** Forgets what was counted. */
    public void reset() {
        synchronized (keys) {
            keys.clear();
            probes.clear();
        }
        bytes.set(0);
    }
}
