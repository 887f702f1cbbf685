// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * An opened image: its metadata, and its planes on demand. Obtained from
 * {@link ImageReader#open(ImageStore, String, ReadLimits)}; safe to use from several threads.
 * Holds no open files, so it needs no closing.
 */
public interface ImageSource {

    /** @return the key the image was opened from */
    String key();

    /** @return the image's dimensions and sample type */
    ImageMetadata metadata();

    /**
     * Reads and decodes one plane, fetching only the bytes that plane needs where the format allows.
     *
     * @param index a plane inside {@link #metadata()}'s ranges
     * @return the decoded plane
     * @throws ImageAccessException     if the bytes cannot be read or decoded
     * @throws IllegalArgumentException if the index lies outside the image
     */
    Plane plane(PlaneIndex index) throws ImageAccessException;

    /**
     * Reads a rectangle of one plane, e.g. a gallery crop. By default it cuts the rectangle out of
     * {@link #plane(PlaneIndex)}; a format that can fetch only the bytes of the rectangle (chunked or
     * tiled images) overrides it and says so with {@link #readsRegionsDirectly()}.
     *
     * @param index  a plane inside {@link #metadata()}'s ranges
     * @param region the rectangle, in pixels of the plane; samples past the plane's borders read as zero
     * @return the rectangle's samples, {@code region.width() x region.height()}
     * @throws ImageAccessException     if the bytes cannot be read or decoded
     * @throws IllegalArgumentException if the index lies outside the image
     */
    default Plane region(PlaneIndex index, PlaneRegion region) throws ImageAccessException {
        return region.cut(plane(index));
    }

    /**
     * @return whether {@link #region(PlaneIndex, PlaneRegion)} reads less than the whole plane (so a
     *         caller with a cache of whole planes does better to crop a cached plane only when it holds one)
     */
    default boolean readsRegionsDirectly() {
        return false;
    }
}
