// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * A {@link RangeInput} that keeps its place: it checks each request against what is left of the range and
 * advances past the bytes read; a subclass only moves the bytes.
 */
public abstract class SequentialRange implements RangeInput {

    private final long end;
    private long position;

    /**
     * @param offset the object offset of the range's first byte
     * @param length the range's length
     */
    protected SequentialRange(long offset, int length) {
        this.position = offset;
        this.end = offset + length;
    }

    @Override
    public final void readNext(byte[] into, int at, int length) throws ImageAccessException {
        if (length < 0 || length > end - position) {
            throw new IllegalArgumentException(length + " bytes asked for, " + (end - position) + " left");
        }
        read(position, into, at, length);
        position += length;
    }

    /** @return the object offset after the range's last byte */
    protected final long end() {
        return end;
    }

    /**
     * Reads bytes of the range, waiting until they are all there.
     *
     * @param offset the object offset of the first byte, inside the range
     * @param into   where to put them
     * @param at     the index in {@code into} of the first byte
     * @param length how many bytes, all inside the range
     * @throws ImageAccessException if they cannot be read, or the thread is interrupted
     */
    protected abstract void read(long offset, byte[] into, int at, int length) throws ImageAccessException;
}
