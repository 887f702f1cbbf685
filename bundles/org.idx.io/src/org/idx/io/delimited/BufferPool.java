// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.util.ArrayDeque;

/** Chunk buffers handed from one chunk parse to the next within one read, to spare the allocator. */
final class BufferPool {

    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();

    /** @return a buffer of at least {@code length} bytes */
    synchronized byte[] take(int length) {
        byte[] buffer = spare.poll();
        return buffer != null && buffer.length >= length ? buffer : new byte[length];
    }

    /** @param buffer a buffer no longer used */
    synchronized void give(byte[] buffer) {
        spare.push(buffer);
    }
}
