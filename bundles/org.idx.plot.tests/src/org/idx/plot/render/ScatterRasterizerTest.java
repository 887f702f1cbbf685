// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.Random;

import org.idx.plot.axis.PlotAxis;
import org.junit.jupiter.api.Test;

class ScatterRasterizerTest {

    private static final int RED = 0xFFFF0000;
    private static final int BLUE = 0xFF0000FF;
    private static final int HIGHLIGHT = 0xFF00FF00;
    private static final int GREY = 0xFFC4C4C4;

    private final ScatterRasterizer rasterizer = new ScatterRasterizer();

    private static RenderOptions points(int radius) {
        return RenderOptions.defaults().withMode(RenderMode.POINTS)
                .withPoints(new PointStyle(radius, PointShape.SQUARE, 255))
                .withHighlight(new PointStyle(radius, PointShape.SQUARE, 255), HIGHLIGHT);
    }

    private static Viewport tenByTen() {
        return new Viewport(PlotAxis.linear(0, 10), PlotAxis.linear(0, 10), 10, 10);
    }

    @Test
    void pointLandsOnExpectedPixel() {
        ArgbRaster raster = new ArgbRaster(10, 10);
        RenderResult r = rasterizer.render(new double[] {2.5}, new double[] {7.5}, PointColors.uniform(RED), null,
                tenByTen(), raster, points(0));
        assertEquals(RED, raster.get(2, 2), "x 2.5 -> column 2; y 7.5 -> row 10 - 7.5 = 2.5 -> 2");
        assertEquals(1, painted(raster));
        assertEquals(RenderMode.POINTS, r.mode());
        assertEquals(1, r.visible());
    }

    @Test
    void naRowsAreSkippedAndCounted() {
        ArgbRaster raster = new ArgbRaster(10, 10);
        RenderResult r = rasterizer.render(new double[] {Double.NaN, 1, 20}, new double[] {5, Double.NaN, 5},
                PointColors.uniform(RED), null, tenByTen(), raster, points(0));
        assertEquals(0, painted(raster));
        assertEquals(2, r.na());
        assertEquals(1, r.outside());
        assertEquals(0, r.visible());
    }

    @Test
    void nonPositiveValuesOnLogAxisAreCounted() {
        ArgbRaster raster = new ArgbRaster(4, 4);
        Viewport vp = new Viewport(PlotAxis.log10(1, 10_000), PlotAxis.linear(0, 4), 4, 4);
        RenderResult r = rasterizer.render(new double[] {100, 0, -5}, new double[] {0.5, 0.5, 0.5},
                PointColors.uniform(RED), null, vp, raster, points(0));
        assertEquals(RED, raster.get(2, 3), "log10(100) = 2 of 4 decades -> column 2");
        assertEquals(2, r.notPlottable());
        assertEquals(1, painted(raster));
    }

    @Test
    void highlightIsPaintedOnTop() {
        ArgbRaster raster = new ArgbRaster(10, 10);
        BitSet highlight = new BitSet();
        highlight.set(0);
        rasterizer.render(new double[] {5.5, 5.5}, new double[] {5.5, 5.5}, PointColors.uniform(BLUE), highlight,
                tenByTen(), raster, points(0));
        assertEquals(HIGHLIGHT, raster.get(5, 4), "row 0 is highlighted, so it wins over the later row 1");
    }

    @Test
    void highlightCanKeepThePointColour() {
        ArgbRaster raster = new ArgbRaster(10, 10);
        BitSet highlight = new BitSet();
        highlight.set(1);
        int[] codes = {0, 1};
        Palette palette = Palette.of(0xFF777777, RED, BLUE);
        RenderOptions opts = points(0).withHighlight(new PointStyle(1, PointShape.SQUARE, 255), 0);
        rasterizer.render(new double[] {5.5, 5.5}, new double[] {5.5, 5.5}, PointColors.indexed(codes, palette),
                highlight, tenByTen(), raster, opts);
        assertEquals(BLUE, raster.get(5, 4));
        assertEquals(9, painted(raster), "highlight radius 1 covers 3x3");
    }

