// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

import java.util.Arrays;

/**
 * A width x height image of non-premultiplied ARGB pixels, row-major from the top-left, as
 * SWT's {@code ImageData} and AWT's {@code TYPE_INT_ARGB} expect. The pixel array is exposed
 * (not copied) so a view can blit it without another copy.
 */
public final class ArgbRaster {

    private final int width;
    private final int height;
    private final int[] pixels;

    /**
     * Creates a fully transparent raster.
     *
     * @param width width in pixels, positive
     * @param height height in pixels, positive
     */
    public ArgbRaster(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("raster size must be positive: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[Math.multiplyExact(width, height)];
    }

    /** @return width in pixels */
    public int width() {
        return width;
    }

    /** @return height in pixels */
    public int height() {
        return height;
    }

    /** @return the live pixel array, {@code pixels[y * width + x]} */
    public int[] pixels() {
        return pixels;
    }

    /**
     * @param x column
     * @param y row, 0 at the top
     * @return the ARGB value there
     */
    public int get(int x, int y) {
        return pixels[y * width + x];
    }

    /**
     * Fills every pixel.
     *
     * @param argb the colour, e.g. 0 for transparent or 0xFFFFFFFF for opaque white
     */
    public void fill(int argb) {
        Arrays.fill(pixels, argb);
    }
}
