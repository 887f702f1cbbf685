// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * Reads one family of image formats. Contributed through the extension point
 * {@code org.idx.images.readers} (see {@code schema/readers.exsd}); an implementation needs a public
 * no-argument constructor, keeps no per-image state and is thread-safe.
 */
public interface ImageReader {

    /**
     * Opens an image: reads its header and metadata (not its planes).
     *
     * @param store  where the bytes live
     * @param key    the image's key in the store
     * @param limits the largest plane the caller accepts
     * @return the opened image
     * @throws ImageAccessException if the image cannot be read, is malformed, unsupported, or exceeds the limits;
     *                              the message names the key
     */
    ImageSource open(ImageStore store, String key, ReadLimits limits) throws ImageAccessException;
}