    @Test
    void discFootprint() {
        ArgbRaster raster = new ArgbRaster(10, 10);
        RenderOptions opts = points(0).withPoints(new PointStyle(2, PointShape.DISC, 255));
        rasterizer.render(new double[] {5.5}, new double[] {5.5}, PointColors.uniform(RED), null, tenByTen(), raster,
                opts);
        assertEquals(21, painted(raster), "rows of 3, 5, 5, 5, 3 pixels");
        assertEquals(0, raster.get(3, 2), "corner left out");
    }

    @Test
    void alphaBlendsOverOpaqueBackground() {
        ArgbRaster raster = new ArgbRaster(10, 10);
        raster.fill(0xFFFFFFFF);
        RenderOptions opts = points(0).withPoints(new PointStyle(0, PointShape.SQUARE, 128));
        rasterizer.render(new double[] {0.5}, new double[] {9.5}, PointColors.uniform(RED), null, tenByTen(), raster,
                opts);
        assertEquals(0xFFFF7F7F, raster.get(0, 0));
        assertEquals(0xFFFFFFFF, raster.get(1, 0));
    }

    @Test
    void densityCountsPerPixelOnLogScale() {
        int n = 101;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < 100; i++) {
            x[i] = 1.5;
            y[i] = 8.5; // pixel (1, 1)
        }
        x[100] = 6.5;
        y[100] = 3.5; // pixel (6, 6)
        ArgbRaster raster = new ArgbRaster(10, 10);
        ColorRamp ramp = ColorRamp.greys();
        RenderResult r = rasterizer.render(x, y, PointColors.uniform(RED), null, tenByTen(), raster,
                RenderOptions.defaults().withMode(RenderMode.DENSITY).withDensityRamp(ramp));
        assertEquals(RenderMode.DENSITY, r.mode());
        assertEquals(100, r.maxDensity());
        assertEquals(ramp.color(1), raster.get(1, 1));
        assertEquals(ramp.color(Math.log(2) / Math.log(101)), raster.get(6, 6));
        assertEquals(2, painted(raster));
    }

    @Test
    void densityOverlaysHighlightedPoints() {
        double[] x = {1.5, 1.5, 6.5};
        double[] y = {8.5, 8.5, 3.5};
        BitSet highlight = new BitSet();
        highlight.set(2);
        ArgbRaster raster = new ArgbRaster(10, 10);
        rasterizer.render(x, y, PointColors.uniform(RED), highlight, tenByTen(), raster,
                points(0).withMode(RenderMode.DENSITY));
        assertEquals(HIGHLIGHT, raster.get(6, 6));
    }

    @Test
    void autoSwitchesToDensityAboveAQuarterOfThePixels() {
        Viewport vp = new Viewport(PlotAxis.linear(0, 4), PlotAxis.linear(0, 4), 4, 4);
        double[] four = {0.5, 1.5, 2.5, 3.5};
        RenderResult r = rasterizer.render(four, four, PointColors.uniform(RED), null, vp, new ArgbRaster(4, 4),
                RenderOptions.defaults());
        assertEquals(RenderMode.POINTS, r.mode());
        double[] five = {0.5, 1.5, 2.5, 3.5, 3.5};
        r = rasterizer.render(five, five, PointColors.uniform(RED), null, vp, new ArgbRaster(4, 4),
                RenderOptions.defaults());
        assertEquals(RenderMode.DENSITY, r.mode());
    }

    @Test
    void continuousColoursFollowTheRamp() {
        ColorRamp ramp = ColorRamp.viridis();
        PointColors c = PointColors.continuous(new double[] {0, 10, Double.NaN}, ramp, 0, 10, 0xFF123456);
        assertEquals(ramp.entry(0), c.argb(0));
        assertEquals(ramp.entry(255), c.argb(1));
        assertEquals(0xFF123456, c.argb(2));
    }

    @Test
    void foregroundPointIsVisibleUnderManyLaterPoints() {
        int n = 1001;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] codes = new int[n];
        java.util.Arrays.fill(x, 5.5);
        java.util.Arrays.fill(y, 5.5);
        java.util.Arrays.fill(codes, -1);
        codes[3] = 0; // one labelled row among 1000 unlabelled ones drawn after it
        PointColors colors = PointColors.indexed(codes, Palette.of(GREY, RED));
        BitSet labelled = new BitSet();
        labelled.set(3);
        ArgbRaster without = new ArgbRaster(10, 10);
        rasterizer.render(x, y, colors, null, tenByTen(), without, points(0));
        assertEquals(GREY, without.get(5, 4), "in row order the later grey points cover the labelled one");
        ArgbRaster with = new ArgbRaster(10, 10);
        RenderResult r = rasterizer.render(x, y, colors, labelled, null, tenByTen(), with, points(0));
        assertEquals(RED, with.get(5, 4), "the foreground row is painted above all others");
        assertEquals(1, painted(with));
        assertEquals(n, r.visible());
    }

    @Test
    void densityShowsForegroundPointsInTheirColour() {
        int n = 102;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] codes = new int[n];
        for (int i = 0; i < 100; i++) {
            x[i] = 1.5;
            y[i] = 8.5; // pixel (1, 1)
            codes[i] = -1;
        }
        x[100] = 6.5;
        y[100] = 3.5; // pixel (6, 6), labelled
        codes[100] = 0;
        x[101] = 1.5;
        y[101] = 8.5; // pixel (1, 1), unlabelled
        codes[101] = -1;
        BitSet labelled = new BitSet();
        labelled.set(100);
        ColorRamp ramp = ColorRamp.greys();
        RenderOptions opts = points(0).withMode(RenderMode.DENSITY).withDensityRamp(ramp);
        ArgbRaster raster = new ArgbRaster(10, 10);
        RenderResult r = rasterizer.render(x, y, PointColors.indexed(codes, Palette.of(GREY, RED)), labelled, null,
                tenByTen(), raster, opts);
        assertEquals(RenderMode.DENSITY, r.mode());
        assertEquals(RED, raster.get(6, 6), "the labelled point is painted over the density in its colour");
        assertEquals(ramp.color(1), raster.get(1, 1), "unlabelled rows stay density");
        assertEquals(101, r.maxDensity());
        assertEquals(102, r.visible(), "the counts include the foreground rows");
        assertEquals(2, painted(raster));
    }

    @Test
    void highlightStaysAboveTheForeground() {
        double[] x = {5.5, 5.5, 2.5, 2.5};
        double[] y = {5.5, 5.5, 2.5, 2.5};
        BitSet foreground = new BitSet();
        foreground.set(1); // above the highlighted row 0 in row order and as foreground
        foreground.set(2); // both foreground and highlighted
        BitSet highlight = new BitSet();
        highlight.set(0);
        highlight.set(2);
        for (RenderMode mode : new RenderMode[] {RenderMode.POINTS, RenderMode.DENSITY}) {
            ArgbRaster raster = new ArgbRaster(10, 10);
            rasterizer.render(x, y, PointColors.uniform(BLUE), foreground, highlight, tenByTen(), raster,
                    points(0).withMode(mode));
            assertEquals(HIGHLIGHT, raster.get(5, 4), mode + ": the highlight covers a foreground point");
            assertEquals(HIGHLIGHT, raster.get(2, 7), mode + ": a highlighted foreground row is highlighted");
        }
    }

    @Test
    void noForegroundPaintsTheSameRaster() {
        Random random = new Random(11);
        int n = 50_000;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] codes = new int[n];
        BitSet highlight = new BitSet();
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian() * 30 + 50;
            y[i] = random.nextGaussian() * 30 + 50;
            codes[i] = random.nextInt(5) - 1;
            if (random.nextInt(40) == 0) {
                highlight.set(i);
            }
        }
        Viewport vp = new Viewport(PlotAxis.linear(0, 100), PlotAxis.linear(0, 100), 200, 150);
        PointColors colors = PointColors.indexed(codes, Palette.categorical());
        for (RenderMode mode : RenderMode.values()) {
            RenderOptions opts = RenderOptions.defaults().withMode(mode);
            ArgbRaster plain = new ArgbRaster(200, 150);
            RenderResult r0 = rasterizer.render(x, y, colors, highlight, vp, plain, opts);
            ArgbRaster none = new ArgbRaster(200, 150);
            RenderResult r1 = rasterizer.render(x, y, colors, null, highlight, vp, none, opts);
            ArgbRaster empty = new ArgbRaster(200, 150);
            RenderResult r2 = rasterizer.render(x, y, colors, new BitSet(), highlight, vp, empty, opts);
            assertArrayEquals(plain.pixels(), none.pixels(), mode + ": null foreground");
            assertArrayEquals(plain.pixels(), empty.pixels(), mode + ": empty foreground");
            assertEquals(r0, r1);
            assertEquals(r0, r2);
        }
    }

    @Test
    void parallelPaintEqualsSequentialReference() {
        Random random = new Random(7);
        int n = 120_000;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] codes = new int[n];
        BitSet highlight = new BitSet();
        BitSet foreground = new BitSet();
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian() * 30 + 50;
            y[i] = random.nextGaussian() * 30 + 50;
            codes[i] = random.nextInt(5) - 1;
            if (random.nextInt(50) == 0) {
                highlight.set(i);
            }
            if (random.nextInt(20) == 0) {
                foreground.set(i);
            }
        }
        Viewport vp = new Viewport(PlotAxis.linear(0, 100), PlotAxis.linear(0, 100), 400, 300);
        PointColors colors = PointColors.indexed(codes, Palette.categorical());
        PointStyle style = new PointStyle(1, PointShape.DISC, 100);
        PointStyle hlStyle = new PointStyle(2, PointShape.SQUARE, 200);
        RenderOptions opts = RenderOptions.defaults().withMode(RenderMode.POINTS).withPoints(style)
                .withHighlight(hlStyle, HIGHLIGHT);
        ArgbRaster raster = new ArgbRaster(400, 300);
        raster.fill(0xFFFFFFFF);
        rasterizer.render(x, y, colors, foreground, highlight, vp, raster, opts);

        ArgbRaster expected = new ArgbRaster(400, 300);
        expected.fill(0xFFFFFFFF);
        Stamp plain = new Stamp(expected, 0, 300, style);
        Stamp top = new Stamp(expected, 0, 300, hlStyle);
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < n; i++) {
                int rowPass = highlight.get(i) ? 2 : foreground.get(i) ? 1 : 0;
                if (rowPass != pass) {
                    continue;
                }
                double px = vp.xMapping().toPixel(x[i]);
                double py = vp.yMapping().toPixel(y[i]);
                int r = pass < 2 ? 1 : 2;
                if (px < -r || px >= 400 + r || py < -r || py >= 300 + r) {
                    continue;
                }
                int argb = pass < 2 ? Blend.withAlpha(colors.argb(i), 100) : Blend.withAlpha(HIGHLIGHT, 200);
                (pass < 2 ? plain : top).paint((int) Math.floor(px), (int) Math.floor(py), argb);
            }
        }
        assertArrayEquals(expected.pixels(), raster.pixels());
    }

    private static int painted(ArgbRaster raster) {
        int count = 0;
        for (int p : raster.pixels()) {
            if (p != 0) {
                count++;
            }
        }
        return count;
    }
}
