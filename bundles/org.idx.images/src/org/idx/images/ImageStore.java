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

    /** @return a short description of the root for messages, e.g. the folder's path */
    String describe();
}
