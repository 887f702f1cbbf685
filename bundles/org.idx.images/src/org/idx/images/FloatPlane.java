// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * A plane of 32-bit floating-point samples.
 *
 * @param width  width
 * @param height height
 * @param data   {@code width * height} samples, taken over (not copied); do not modify
 */
public record FloatPlane(int width, int height, float[] data) implements Plane {

    /** Checks that the samples fill the plane. */
    public FloatPlane {
        Plane.checkShape(width, height, data.length);
    }

    @Override
    public PixelType pixelType() {
        return PixelType.FLOAT32;
    }

    @Override
    public double value(int x, int y) {
        return data[y * width + x];
    }
}
