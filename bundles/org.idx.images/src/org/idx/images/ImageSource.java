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
}
