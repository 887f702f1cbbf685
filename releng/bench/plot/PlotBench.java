// SPDX-License-Identifier: GPL-3.0-or-later

import java.util.BitSet;
import java.util.Locale;
import java.util.Random;

import org.idx.plot.axis.PlotAxis;
import org.idx.plot.axis.Scale;
import org.idx.plot.index.FillRule;
import org.idx.plot.index.PointIndex;
import org.idx.plot.index.RegionSelector;
import org.idx.plot.render.ArgbRaster;
import org.idx.plot.render.Palette;
import org.idx.plot.render.PointColors;
import org.idx.plot.render.RenderMode;
import org.idx.plot.render.RenderOptions;
import org.idx.plot.render.RenderResult;
import org.idx.plot.render.ScatterRasterizer;
import org.idx.plot.render.Viewport;
import org.idx.plot.stats.Bins;
import org.idx.plot.stats.Histogram;

/**
 * Timings of the plotting engine at 1000x800 pixels on seeded clustered data: index build,
 * repaint (points, density, auto; and coloured by labels after a recolour, the labelled rows in
 * front), pick, lasso of ~30%
 * of the points, rectangle, histogram.
 * Each figure is the best of several runs after warm-up. Usage: {@code PlotBench [ROWS...]}.
 */
public final class PlotBench {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 800;

