// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

/**
 * Paints one point's footprint into a horizontal band of a raster, clipped to the band and the
 * raster width. Not thread-safe; each band thread uses its own instance.
 */
final class Stamp {

    private final int[] pixels;
    private final int width;
    private final int bandStart;
    private final int bandEnd;
    private final int radius;
    private final int[] halfWidths;

    Stamp(ArgbRaster raster, int bandStart, int bandEnd, PointStyle style) {
        this.pixels = raster.pixels();
        this.width = raster.width();
        this.bandStart = bandStart;
        this.bandEnd = bandEnd;
        this.radius = style.radius();
        this.halfWidths = halfWidths(style);
    }

    private static int[] halfWidths(PointStyle style) {
        int r = style.radius();
        int[] half = new int[2 * r + 1];
        for (int dy = -r; dy <= r; dy++) {
            half[dy + r] = style.shape() == PointShape.SQUARE ? r
                    : (int) Math.floor(Math.sqrt((r + 0.5) * (r + 0.5) - dy * dy));
        }
        return half;
    }

    /**
     * @param ix pixel column of the point's centre
     * @param iy pixel row of the point's centre
     * @param argb colour (alpha already applied)
     */
    void paint(int ix, int iy, int argb) {
        boolean opaque = (argb >>> 24) == 255;
        int rowFrom = Math.max(bandStart, iy - radius);
        int rowTo = Math.min(bandEnd - 1, iy + radius);
        for (int row = rowFrom; row <= rowTo; row++) {
            int hw = halfWidths[row - iy + radius];
            int from = Math.max(0, ix - hw);
            int to = Math.min(width - 1, ix + hw);
            int base = row * width;
            if (opaque) {
                for (int x = from; x <= to; x++) {
                    pixels[base + x] = argb;
                }
            } else {
                for (int x = from; x <= to; x++) {
                    pixels[base + x] = Blend.over(argb, pixels[base + x]);
                }
            }
        }
    }
}
