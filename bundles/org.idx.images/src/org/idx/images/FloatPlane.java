// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/** A plane of 32-bit floating-point samples. */
public final class FloatPlane implements Plane {

    private final int width;
    private final int height;
    private final float[] data;

    /**
     * @param width  width
     * @param height height
     * @param data   {@code width * height} samples, taken over (not copied)
     */
    public FloatPlane(int width, int height, float[] data) {
        Plane.checkShape(width, height, data.length);
        this.width = width;
        this.height = height;
        this.data = data;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public PixelType pixelType() {
        return PixelType.FLOAT32;
    }

    /** @return the samples; do not modify */
    public float[] data() {
        return data;
    }

    @Override
    public double value(int x, int y) {
        return data[y * width + x];
    }
}
