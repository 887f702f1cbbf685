// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

import java.util.BitSet;

import org.idx.plot.internal.Parallel;

/**
 * Paints the point layer of a scatter plot into an {@link ArgbRaster}.
 * <p>
 * <b>Points mode</b> stamps every plottable point (rows with NaN in x or y are NA and skipped;
 * non-positive values on a log axis are skipped and counted) in row order, in its own colour,
 * blending by alpha; highlighted rows are then painted on top in the highlight style. A first
 * pass, parallel over point ranges, maps every point to its pixel; then the raster is split
 * into horizontal bands painted in parallel, each visiting the points in the same order, so
 * the image equals a sequential paint exactly. The raster may be at most
 * {@value PixelPositions#MAX_SIZE} pixels wide and high.
 * <p>
 * <b>Density mode</b> counts the visible points per pixel (parallel over point ranges with one
 * count grid per thread) and colours each non-empty pixel by {@code log(1 + count) /
 * log(1 + maxCount)} through the density ramp; highlighted rows are painted on top as points.
 * The point colours are not used. {@link RenderMode#AUTO} picks density when the number of
 * visible points exceeds {@code densityThreshold * width * height}.
 * <p>
 * The raster is not cleared: fill it with the background (or transparent) first. Instances are
 * stateless and thread-safe.
 */
public final class ScatterRasterizer {

    private static final int BANDS_PER_THREAD = 2;

    /**
     * Paints the points.
     *
     * @param x x values per row, NaN for NA
     * @param y y values per row, NaN for NA
     * @param colors the colour of each point
     * @param highlight rows to paint on top in the highlight style, or null
     * @param viewport the data window and plot area size
     * @param raster the target, of the viewport's size
     * @param options mode and styles
     * @return what was painted
     */
    public RenderResult render(double[] x, double[] y, PointColors colors, BitSet highlight, Viewport viewport,
            ArgbRaster raster, RenderOptions options) {
        if (raster.width() != viewport.width() || raster.height() != viewport.height()) {
            throw new IllegalArgumentException("raster " + raster.width() + "x" + raster.height()
                    + " does not match viewport " + viewport.width() + "x" + viewport.height());
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        RenderMode mode = options.mode();
        PointCounts counts = PointCounts.of(x, y, viewport, mode != RenderMode.POINTS);
        if (mode == RenderMode.AUTO) {
            double pixels = (double) viewport.width() * viewport.height();
            mode = counts.visible > options.densityThreshold() * pixels ? RenderMode.DENSITY : RenderMode.POINTS;
        }
        BitSet hl = highlight == null ? new BitSet() : highlight;
        int maxDensity = 0;
        if (mode == RenderMode.DENSITY) {
            maxDensity = paintDensity(counts.grid, raster, options.densityRamp());
            paintBands(x, y, colors, hl, viewport, raster, options, false);
        } else {
            paintBands(x, y, colors, hl, viewport, raster, options, true);
        }
        return new RenderResult(mode, counts.visible, counts.outside, counts.na, counts.notPlottable, maxDensity);
    }

    private static int paintDensity(int[] grid, ArgbRaster raster, ColorRamp ramp) {
        int max = max(grid);
        if (max == 0) {
            return 0;
        }
        int tableSize = Math.min(max, 1 << 16) + 1;
        int[] table = new int[tableSize];
        double norm = Math.log1p(max);
        for (int c = 1; c < tableSize; c++) {
            table[c] = ramp.color(Math.log1p(c) / norm);
        }
        int top = ramp.color(1);
        int[] pixels = raster.pixels();
        int rows = raster.height();
        int w = raster.width();
        int chunks = Parallel.chunksFor(grid.length);
        Parallel.forEach(chunks, part -> {
            int from = Parallel.chunkStart(rows, chunks, part) * w;
            int to = Parallel.chunkStart(rows, chunks, part + 1) * w;
            for (int i = from; i < to; i++) {
                int c = grid[i];
                if (c > 0) {
                    int color = c < tableSize ? table[c] : (c == max ? top : ramp.color(Math.log1p(c) / norm));
                    pixels[i] = Blend.over(color, pixels[i]);
                }
            }
        });
        return max;
    }

    private static int max(int[] grid) {
        int max = 0;
        for (int c : grid) {
            max = Math.max(max, c);
        }
        return max;
    }

    private static void paintBands(double[] x, double[] y, PointColors colors, BitSet highlight, Viewport viewport,
            ArgbRaster raster, RenderOptions options, boolean withOrdinary) {
        int n = x.length;
        int h = raster.height();
        int margin = Math.max(options.points().radius(), options.highlight().radius());
        int painted = withOrdinary ? n : highlight.cardinality();
        int chunks = Parallel.chunksFor(painted);
        int[] packed = PixelPositions.of(x, y, viewport, margin, withOrdinary ? null : highlight, chunks);
        int bands = chunks == 1 ? 1 : Math.min(h, chunks * BANDS_PER_THREAD);
        Parallel.forEach(bands, band -> {
            int y0 = Parallel.chunkStart(h, bands, band);
            int y1 = Parallel.chunkStart(h, bands, band + 1);
            if (withOrdinary) {
                Stamp stamp = new Stamp(raster, y0, y1, options.points());
                for (int i = highlight.nextClearBit(0); i < n;) {
                    int end = highlight.nextSetBit(i);
                    if (end < 0 || end > n) {
                        end = n;
                    }
                    paintRun(packed, i, end, margin, y0, y1, options.points(), stamp, colors, 0);
                    i = highlight.nextClearBit(end);
                }
            }
            Stamp top = new Stamp(raster, y0, y1, options.highlight());
            for (int i = highlight.nextSetBit(0); i >= 0 && i < n; i = highlight.nextSetBit(i + 1)) {
                int end = Math.min(n, highlight.nextClearBit(i));
                paintRun(packed, i, end, margin, y0, y1, options.highlight(), top, colors, options.highlightColor());
                i = end;
            }
        });
    }

    /**
     * Paints rows [from, to) that reach the band [y0, y1), in their own colour or in
     * {@code fixedColor} when it is not 0.
     */
    private static void paintRun(int[] packed, int from, int to, int margin, int y0, int y1, PointStyle style,
            Stamp stamp, PointColors colors, int fixedColor) {
        int r = style.radius();
        int alpha = style.alpha();
        int low = y0 - r + margin;
        int high = y1 + r + margin;
        for (int i = from; i < to; i++) {
            int p = packed[i];
            int row = p >>> 16;
            if (p < 0 || row < low || row >= high) {
                continue;
            }
            int argb = fixedColor != 0 ? fixedColor : colors.argb(i);
            stamp.paint((p & 0xFFFF) - margin, row - margin, Blend.withAlpha(argb, alpha));
        }
    }
}
