// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of an object that follow its head block, read into memory from the rest of the opening
 * GET's answer while the caller already parses the head block: the read that usually comes next (a
 * TIFF plane right after its header, the rest of a chunk) then costs no request of its own. One pool
 * thread {@linkplain #fill() fills} it; readers {@linkplain #copy(long, byte[], int, int) copy} from it,
 * waiting only for the bytes they need. If the answer breaks off (server gone, timeout, aborted), the
 * bytes received so far stay usable and readers fetch the rest with ranged GETs of their own, so
 * reading ahead never makes a read fail. Thread-safe.
 */
final class ReadAhead {

    /** Readers are woken every this many bytes, and copy what has arrived meanwhile. */
    private static final int STEP = 512 * 1024;

    private final long start;
    private final int length;
    private final InputStream in;
    private final Runnable abort;
    /** Allocated by {@link #fill()}, on the pool thread, so that the opener is not kept waiting for it. */
    private byte[] bytes;
    private int filled;
    private boolean over;

    /**
     * @param start  the object offset of the first byte the stream delivers
     * @param length how many bytes the stream delivers
     * @param in     the rest of the answer, positioned at {@code start}; closed (or aborted) by {@link #fill()}
     * @param abort  drops the connection of the answer; run by {@link #fill()} when it stops before the end
     */
    ReadAhead(long start, int length, InputStream in, Runnable abort) {
        this.start = start;
        this.length = length;
        this.in = in;
        this.abort = abort;
    }

    /**
     * @param start the object offset of {@code bytes[0]}
     * @param bytes bytes already at hand (from the disk cache)
     * @return a read-ahead that is already complete
     */
    static ReadAhead of(long start, byte[] bytes) {
        ReadAhead ahead = new ReadAhead(start, bytes.length, InputStream.nullInputStream(), () -> {
        });
        ahead.bytes = bytes;
        ahead.filled = bytes.length;
        ahead.over = true;
        return ahead;
    }

    /** @return the object offset of the first byte */
    long start() {
        return start;
    }

    /** @return the object offset after the last byte */
    long end() {
        return start + length;
    }

    /** @return how many bytes it holds when complete */
    int length() {
        return length;
    }

    /**
     * Reads the stream to its end (or until it fails or is aborted), then closes it. Runs on a pool thread.
     *
     * @return the bytes, if all of them arrived; null otherwise
     */
    byte[] fill() {
        int at = 0;
        boolean complete = false;
        try {
            byte[] into = new byte[length];
            synchronized (this) {
                if (over) {
                    return null; // aborted before it started
                }
                bytes = into;
            }
            int published = 0;
            while (at < length) {
                if (Thread.currentThread().isInterrupted()) {
                    return null;
                }
                int n = in.read(into, at, length - at);
                if (n < 0) {
                    return null;
                }
                at += n;
                synchronized (this) {
                    if (over) {
                        return null; // aborted meanwhile
                    }
                    if (at - published >= STEP || at == length) {
                        filled = published = at;
                        notifyAll();
                    }
                }
            }
            complete = true;
            return into;
        } catch (IOException | RuntimeException broken) {
            // readers fetch what is missing themselves
            return null;
        } finally {
            synchronized (this) {
                if (!over && bytes != null) {
                    filled = at; // what arrived before a failure is still good
                }
                over = true;
                notifyAll();
            }
            if (complete) {
                try {
                    in.close(); // read to its end: the connection can be reused
                } catch (IOException e) {
                    // nothing to keep
                }
            } else {
                abort.run(); // on this thread, which is the one reading: never blocks on the reader
            }
        }
    }

    /**
     * Copies bytes from {@code offset} on into {@code into} as they arrive (each part as soon as it is there,
     * so that copying overlaps the transfer). Copies fewer than asked for if the range goes beyond
     * {@link #end()} or the answer broke off.
     *
     * @param offset the object offset of the first byte, in [{@link #start()}, {@link #end()})
     * @param into   where to copy to
     * @param at     the index in {@code into} of the first byte
     * @param count  the most bytes to copy
     * @return the bytes copied (those from {@code offset} on that arrived)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    int copy(long offset, byte[] into, int at, int count) throws InterruptedException {
        if (offset < start || offset >= end()) {
            throw new IllegalArgumentException("offset " + offset + " outside [" + start + ", " + end() + ")");
        }
        int from = (int) (offset - start);
        int until = (int) Math.min((long) from + count, length);
        int copied = from;
        while (copied < until) {
            int available;
            byte[] source;
            synchronized (this) {
                while (filled <= copied && !over) {
                    wait();
                }
                available = Math.min(until, filled);
                source = bytes;
            }
            if (available <= copied) {
                break; // broke off: the rest is not coming
            }
            System.arraycopy(source, copied, into, at + copied - from, available - copied);
            copied = available;
        }
        return copied - from;
    }

    /**
     * Stops reading: no more bytes arrive and waiting readers go on with what is there at once; the reading
     * thread drops the connection when its current read returns (at the latest after the read timeout).
     */
    void abort() {
        synchronized (this) {
            over = true;
            notifyAll();
        }
    }
}
