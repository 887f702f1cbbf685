// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.index;

import java.util.BitSet;

import org.idx.plot.axis.AxisMapping;
import org.idx.plot.axis.Scale;
import org.idx.plot.render.Viewport;

/**
 * A uniform grid over the points of two columns, for picking and region selection.
 * <p>
 * The grid lives in the axes' <em>transformed</em> space (log10 for a log axis), where pixel
 * distances are affine in the coordinates; rebuild the index when a column or an axis scale
 * changes (zoom and pan do not need a rebuild). Rows with NaN, or a value the scale cannot
 * plot, are left out. The grid has about {@value #POINTS_PER_CELL} points per cell (at most
 * {@value #MAX_CELLS_PER_AXIS} cells per axis); its rows are stored cell by cell in ascending
 * row order (a counting sort), so building takes O(n) time and {@code 4n + 4 cells} bytes.
 * <p>
 * Immutable once built, and safe to query from several threads. It keeps references to the
 * columns, which must not be modified while the index is in use.
 */
public final class PointIndex {

    static final int POINTS_PER_CELL = 2;
    static final int MAX_CELLS_PER_AXIS = 2048;

    final double[] x;
    final double[] y;
    final Scale xScale;
    final Scale yScale;
    final int rowCount;
    final double originX;
    final double originY;
    final double cellWidth;
    final double cellHeight;
    final int columns;
    final int rows;
    /** Index into {@link #cellRows} where each cell's rows start; one extra entry at the end. */
    final int[] cellStart;
    final int[] cellRows;

    private PointIndex(double[] x, double[] y, Scale xScale, Scale yScale) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        this.x = x;
        this.y = y;
        this.xScale = xScale;
        this.yScale = yScale;
        this.rowCount = x.length;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        int plottable = 0;
        for (int i = 0; i < rowCount; i++) {
            double tx = xScale.transform(x[i]);
            double ty = yScale.transform(y[i]);
            if (Double.isFinite(tx) && Double.isFinite(ty)) {
                plottable++;
                minX = Math.min(minX, tx);
                maxX = Math.max(maxX, tx);
                minY = Math.min(minY, ty);
                maxY = Math.max(maxY, ty);
            }
        }
        int perAxis = Math.clamp(Math.round(Math.sqrt((double) plottable / POINTS_PER_CELL)), 1,
                MAX_CELLS_PER_AXIS);
        this.columns = perAxis;
        this.rows = perAxis;
        this.originX = plottable == 0 ? 0 : minX;
        this.originY = plottable == 0 ? 0 : minY;
        this.cellWidth = plottable == 0 || maxX == minX ? 1 : (maxX - minX) / columns;
        this.cellHeight = plottable == 0 || maxY == minY ? 1 : (maxY - minY) / rows;
        int cells = columns * rows;
        int[] cellOf = new int[rowCount];
        int[] start = new int[cells + 1];
        for (int i = 0; i < rowCount; i++) {
            double tx = xScale.transform(x[i]);
            double ty = yScale.transform(y[i]);
            if (Double.isFinite(tx) && Double.isFinite(ty)) {
                int cell = cellY(ty) * columns + cellX(tx);
                cellOf[i] = cell;
                start[cell + 1]++;
            } else {
                cellOf[i] = -1;
            }
        }
        for (int c = 0; c < cells; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = new int[cells];
        System.arraycopy(start, 0, fill, 0, cells);
        int[] sorted = new int[plottable];
        for (int i = 0; i < rowCount; i++) {
            int cell = cellOf[i];
            if (cell >= 0) {
                sorted[fill[cell]++] = i;
            }
        }
        this.cellStart = start;
        this.cellRows = sorted;
    }

    /**
     * Builds the index.
     *
     * @param x the x column, NaN for NA
     * @param y the y column, NaN for NA
     * @param xScale the scale of the x axis
     * @param yScale the scale of the y axis
     * @return the index
     */
    public static PointIndex build(double[] x, double[] y, Scale xScale, Scale yScale) {
        return new PointIndex(x, y, xScale, yScale);
    }

