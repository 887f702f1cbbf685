// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageStore;
import org.idx.images.RangeInput;

/**
 * Ranged access to one TIFF object in a store, with its byte order. Small reads (headers, IFDs, tag
 * arrays) go through a one-block cache so that walking an IFD chain costs few store reads; large
 * reads (strips, tiles) go straight to the store.
 */
final class TiffInput {

    private static final int BLOCK = 16 * 1024;

    private final ImageStore store;
    private final String key;
    private final long size;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean bigTiff;
    private long blockStart = -1;
    private byte[] block;

    TiffInput(ImageStore store, String key) throws ImageAccessException {
        this.store = store;
        this.key = key;
        this.size = store.size(key);
    }

    String key() {
        return key;
    }

    long size() {
        return size;
    }

    ByteOrder order() {
        return order;
    }

    boolean bigTiff() {
        return bigTiff;
    }

    /**
     * Reads the header.
     *
     * @return the offset of the first IFD
     */
    long readHeader() throws ImageAccessException, TiffFormatException {
        if (size < 8) {
            throw new TiffFormatException("the file has only " + size + " bytes, too few for a TIFF header");
        }
        ByteBuffer h = small(0, (int) Math.min(16, size));
        byte b0 = h.get(0);
        byte b1 = h.get(1);
        if (b0 == 'I' && b1 == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (b0 == 'M' && b1 == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new TiffFormatException("it does not start with a TIFF byte-order mark (II or MM)");
        }
        h.order(order);
        int magic = h.getShort(2) & 0xFFFF;
        if (magic == 42) {
            return h.getInt(4) & 0xFFFFFFFFL;
        }
        if (magic == 43) {
            if (size < 16 || h.getShort(4) != 8) {
                throw new TiffFormatException("its BigTIFF header is malformed");
            }
            bigTiff = true;
            return h.getLong(8);
        }
        throw new TiffFormatException("its TIFF version number is " + magic + ", not 42 (TIFF) or 43 (BigTIFF)");
    }

    /** Reads up to a block, through the block cache; the buffer has the file's byte order. */
    synchronized ByteBuffer small(long offset, int length) throws ImageAccessException, TiffFormatException {
        check(offset, length);
        if (length > BLOCK) {
            return ByteBuffer.wrap(store.read(key, offset, length)).order(order);
        }
        if (block == null || offset < blockStart || offset + length > blockStart + block.length) {
            int n = (int) Math.min(BLOCK, size - offset);
            n = Math.max(n, length);
            block = store.read(key, offset, n);
            blockStart = offset;
        }
        return ByteBuffer.wrap(block, (int) (offset - blockStart), length).slice().order(order);
    }

    /** Opens a range of the file to be read piece by piece, straight from the store. */
    RangeInput range(long offset, int length) throws ImageAccessException, TiffFormatException {
        check(offset, length);
        return store.openRange(key, offset, length);
    }

    private void check(long offset, long length) throws TiffFormatException {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new TiffFormatException("the file is truncated or corrupt: bytes " + offset + " to " + (offset + length)
                    + " are needed but the file has " + size + " bytes");
        }
    }
}
