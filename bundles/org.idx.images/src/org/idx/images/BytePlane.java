// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/** A plane of unsigned 8-bit samples. */
public final class BytePlane implements Plane {

    private final int width;
    private final int height;
    private final byte[] data;

    /**
     * @param width  width
     * @param height height
     * @param data   {@code width * height} samples, taken over (not copied)
     */
    public BytePlane(int width, int height, byte[] data) {
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
        return PixelType.UINT8;
    }

    /** @return the samples; read each with {@code & 0xFF}; do not modify */
    public byte[] data() {
        return data;
    }

    /**
     * @param i sample index
     * @return the unsigned sample
     */
    public int unsigned(int i) {
        return data[i] & 0xFF;
    }

    @Override
    public double value(int x, int y) {
        return data[y * width + x] & 0xFF;
    }
}
