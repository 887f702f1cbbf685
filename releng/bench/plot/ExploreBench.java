// SPDX-License-Identifier: GPL-3.0-or-later

import java.util.BitSet;
import java.util.Locale;
import java.util.Random;

import org.idx.core.RowSelection;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.plot.axis.PlotAxis;
import org.idx.plot.axis.Scale;
import org.idx.plot.index.FillRule;
import org.idx.plot.index.PointIndex;
import org.idx.plot.index.RegionSelector;
import org.idx.plot.plate.PlateFormat;
import org.idx.plot.plate.PlateLayout;
import org.idx.plot.plate.WellAggregate;
import org.idx.plot.render.ArgbRaster;
import org.idx.plot.render.Palette;
import org.idx.plot.render.PointColors;
import org.idx.plot.render.RenderOptions;
import org.idx.plot.render.ScatterRasterizer;
import org.idx.plot.render.Viewport;
import org.idx.plot.stats.BarCounts;
import org.idx.plot.stats.Bins;
import org.idx.plot.stats.BoxStats;
import org.idx.plot.stats.Histogram;

/**
 * Timings of what the plate map and distribution views compute, and of the non-UI part of a
 * lasso selection travelling through the Explore views: the lasso's row set, the RowSelection the
 * plot publishes, the scatter's highlight repaint, the histogram overlay and the plate map's
 * per-well selected counts. Seeded data; best of RUNS after a warm-up. Usage: {@code ExploreBench [ROWS]}.
 */
public final class ExploreBench {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 800;

    private ExploreBench() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        int runs = Integer.getInteger("runs", 5);
        int n = args.length == 0 ? 1_000_000 : Integer.parseInt(args[0]);
        System.out.printf("explore bench: %,d rows, %d cores, best of %d runs%n", n,
                Runtime.getRuntime().availableProcessors(), runs);
        Random random = new Random(1);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] value = new double[n];
        int[] blob = new int[n];
        int[] group50 = new int[n];
        int[] wellCodes = new int[n];
        int[] plateCodes = new int[n];
        String[] wellNames = new String[PlateFormat.WELLS_384.wells()];
        for (int w = 0; w < wellNames.length; w++) {
            wellNames[w] = PlateFormat.WELLS_384.name(w);
        }
        for (int i = 0; i < n; i++) {
            int b = random.nextInt(4);
            x[i] = 20 + 20 * b + random.nextGaussian() * 8;
            y[i] = 30 + 15 * (b % 2) + random.nextGaussian() * 10;
            blob[i] = b;
            group50[i] = random.nextInt(50);
            value[i] = 100 + 10 * group50[i] + random.nextGaussian() * 25;
            wellCodes[i] = random.nextInt(wellNames.length);
            plateCodes[i] = random.nextInt(4);
            if (i % 1000 == 0) {
                value[i] = Double.NaN;
            }
        }

        System.out.println("\n== plate map (384 wells x 4 plates) ==");
        PlateLayout[] layout = new PlateLayout[1];
        report("well layout from 384 names", best(runs, () -> layout[0] = PlateLayout.lenient(wellCodes, wellNames,
                null)), layout[0].format() + ", " + layout[0].unparsedRows() + " unparsed");
        WellAggregate[] aggregate = new WellAggregate[1];
        report("per-well count/mean/median/sd", best(runs, () -> aggregate[0] = WellAggregate.of(layout[0], plateCodes,
                4, value)), "n(A01, plate 1) = " + aggregate[0].get(0, 0).count());

        System.out.println("\n== distributions ==");
        Histogram[] h = new Histogram[1];
        report("histogram (bins spanning + 40 bins)", best(runs, () -> h[0] = Histogram.of(value, Bins.spanning(value,
                40))), "max bin " + h[0].maxTotal());
        report("histogram by 4 groups (40 bins)", best(runs, () -> h[0] = Histogram.of(value, Bins.spanning(value, 40),
                blob, 4, null)), "max bin " + h[0].maxTotal());
        BoxStats[][] boxes = new BoxStats[1][];
        report("box stats by 50 groups", best(runs, () -> boxes[0] = BoxStats.of(value, group50, 50)),
                "outliers in group 0: " + boxes[0][0].outlierRows().length);
        BarCounts[] bars = new BarCounts[1];
        report("bar counts, 50 levels", best(runs, () -> bars[0] = BarCounts.of(group50, 50, null)),
                "max " + bars[0].max());

        System.out.println("\n== a lasso of ~30% of the points, through the Explore views (non-UI part) ==");
        Viewport vp = new Viewport(PlotAxis.fitting(Scale.LINEAR, x, 0.04), PlotAxis.fitting(Scale.LINEAR, y, 0.04),
                WIDTH, HEIGHT);
        PointIndex index = PointIndex.build(x, y, Scale.LINEAR, Scale.LINEAR);
        PointColors colors = PointColors.indexed(blob, Palette.categorical());
        double[][] outline = kidney();
        InMemoryDataTable table = new InMemoryDataTable(n, java.util.List.of(DoubleArrayColumn.of("x", x)));
        ScatterRasterizer rasterizer = new ScatterRasterizer();
        ArgbRaster raster = new ArgbRaster(WIDTH, HEIGHT);
        Bins bins = Bins.spanning(value, 40);
        BitSet[] lasso = new BitSet[1];
        double lassoMs = best(runs, () -> lasso[0] = RegionSelector.lasso(index, vp, outline[0], outline[1],
                FillRule.EVEN_ODD));
        report("lasso -> row BitSet", lassoMs, String.format("%,d selected (%.0f%%)", lasso[0].cardinality(),
                100.0 * lasso[0].cardinality() / n));
        double publishMs = best(runs, () -> new RowSelection(table, lasso[0], null).rows());
        report("RowSelection published and read", publishMs, "two BitSet copies");
        double scatterMs = best(runs, () -> {
            raster.fill(0xFFFFFFFF);
            rasterizer.render(x, y, colors, lasso[0], vp, raster, RenderOptions.defaults());
        });
        report("scatter repaint with the highlight", scatterMs, WIDTH + "x" + HEIGHT + " px");
        double overlayMs = best(runs, () -> Histogram.of(value, bins, null, 1, lasso[0]));
        report("histogram overlay of the selection", overlayMs, "");
        double plateMs = best(runs, () -> layout[0].countPerWell(plateCodes, 0, lasso[0]));
        report("plate map selected rows per well", plateMs, "");
        double tableMs = best(runs, () -> {
            // The table grid asks, for each visible row, whether it is selected: ~40 rows in view.
            int hits = 0;
            for (int row = 0; row < 40; row++) {
                hits += lasso[0].get(row * 997) ? 1 : 0;
            }
            if (hits < 0) {
                throw new AssertionError();
            }
        });
        report("table highlight labels (40 rows)", tableMs, "");
        double total = lassoMs + publishMs + scatterMs + overlayMs + plateMs + tableMs;
        report("total (target < 200 ms)", total, "each view works on its own thread in the workbench");
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
        System.out.printf("  %-38s %9.3f ms  %s%n", what, ms, note);
    }
}
