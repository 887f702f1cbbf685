// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * A plane of unsigned 16-bit samples held in a {@code short[]}.
 *
 * @param width  width
 * @param height height
 * @param data   {@code width * height} samples, taken over (not copied); read each with
 *               {@link #unsigned(int)} or {@code & 0xFFFF}; do not modify
 */
public record ShortPlane(int width, int height, short[] data) implements Plane {

    /** Checks that the samples fill the plane. */
    public ShortPlane {
        Plane.checkShape(width, height, data.length);
    }

    @Override
    public PixelType pixelType() {
        return PixelType.UINT16;
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