    private PlotBench() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        int runs = Integer.getInteger("runs", 5);
        System.out.printf("plot bench: %d cores, %dx%d px, best of %d runs%n",
                Runtime.getRuntime().availableProcessors(), WIDTH, HEIGHT, runs);
        String[] sizes = args.length == 0 ? new String[] {"1000000", "10000000"} : args;
        for (String size : sizes) {
            bench(Integer.parseInt(size), runs);
        }
    }

    private static void bench(int n, int runs) {
        Random random = new Random(1);
        double[] x = new double[n];
        double[] y = new double[n];
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            int blob = random.nextInt(4);
            x[i] = 20 + 20 * blob + random.nextGaussian() * 8;
            y[i] = 30 + 15 * (blob % 2) + random.nextGaussian() * 10;
            codes[i] = blob;
            if (i % 1000 == 0) {
                x[i] = Double.NaN;
            }
        }
        Viewport vp = new Viewport(PlotAxis.fitting(Scale.LINEAR, x, 0.04), PlotAxis.fitting(Scale.LINEAR, y, 0.04),
                WIDTH, HEIGHT);
        PointColors colors = PointColors.indexed(codes, Palette.categorical());
        BitSet highlight = new BitSet(n);
        for (int i = 0; i < n; i += 97) {
            highlight.set(i);
        }
        System.out.printf("%n== %,d points (1%% highlighted, 0.1%% NA) ==%n", n);

        PointIndex[] index = new PointIndex[1];
        report("index build", best(runs, () -> index[0] = PointIndex.build(x, y, Scale.LINEAR, Scale.LINEAR)), "");

        ScatterRasterizer rasterizer = new ScatterRasterizer();
        ArgbRaster raster = new ArgbRaster(WIDTH, HEIGHT);
        for (RenderMode mode : RenderMode.values()) {
            RenderOptions opts = RenderOptions.defaults().withMode(mode);
            RenderResult[] result = new RenderResult[1];
            double ms = best(runs, () -> {
                raster.fill(0xFFFFFFFF);
                result[0] = rasterizer.render(x, y, colors, highlight, vp, raster, opts);
            });
            report("repaint " + mode.name().toLowerCase(Locale.ROOT), ms,
                    "-> " + result[0].mode() + ", visible " + result[0].visible());
        }

        // Coloured by an annotation column (as the scatter does through LabelPalette): 5% of the rows
        // labelled with 3 labels in the label set's colours, the rest unlabelled (NA) in light grey.
        int[] labelCodes = new int[n];
        Random labelled = new Random(3);
        for (int i = 0; i < n; i++) {
            labelCodes[i] = labelled.nextInt(20) == 0 ? labelled.nextInt(3) : -1;
        }
        // The labelled rows are the foreground: above the grey ones, as points over a density. The
        // scatter keeps them with the column's codes (a recolour does not change them).
        BitSet labelledRows = new BitSet(n);
        for (int i = 0; i < n; i++) {
            if (labelCodes[i] >= 0) {
                labelledRows.set(i);
            }
        }
        int[] labelRgb = {0x0072B2, 0xE69F00, 0x009E73};
        for (RenderMode mode : new RenderMode[] {RenderMode.POINTS, RenderMode.AUTO}) {
            RenderOptions opts = RenderOptions.defaults().withMode(mode);
            RenderResult[] result = new RenderResult[1];
            double ms = best(runs, () -> {
                // A recolour makes a new palette; the codes are cached: this is all a repaint redoes.
                labelRgb[0] ^= 0x000101;
                int[] argb = new int[labelRgb.length];
                for (int l = 0; l < argb.length; l++) {
                    argb[l] = 0xFF000000 | labelRgb[l];
                }
                PointColors byLabel = PointColors.indexed(labelCodes, Palette.of(0xFFC4C4C4, argb));
                raster.fill(0xFFFFFFFF);
                result[0] = rasterizer.render(x, y, byLabel, labelledRows, highlight, vp, raster, opts);
            });
            report("repaint by labels " + mode.name().toLowerCase(Locale.ROOT), ms,
                    "-> " + result[0].mode() + ", 5% labelled in front, recoloured each run");
        }

        Random q = new Random(2);
        int picks = 1000;
        double[] px = new double[picks];
        double[] py = new double[picks];
        for (int i = 0; i < picks; i++) {
            px[i] = q.nextDouble() * WIDTH;
            py[i] = q.nextDouble() * HEIGHT;
        }
        int[] hits = new int[1];
        double pickAll = best(runs, () -> {
            hits[0] = 0;
            for (int i = 0; i < picks; i++) {
                if (index[0].nearest(vp, px[i], py[i], 5, null) >= 0) {
                    hits[0]++;
                }
            }
        });
        report("pick (mean of 1000, r=5px)", pickAll / picks, hits[0] + " hits");

        double[][] smooth = kidney();
        BitSet[] selected = new BitSet[1];
        double smoothMs = best(runs, () -> selected[0] = RegionSelector.lasso(index[0], vp, smooth[0], smooth[1],
                FillRule.EVEN_ODD));
        report("lasso (" + smooth[0].length + "-vertex smooth concave)", smoothMs,
                String.format("%,d selected (%.0f%%)", selected[0].cardinality(), 100.0 * selected[0].cardinality() / n));
        double[][] lasso = star();
        double lassoMs = best(runs, () -> selected[0] = RegionSelector.lasso(index[0], vp, lasso[0], lasso[1],
                FillRule.EVEN_ODD));
        report("lasso (" + lasso[0].length + "-vertex spiky star)", lassoMs,
                String.format("%,d selected (%.0f%%)", selected[0].cardinality(), 100.0 * selected[0].cardinality() / n));
        double rectMs = best(runs, () -> selected[0] = RegionSelector.rectangle(index[0], vp, 250, 150, 750, 650));
        report("rectangle", rectMs, String.format("%,d selected", selected[0].cardinality()));

        Histogram[] h = new Histogram[1];
        double histMs = best(runs, () -> h[0] = Histogram.of(x, Bins.spanning(x, 100), codes, 4, null));
        report("histogram (100 bins x 4 groups)", histMs, "max bin " + h[0].maxTotal());
    }

    /** A hand-drawn-like smooth concave outline (a kidney) of 400 vertices, ~30% of the points. */
    private static double[][] kidney() {
        int vertices = 400;
        double[] xs = new double[vertices];
        double[] ys = new double[vertices];
        for (int v = 0; v < vertices; v++) {
            double angle = 2 * Math.PI * v / vertices;
            double r = 1 - 0.35 * Math.cos(2 * angle) * Math.max(0, Math.sin(angle));
            xs[v] = WIDTH / 2.0 + 150 * r * Math.cos(angle);
            ys[v] = HEIGHT / 2.0 + 95 * r * Math.sin(angle);
        }
        return new double[][] {xs, ys};
    }

    /** A concave star around the plot centre, sized to take roughly 30% of the points. */
    private static double[][] star() {
        int vertices = 200;
        double[] xs = new double[vertices];
        double[] ys = new double[vertices];
        for (int v = 0; v < vertices; v++) {
            double angle = 2 * Math.PI * v / vertices;
            double r = (v % 2 == 0 ? 210 : 120) + 15 * Math.sin(7 * angle);
            xs[v] = WIDTH / 2.0 + 1.1 * r * Math.cos(angle);
            ys[v] = HEIGHT / 2.0 + 0.55 * r * Math.sin(angle);
        }
        return new double[][] {xs, ys};
    }

    private static double best(int runs, Runnable task) {
        task.run(); // warm-up
        double best = Double.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            task.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return best;
    }

    private static void report(String what, double ms, String note) {
        System.out.printf("  %-34s %9.3f ms  %s%n", what, ms, note);
    }
}
