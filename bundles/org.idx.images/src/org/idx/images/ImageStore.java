// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * Where the bytes of images live: a local folder, later an object store. Keys are relative,
 * '/'-separated paths below the store's root; a store refuses any key that would leave its root.
 * Implementations are thread-safe.
 */
public interface ImageStore {

    /**
     * @param key a relative key
     * @return the object's size in bytes
     * @throws ImageAccessException if the key is refused or the object is missing or unreadable
     */
    long size(String key) throws ImageAccessException;

    /**
     * Reads a whole object. Meant for small objects (PNG, JPEG); large ones are read by range.
     *
     * @param key a relative key
     * @return the object's bytes
     * @throws ImageAccessException if the key is refused, the object is missing or unreadable, or larger than 2 GiB
     */
    byte[] read(String key) throws ImageAccessException;

    /**
     * Reads a byte range.
     *
     * @param key    a relative key
     * @param offset the first byte, {@code >= 0}
     * @param length the number of bytes, {@code >= 0}
     * @return exactly {@code length} bytes
     * @throws ImageAccessException if the key is refused, the object is missing or unreadable, or shorter than
     *                              {@code offset + length}
     */
    byte[] read(String key, long offset, int length) throws ImageAccessException;

    /**
     * Opens a byte range to be read front to back in pieces, so that a reader can decode the first pieces
     * while the store still receives the rest. The default reads the whole range at once; a remote store
     * hands out the pieces as they arrive.
     *
     * @param key    a relative key
     * @param offset the first byte, {@code >= 0}
     * @param length the number of bytes, {@code >= 0}
     * @return the range, to be closed after use
     * @throws ImageAccessException as {@link #read(String, long, int)}
     */
    default RangeInput openRange(String key, long offset, int length) throws ImageAccessException {
        return RangeInput.of(read(key, offset, length));
    }

    /** @return a short description of the root for messages, e.g. the folder's path */
    String describe();
}
