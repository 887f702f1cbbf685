// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * One decoded 2-D plane, samples in row-major order ({@code index = y * width + x}). Planes are
 * shared (for example through a {@link PlaneCache}): callers must not modify the arrays.
 */
public sealed interface Plane permits BytePlane, ShortPlane, FloatPlane {

    /** @return width in pixels */
    int width();

    /** @return height in pixels */
    int height();

    /** @return the sample type */
    PixelType pixelType();

    /**
     * @param x column
     * @param y row
     * @return the sample as a double (unsigned for the integer types)
     */
    double value(int x, int y);

    /** @return the bytes the samples occupy */
    default long sizeInBytes() {
        return (long) width() * height() * pixelType().bytesPerSample();
    }

    /**
     * Checks that an array holds exactly one plane.
     *
     * @param width  width
     * @param height height
     * @param length array length
     */
    static void checkShape(int width, int height, int length) {
        if (width <= 0 || height <= 0 || (long) width * height != length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " plane cannot hold " + length + " samples");
        }
    }
}
