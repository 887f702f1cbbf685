// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * The bytes of one range of a stored object, read front to back in pieces: a reader decodes each piece
 * (a TIFF strip, a tile) while a remote store is still receiving the next ones, instead of waiting for
 * the whole range. Opened by {@link ImageStore#openRange(String, long, int)}; not thread-safe; close it
 * when done, also when not read to its end.
 */
public interface RangeInput extends AutoCloseable {

    /**
     * Reads the next bytes of the range, waiting until they are all there.
     *
     * @param into   where to put them
     * @param at     the index in {@code into} of the first byte
     * @param length how many bytes; at most what is left of the range
     * @throws ImageAccessException     if the bytes cannot be read, or the reading thread is interrupted (cancel)
     * @throws IllegalArgumentException if {@code length} goes beyond the range
     */
    void readNext(byte[] into, int at, int length) throws ImageAccessException;

    /** Releases what the range holds; reading it afterwards is an error. */
    @Override
    void close();

    /**
     * @param bytes the whole range, already read
     * @return a range input that serves those bytes
     */
    static RangeInput of(byte[] bytes) {
        return new SequentialRange(0, bytes.length) {

            @Override
            protected void read(long offset, byte[] into, int at, int length) {
                System.arraycopy(bytes, (int) offset, into, at, length);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
