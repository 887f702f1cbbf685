// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Positional, thread-safe reads of a file of any size: positions are {@code long}, each read
 * fills a caller's byte array (so no single int index spans the file).
 */
final class ByteSource {

    private final FileChannel channel;
    private final long size;

    ByteSource(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    long size() {
        return size;
    }

    /**
     * Reads {@code min(length, size - position)} bytes at {@code position}.
     *
     * @return the number of bytes read
     */
    int read(long position, byte[] target, int offset, int length) throws IOException {
        int wanted = (int) Math.max(0, Math.min(length, size - position));
        ByteBuffer buffer = ByteBuffer.wrap(target, offset, wanted);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        return (int) (at - position);
    }
}