    /** @return the number of rows of the indexed columns */
    public int rowCount() {
        return rowCount;
    }

    /** @return the number of plottable (indexed) points */
    public int size() {
        return cellRows.length;
    }

    /** @return the x scale the index was built for */
    public Scale xScale() {
        return xScale;
    }

    /** @return the y scale the index was built for */
    public Scale yScale() {
        return yScale;
    }

    /**
     * Finds the point nearest to a pixel position, among the points drawn inside the viewport.
     * Pixel positions are continuous: the centre of pixel (i, j) is (i + 0.5, j + 0.5), and a
     * point is at its mapped position (see {@link AxisMapping#toPixel(double)}). Ties go to the
     * lowest row.
     *
     * @param viewport the current viewport, whose axis scales must be those of the index
     * @param px pixel x of the query
     * @param py pixel y of the query
     * @param radius the largest distance in pixels at which a point is picked
     * @param candidates rows that may be picked (e.g. the filtered rows), or null for all
     * @return the row, or -1 when no point lies within the radius
     */
    public int nearest(Viewport viewport, double px, double py, double radius, BitSet candidates) {
        AxisMapping xm = viewport.xMapping();
        AxisMapping ym = viewport.yMapping();
        checkScales(xm, ym);
        double ax = xm.pixelToTransformed(px - radius);
        double bx = xm.pixelToTransformed(px + radius);
        double ay = ym.pixelToTransformed(py - radius);
        double by = ym.pixelToTransformed(py + radius);
        int cx0 = cellX(Math.min(ax, bx));
        int cx1 = cellX(Math.max(ax, bx));
        int cy0 = cellY(Math.min(ay, by));
        int cy1 = cellY(Math.max(ay, by));
        int width = viewport.width();
        int height = viewport.height();
        double best = radius * radius;
        int bestRow = -1;
        for (int cy = cy0; cy <= cy1; cy++) {
            for (int cx = cx0; cx <= cx1; cx++) {
                int cell = cy * columns + cx;
                for (int k = cellStart[cell], end = cellStart[cell + 1]; k < end; k++) {
                    int row = cellRows[k];
                    double qx = xm.toPixel(x[row]);
                    double qy = ym.toPixel(y[row]);
                    if (qx < 0 || qx >= width || qy < 0 || qy >= height) {
                        continue;
                    }
                    double dx = qx - px;
                    double dy = qy - py;
                    double d = dx * dx + dy * dy;
                    if ((d < best || d == best && (bestRow < 0 || row < bestRow))
                            && (candidates == null || candidates.get(row))) {
                        best = d;
                        bestRow = row;
                    }
                }
            }
        }
        return bestRow;
    }

    void checkScales(AxisMapping xm, AxisMapping ym) {
        if (xm.scale() != xScale || ym.scale() != yScale) {
            throw new IllegalArgumentException("the viewport's scales (" + xm.scale() + ", " + ym.scale()
                    + ") differ from the index's (" + xScale + ", " + yScale + "): rebuild the index");
        }
    }

    /** @return the grid column of a transformed x, clamped to the grid (NaN gives 0) */
    int cellX(double tx) {
        double c = Math.floor((tx - originX) / cellWidth);
        return c >= columns ? columns - 1 : c > 0 ? (int) c : 0;
    }

    /** @return the grid row of a transformed y, clamped to the grid (NaN gives 0) */
    int cellY(double ty) {
        double c = Math.floor((ty - originY) / cellHeight);
        return c >= rows ? rows - 1 : c > 0 ? (int) c : 0;
    }

    /** @return the grid column of a transformed x, unclamped, as a double */
    double cellXRaw(double tx) {
        return (tx - originX) / cellWidth;
    }

    /** @return the grid row of a transformed y, unclamped, as a double */
    double cellYRaw(double ty) {
        return (ty - originY) / cellHeight;
    }
}
