// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

import java.util.BitSet;

import org.idx.plot.internal.Parallel;

/**
 * Paints the point layer of a scatter plot into an {@link ArgbRaster}.
 * <p>
 * <b>Points mode</b> stamps every plottable point (rows with NaN in x or y are NA and skipped;
 * non-positive values on a log axis are skipped and counted) in row order, in its own colour,
 * blending by alpha; the optional <em>foreground</em> rows (e.g. the labelled rows of a plot
 * coloured by labels) are then painted in row order above all the others, in their own colour and
 * the point style; highlighted rows are painted last, on top, in the highlight style. A first
 * pass, parallel over point ranges, maps every point to its pixel; then the raster is split
 * into horizontal bands painted in parallel, each visiting the points in the same order, so
 * the image equals a sequential paint exactly. The raster may be at most
 * {@value PixelPositions#MAX_SIZE} pixels wide and high.
 * <p>
 * <b>Density mode</b> counts the visible points per pixel (parallel over point ranges with one
 * count grid per thread) and colours each non-empty pixel by {@code log(1 + count) /
 * log(1 + maxCount)} through the density ramp; foreground rows are painted over it as points in
 * their own colour, then highlighted rows in the highlight style. The counts include the
 * foreground rows: the density shows where all the visible points are, and does not change when
 * rows join or leave the foreground (nor does the automatic choice below). The colours of the
 * other points are not used. {@link RenderMode#AUTO} picks density when the number of
 * visible points exceeds {@code densityThreshold * width * height}.
 * <p>
 * The raster is not cleared: fill it with the background (or transparent) first. Instances are
 * stateless and thread-safe.
 */
public final class ScatterRasterizer {

    private static final int BANDS_PER_THREAD = 2;

    /**
     * Paints the points without a foreground.
     *
     * @param x x values per row, NaN for NA
     * @param y y values per row, NaN for NA
     * @param colors the colour of each point
     * @param highlight rows to paint on top in the highlight style, or null
     * @param viewport the data window and plot area size
     * @param raster the target, of the viewport's size
     * @param options mode and styles
     * @return what was painted
     * @see #render(double[], double[], PointColors, BitSet, BitSet, Viewport, ArgbRaster, RenderOptions)
     */
    public RenderResult render(double[] x, double[] y, PointColors colors, BitSet highlight, Viewport viewport,
            ArgbRaster raster, RenderOptions options) {
        return render(x, y, colors, null, highlight, viewport, raster, options);
    }

    /**
     * Paints the points, the foreground rows above the others and the highlighted rows on top.
     * Without foreground rows the image is the same as without a foreground.
     *
     * @param x x values per row, NaN for NA
     * @param y y values per row, NaN for NA
     * @param colors the colour of each point
     * @param foreground rows to paint above the others in their own colour, also as points over
     *        a density image, or null
     * @param highlight rows to paint on top in the highlight style, or null
     * @param viewport the data window and plot area size
     * @param raster the target, of the viewport's size
     * @param options mode and styles
     * @return what was painted
     */
    public RenderResult render(double[] x, double[] y, PointColors colors, BitSet foreground, BitSet highlight,
            Viewport viewport, ArgbRaster raster, RenderOptions options) {
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
        BitSet front = new BitSet();
        if (foreground != null && !foreground.isEmpty()) {
            front.or(foreground);
            front.andNot(hl);
        }
        int maxDensity = 0;
        if (mode == RenderMode.DENSITY) {
            maxDensity = paintDensity(counts.grid, raster, options.densityRamp());
            paintBands(x, y, colors, front, hl, viewport, raster, options, false);
        } else {
            paintBands(x, y, colors, front, hl, viewport, raster, options, true);
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

    /**
     * Paints, band by band, the ordinary rows (neither in {@code front} nor highlighted) when
     * {@code withOrdinary}, then the {@code front} rows, then the highlighted rows, each group in
     * row order. {@code front} and {@code highlight} are disjoint. The positions of the front and
     * highlighted rows are moved into short arrays of their own, so the ordinary pass reads one
     * array straight through and the others read only their rows.
     */
    private static void paintBands(double[] x, double[] y, PointColors colors, BitSet front, BitSet highlight,
            Viewport viewport, ArgbRaster raster, RenderOptions options, boolean withOrdinary) {
        int n = x.length;
        int h = raster.height();
        int margin = Math.max(options.points().radius(), options.highlight().radius());
        BitSet special = highlight;
        if (!front.isEmpty()) {
            special = (BitSet) front.clone();
            special.or(highlight);
        }
        int painted = withOrdinary ? n : special.cardinality();
        int chunks = Parallel.chunksFor(painted);
        int[] packed = PixelPositions.of(x, y, viewport, margin, withOrdinary ? null : special, chunks);
        Subset first = Subset.take(packed, front, n);
        Subset top = Subset.take(packed, highlight, n);
        int bands = chunks == 1 ? 1 : Math.min(h, chunks * BANDS_PER_THREAD);
        Parallel.forEach(bands, band -> {
            int y0 = Parallel.chunkStart(h, bands, band);
            int y1 = Parallel.chunkStart(h, bands, band + 1);
            Stamp stamp = new Stamp(raster, y0, y1, options.points());
            if (withOrdinary) {
                paintRun(packed, null, n, margin, y0, y1, options.points(), stamp, colors, 0);
            }
            paintRun(first.packed, first.rows, first.rows.length, margin, y0, y1, options.points(), stamp, colors, 0);
            paintRun(top.packed, top.rows, top.rows.length, margin, y0, y1, options.highlight(),
                    new Stamp(raster, y0, y1, options.highlight()), colors, options.highlightColor());
        });
    }

    /** The rows of a set in row order with their packed positions, taken out of the full array. */
    private record Subset(int[] rows, int[] packed) {

        /** Copies the positions of {@code set}'s rows below {@code n} and marks them -1 in {@code all}. */
        static Subset take(int[] all, BitSet set, int n) {
            int count = set.isEmpty() ? 0 : set.get(0, n).cardinality();
            int[] rows = new int[count];
            int[] packed = new int[count];
            int k = 0;
            for (int i = set.nextSetBit(0); k < count; i = set.nextSetBit(i + 1)) {
                rows[k] = i;
                packed[k++] = all[i];
                all[i] = -1;
            }
            return new Subset(rows, packed);
        }
    }

    /**
     * Paints the first {@code count} points of {@code packed} that reach the band [y0, y1): point
     * {@code k} is row {@code rows[k]} (row {@code k} when {@code rows} is null), in its own colour
     * or in {@code fixedColor} when it is not 0.
     */
    private static void paintRun(int[] packed, int[] rows, int count, int margin, int y0, int y1, PointStyle style,
            Stamp stamp, PointColors colors, int fixedColor) {
        int r = style.radius();
        int alpha = style.alpha();
        int low = y0 - r + margin;
        int high = y1 + r + margin;
        for (int k = 0; k < count; k++) {
            int p = packed[k];
            int row = p >>> 16;
            if (p < 0 || row < low || row >= high) {
                continue;
            }
            int argb = fixedColor != 0 ? fixedColor : colors.argb(rows == null ? k : rows[k]);
            stamp.paint((p & 0xFFFF) - margin, row - margin, Blend.withAlpha(argb, alpha));
        }
    }
}
