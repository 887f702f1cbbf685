// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * A plane of unsigned 8-bit samples.
 *
 * @param width  width
 * @param height height
 * @param data   {@code width * height} samples, taken over (not copied); read each with
 *               {@link #unsigned(int)} or {@code & 0xFF}; do not modify
 */
public record BytePlane(int width, int height, byte[] data) implements Plane {

    /** Checks that the samples fill the plane. */
    public BytePlane {
        Plane.checkShape(width, height, data.length);
    }

    @Override
    public PixelType pixelType() {
        return PixelType.UINT8;
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
