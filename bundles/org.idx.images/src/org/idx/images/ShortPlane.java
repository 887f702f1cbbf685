// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/** A plane of unsigned 16-bit samples held in a {@code short[]}. */
public final class ShortPlane implements Plane {

    private final int width;
    private final int height;
    private final short[] data;

    /**
     * @param width  width
     * @param height height
     * @param data   {@code width * height} samples, taken over (not copied)
     */
    public ShortPlane(int width, int height, short[] data) {
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
        return PixelType.UINT16;
    }

    /** @return the samples; read each with {@link #unsigned(int)} or {@code & 0xFFFF}; do not modify */
    public short[] data() {
        return data;
    }

    /**
     * @param i sample index
     * @return the unsigned sample, 0 to 65535
     */
    public int unsigned(int i) {
        return data[i] & 0xFFFF;
    }

    @Override
    public double value(int x, int y) {
        return data[y * width + x] & 0xFFFF;
    }
}
