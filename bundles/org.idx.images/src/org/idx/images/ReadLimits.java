// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * Bounds a reader enforces before allocating, so that a file declaring huge dimensions fails with a
 * message instead of exhausting memory. A plane never has more than {@code 2^31 - 1} pixels whatever
 * the limit.
 *
 * @param maxPlaneBytes the largest decoded plane, in bytes, a reader may allocate
 */
public record ReadLimits(long maxPlaneBytes) {

    /** The default: 1 GiB per plane. */
    public static final ReadLimits DEFAULT = new ReadLimits(1L << 30);

    /** The most pixels a plane may have: Java arrays are int-indexed. */
    public static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

    /** Validates. */
    public ReadLimits {
        if (maxPlaneBytes <= 0) {
            throw new IllegalArgumentException("maxPlaneBytes must be positive: " + maxPlaneBytes);
        }
    }

    /**
     * Checks that a plane's declared dimensions can be addressed, without bounding its bytes: for a format
     * that reads regions of a plane (a viewer shows a large level tile by tile), which checks
     * {@link #checkPlane} when a whole plane is read.
     *
     * @param key    the image key, for the message
     * @param width  declared width
     * @param height declared height
     * @throws ImageAccessException if the plane is empty or has more than 2^31 pixels
     */
    public void checkDimensions(String key, long width, long height) throws ImageAccessException {
        if (width <= 0 || height <= 0) {
            throw new ImageAccessException("Image '" + key + "' declares an empty plane of " + width + "x" + height + " pixels.");
        }
        if (width > MAX_PIXELS || height > MAX_PIXELS || width * height > MAX_PIXELS) {
            throw new ImageAccessException("Image '" + key + "' declares a plane of " + width + "x" + height
                    + " pixels, more than the 2^31 pixels a plane may have.");
        }
    }

    /**
     * Checks a plane's declared size.
     *
     * @param key       the image key, for the message
     * @param width     declared width
     * @param height    declared height
     * @param bytesPerPixel bytes per pixel as decoded (all samples of a pixel)
     * @throws ImageAccessException if the plane is too large
     */
    public void checkPlane(String key, long width, long height, int bytesPerPixel) throws ImageAccessException {
        if (width <= 0 || height <= 0) {
            throw new ImageAccessException("Image '" + key + "' declares an empty plane of " + width + "x" + height + " pixels.");
        }
        long pixels = width * height;
        if (width > MAX_PIXELS || height > MAX_PIXELS || pixels > MAX_PIXELS) {
            throw new ImageAccessException("Image '" + key + "' declares a plane of " + width + "x" + height
                    + " pixels, more than the 2^31 pixels a plane may have.");
        }
        long bytes = pixels * bytesPerPixel;
        if (bytes > maxPlaneBytes || bytes > MAX_PIXELS) {
            throw new ImageAccessException("Image '" + key + "' declares a plane of " + width + "x" + height + " pixels ("
                    + bytes + " bytes), more than the limit of " + Math.min(maxPlaneBytes, MAX_PIXELS) + " bytes per plane.");
        }
    }
}
