// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.index;

import java.util.BitSet;

import org.idx.plot.axis.AxisMapping;
import org.idx.plot.axis.Scale;
import org.idx.plot.render.Viewport;

/**
 * Rectangle and lasso selection over a {@link PointIndex}. Grid cells lying wholly inside the
 * region contribute all their rows without a test; only cells that the region's outline
 * touches test their points one by one. The result is the set of rows inside the region; union
 * with an existing selection (shift) is the caller's.
 * <p>
 * Regions given in pixels are mapped into the index's transformed space, where an axis-aligned
 * pixel rectangle stays a rectangle and a straight lasso edge stays straight, also on log axes.
 * Points anywhere inside the region count, including ones outside the viewport, which happens
 * only for regions drawn partly outside the plot area.
 */
public final class RegionSelector {

    /** Margin, in cells, that makes the "outline touches cell" test conservative. */
    private static final double EPS = 1e-6;

    private RegionSelector() {
    }

    /**
     * @param index the index
     * @param viewport the viewport the rectangle was drawn in
     * @param px0 one corner, pixel x
     * @param py0 one corner, pixel y
     * @param px1 the opposite corner, pixel x
     * @param py1 the opposite corner, pixel y
     * @return the rows whose points lie in the rectangle (bounds included)
     */
    public static BitSet rectangle(PointIndex index, Viewport viewport, double px0, double py0, double px1,
            double py1) {
        AxisMapping xm = viewport.xMapping();
        AxisMapping ym = viewport.yMapping();
        index.checkScales(xm, ym);
        return rectangleTransformed(index, xm.pixelToTransformed(px0), xm.pixelToTransformed(px1),
                ym.pixelToTransformed(py0), ym.pixelToTransformed(py1));
    }

    /**
     * @param index the index
     * @param x0 one x bound, a data value
     * @param x1 the other x bound
     * @param y0 one y bound
     * @param y1 the other y bound
     * @return the rows whose points lie in the data rectangle (bounds included); on a log axis
     *         a non-positive bound is taken as the smallest positive value
     */
    public static BitSet rectangleData(PointIndex index, double x0, double x1, double y0, double y1) {
        return rectangleTransformed(index, transformBound(index.xScale, x0), transformBound(index.xScale, x1),
                transformBound(index.yScale, y0), transformBound(index.yScale, y1));
    }

    private static double transformBound(Scale scale, double v) {
        double t = scale.transform(v);
        return Double.isNaN(t) && !Double.isNaN(v) ? Double.NEGATIVE_INFINITY : t;
    }

    static BitSet rectangleTransformed(PointIndex index, double ax, double bx, double ay, double by) {
        double x0 = Math.min(ax, bx);
        double x1 = Math.max(ax, bx);
        double y0 = Math.min(ay, by);
        double y1 = Math.max(ay, by);
        BitSet result = new BitSet(index.rowCount);
        if (index.size() == 0 || !(x0 <= x1) || !(y0 <= y1)) {
            return result;
        }
        int cx0 = clampedCell(index.cellXRaw(x0) - EPS, index.columns);
        int cx1 = clampedCell(index.cellXRaw(x1) + EPS, index.columns);
        int cy0 = clampedCell(index.cellYRaw(y0) - EPS, index.rows);
        int cy1 = clampedCell(index.cellYRaw(y1) + EPS, index.rows);
        for (int cy = cy0; cy <= cy1; cy++) {
            boolean innerRow = cy > cy0 && cy < cy1;
            for (int cx = cx0; cx <= cx1; cx++) {
                int cell = cy * index.columns + cx;
                int from = index.cellStart[cell];
                int to = index.cellStart[cell + 1];
                if (innerRow && cx > cx0 && cx < cx1) {
                    for (int k = from; k < to; k++) {
                        result.set(index.cellRows[k]);
                    }
                    continue;
                }
                for (int k = from; k < to; k++) {
                    int row = index.cellRows[k];
                    double tx = index.xScale.transform(index.x[row]);
                    double ty = index.yScale.transform(index.y[row]);
                    if (tx >= x0 && tx <= x1 && ty >= y0 && ty <= y1) {
                        result.set(row);
                    }
                }
            }
        }
        return result;
    }

    /**
     * @param index the index
     * @param viewport the viewport the lasso was drawn in
     * @param pxs vertex pixel x coordinates
     * @param pys vertex pixel y coordinates
     * @param rule the fill rule for self-intersecting outlines
     * @return the rows whose points lie inside the lasso
     */
    public static BitSet lasso(PointIndex index, Viewport viewport, double[] pxs, double[] pys, FillRule rule) {
        AxisMapping xm = viewport.xMapping();
        AxisMapping ym = viewport.yMapping();
        index.checkScales(xm, ym);
        double[] tx = new double[pxs.length];
        double[] ty = new double[pys.length];
        for (int i = 0; i < tx.length; i++) {
            tx[i] = xm.pixelToTransformed(pxs[i]);
        }
        for (int i = 0; i < ty.length; i++) {
            ty[i] = ym.pixelToTransformed(pys[i]);
        }
        return lassoTransformed(index, new Polygon(tx, ty, rule));
    }

    /**
     * @param index the index
     * @param xs vertex x coordinates as data values (positive on a log axis)
     * @param ys vertex y coordinates as data values
     * @param rule the fill rule for self-intersecting outlines
     * @return the rows whose points lie inside the polygon, drawn with straight edges in the
     *         plot (that is, in the axes' transformed space)
     */
    public static BitSet lassoData(PointIndex index, double[] xs, double[] ys, FillRule rule) {
        double[] tx = new double[xs.length];
        double[] ty = new double[ys.length];
        for (int i = 0; i < tx.length; i++) {
            tx[i] = index.xScale.transform(xs[i]);
        }
        for (int i = 0; i < ty.length; i++) {
            ty[i] = index.yScale.transform(ys[i]);
        }
        return lassoTransformed(index, new Polygon(tx, ty, rule));
    }

    /**
     * @param index the index
     * @param polygon a polygon in the index's transformed space
     * @return the rows whose transformed points the polygon contains
     */
    public static BitSet lassoTransformed(PointIndex index, Polygon polygon) {
        return new LassoScan(index, polygon).select();
    }

    static int clampedCell(double raw, int count) {
        double c = Math.floor(raw);
        return c >= count ? count - 1 : c > 0 ? (int) c : 0;
    }
}
