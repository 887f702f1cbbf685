// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Random;

import org.idx.plot.axis.AxisMapping;
import org.idx.plot.axis.PlotAxis;
import org.idx.plot.axis.Scale;
import org.idx.plot.render.Viewport;
import org.junit.jupiter.api.Test;

class PointIndexTest {

    private static final int N = 30_000;

    private final Random random = new Random(42);

    private double[][] clusteredData(boolean positive) {
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            int blob = random.nextInt(3);
            x[i] = 10 + blob * 20 + random.nextGaussian() * 6;
            y[i] = 10 + (blob == 1 ? 30 : 5) + random.nextGaussian() * 8;
            if (positive) {
                x[i] = Math.exp(x[i] / 10);
            }
            if (random.nextInt(100) == 0) {
                x[i] = Double.NaN;
            }
        }
        return new double[][] {x, y};
    }

    @Test
    void nearestMatchesBruteForce() {
        double[][] d = clusteredData(false);
        checkNearest(d[0], d[1], new Viewport(PlotAxis.linear(0, 60), PlotAxis.linear(0, 50), 600, 400), null);
    }

    @Test
    void nearestMatchesBruteForceOnLogAxisWithCandidates() {
        double[][] d = clusteredData(true);
        d[0][3] = -1;
        d[0][4] = 0;
        BitSet candidates = new BitSet();
        for (int i = 0; i < N; i += 3) {
            candidates.set(i);
        }
        Viewport vp = new Viewport(PlotAxis.log10(2, 500), PlotAxis.linear(-5, 60), 500, 500);
        checkNearest(d[0], d[1], vp, candidates);
    }

    @Test
    void nearestWhenZoomedIn() {
        double[][] d = clusteredData(false);
        checkNearest(d[0], d[1], new Viewport(PlotAxis.linear(29, 31), PlotAxis.linear(39, 41), 300, 300), null);
    }

    private void checkNearest(double[] x, double[] y, Viewport vp, BitSet candidates) {
        PointIndex index = PointIndex.build(x, y, vp.x().scale(), vp.y().scale());
        int found = 0;
        for (int q = 0; q < 400; q++) {
            double px = random.nextDouble() * vp.width();
            double py = random.nextDouble() * vp.height();
            double radius = 1 + random.nextInt(12);
            int expected = bruteNearest(x, y, vp, px, py, radius, candidates);
            assertEquals(expected, index.nearest(vp, px, py, radius, candidates), "query " + q);
            if (expected >= 0) {
                found++;
            }
        }
        assertTrue(found > 50, "the test should mostly find points: " + found);
    }

    private static int bruteNearest(double[] x, double[] y, Viewport vp, double px, double py, double radius,
            BitSet candidates) {
        AxisMapping xm = vp.xMapping();
        AxisMapping ym = vp.yMapping();
        double best = radius * radius;
        int bestRow = -1;
        for (int i = 0; i < x.length; i++) {
            double qx = xm.toPixel(x[i]);
            double qy = ym.toPixel(y[i]);
            if (!(qx >= 0 && qx < vp.width() && qy >= 0 && qy < vp.height())) {
                continue;
            }
            if (candidates != null && !candidates.get(i)) {
                continue;
            }
            double d = (qx - px) * (qx - px) + (qy - py) * (qy - py);
            if (d < best || d == best && bestRow < 0) {
                best = d;
                bestRow = i;
            }
        }
        return bestRow;
    }

    @Test
    void rectangleMatchesBruteForce() {
        double[][] d = clusteredData(false);
        Viewport vp = new Viewport(PlotAxis.linear(0, 60), PlotAxis.linear(0, 50), 600, 400);
        PointIndex index = PointIndex.build(d[0], d[1], Scale.LINEAR, Scale.LINEAR);
        for (int q = 0; q < 50; q++) {
            double ax = random.nextDouble() * 700 - 50;
            double bx = random.nextDouble() * 700 - 50;
            double ay = random.nextDouble() * 500 - 50;
            double by = random.nextDouble() * 500 - 50;
            BitSet expected = new BitSet();
            double x0 = Math.min(vp.xMapping().pixelToTransformed(ax), vp.xMapping().pixelToTransformed(bx));
            double x1 = Math.max(vp.xMapping().pixelToTransformed(ax), vp.xMapping().pixelToTransformed(bx));
            double y0 = Math.min(vp.yMapping().pixelToTransformed(ay), vp.yMapping().pixelToTransformed(by));
            double y1 = Math.max(vp.yMapping().pixelToTransformed(ay), vp.yMapping().pixelToTransformed(by));
            for (int i = 0; i < N; i++) {
                if (d[0][i] >= x0 && d[0][i] <= x1 && d[1][i] >= y0 && d[1][i] <= y1) {
                    expected.set(i);
                }
            }
            assertEquals(expected, RegionSelector.rectangle(index, vp, ax, ay, bx, by), "rectangle " + q);
        }
        BitSet data = RegionSelector.rectangleData(index, 20, 40, 10, 30);
        for (int i = 0; i < N; i++) {
            boolean in = d[0][i] >= 20 && d[0][i] <= 40 && d[1][i] >= 10 && d[1][i] <= 30;
            assertEquals(in, data.get(i));
        }
    }

    @Test
    void concaveLassoMatchesBruteForce() {
        double[][] d = clusteredData(false);
        Viewport vp = new Viewport(PlotAxis.linear(0, 60), PlotAxis.linear(0, 50), 600, 400);
        PointIndex index = PointIndex.build(d[0], d[1], Scale.LINEAR, Scale.LINEAR);
        for (int q = 0; q < 40; q++) {
            int vertices = 3 + random.nextInt(60);
            double cx = random.nextDouble() * 600;
            double cy = random.nextDouble() * 400;
            double[] px = new double[vertices];
            double[] py = new double[vertices];
            for (int v = 0; v < vertices; v++) {
                double angle = 2 * Math.PI * v / vertices;
                double r = 20 + random.nextDouble() * 250; // star-shaped, deeply concave
                px[v] = cx + r * Math.cos(angle);
                py[v] = cy + r * Math.sin(angle);
            }
            checkLasso(d, vp, index, px, py, q % 2 == 0 ? FillRule.EVEN_ODD : FillRule.NON_ZERO);
        }
    }

    @Test
    void selfIntersectingLassoFollowsFillRule() {
        double[][] d = clusteredData(false);
        Viewport vp = new Viewport(PlotAxis.linear(0, 60), PlotAxis.linear(0, 50), 600, 400);
        PointIndex index = PointIndex.build(d[0], d[1], Scale.LINEAR, Scale.LINEAR);
        for (int q = 0; q < 40; q++) {
            int vertices = 3 + random.nextInt(25);
            double[] px = new double[vertices];
            double[] py = new double[vertices];
            for (int v = 0; v < vertices; v++) {
                px[v] = random.nextDouble() * 700 - 50;
                py[v] = random.nextDouble() * 500 - 50;
            }
            checkLasso(d, vp, index, px, py, FillRule.EVEN_ODD);
            checkLasso(d, vp, index, px, py, FillRule.NON_ZERO);
        }
        // a pentagram: its centre is inside by non-zero, outside by even-odd
        double[] px = new double[5];
        double[] py = new double[5];
        for (int v = 0; v < 5; v++) {
            double angle = Math.PI / 2 + 4 * Math.PI * v / 5;
            px[v] = 300 + 150 * Math.cos(angle);
            py[v] = 200 + 150 * Math.sin(angle);
        }
        Polygon evenOdd = new Polygon(px, py, FillRule.EVEN_ODD);
        Polygon nonZero = new Polygon(px, py, FillRule.NON_ZERO);
        assertTrue(nonZero.contains(300, 200));
        assertTrue(!evenOdd.contains(300, 200));
    }

    @Test
    void lassoOnLogAxis() {
        double[][] d = clusteredData(true);
        Viewport vp = new Viewport(PlotAxis.log10(1, 1000), PlotAxis.linear(0, 60), 500, 500);
        PointIndex index = PointIndex.build(d[0], d[1], Scale.LOG10, Scale.LINEAR);
        double[] px = {50, 450, 400, 250, 100};
        double[] py = {50, 80, 450, 200, 420};
        checkLasso(d, vp, index, px, py, FillRule.EVEN_ODD);
    }

    private static void checkLasso(double[][] d, Viewport vp, PointIndex index, double[] px, double[] py,
            FillRule rule) {
        double[] tx = new double[px.length];
        double[] ty = new double[py.length];
        for (int v = 0; v < px.length; v++) {
            tx[v] = vp.xMapping().pixelToTransformed(px[v]);
            ty[v] = vp.yMapping().pixelToTransformed(py[v]);
        }
        Polygon polygon = new Polygon(tx, ty, rule);
        BitSet expected = new BitSet();
        for (int i = 0; i < d[0].length; i++) {
            double x = vp.x().scale().transform(d[0][i]);
            double y = vp.y().scale().transform(d[1][i]);
            if (Double.isFinite(x) && Double.isFinite(y) && polygon.contains(x, y)) {
                expected.set(i);
            }
        }
        BitSet actual = RegionSelector.lasso(index, vp, px, py, rule);
        assertEquals(expected.cardinality(), actual.cardinality());
        assertEquals(expected, actual);
    }

    @Test
    void emptyAndDegenerateColumns() {
        PointIndex empty = PointIndex.build(new double[] {Double.NaN}, new double[] {1}, Scale.LINEAR, Scale.LINEAR);
        Viewport vp = new Viewport(PlotAxis.linear(0, 1), PlotAxis.linear(0, 1), 10, 10);
        assertEquals(-1, empty.nearest(vp, 5, 5, 5, null));
        assertTrue(RegionSelector.rectangle(empty, vp, 0, 0, 10, 10).isEmpty());
        PointIndex same = PointIndex.build(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, Scale.LINEAR,
                Scale.LINEAR);
        assertEquals(0, same.nearest(vp, 5, 5, 1, null), "ties go to the lowest row");
        assertEquals(2, RegionSelector.lasso(same, vp, new double[] {0, 10, 10, 0}, new double[] {0, 0, 10, 10},
                FillRule.EVEN_ODD).cardinality());
    }

    @Test
    void viewportWithOtherScalesIsRejected() {
        PointIndex index = PointIndex.build(new double[] {1}, new double[] {1}, Scale.LINEAR, Scale.LINEAR);
        Viewport vp = new Viewport(PlotAxis.log10(1, 10), PlotAxis.linear(0, 1), 10, 10);
        assertThrows(IllegalArgumentException.class, () -> index.nearest(vp, 1, 1, 1, null));
    }
}
