// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.index;

import java.util.BitSet;

/**
 * Selects the points inside a polygon using the grid of a {@link PointIndex}:
 * <ol>
 * <li>each edge is assigned to the grid rows its y-range meets, and the cells it passes
 * through in each such row are marked as <em>boundary</em> (conservatively, with a small
 * margin);</li>
 * <li>a cell not marked is crossed by no edge, so all its points are inside or all outside:
 * its centre decides, by a scanline along the row's centre line: the edges crossing it are
 * sorted once per row, and walking the cells left to right counts the crossings passed;</li>
 * <li>points of boundary cells are tested one by one, again against their row's edges only
 * (an edge outside the row cannot cross a horizontal ray from a point in it), with the same
 * arithmetic as {@link Polygon#contains(double, double)}.</li>
 * </ol>
 * Cost: O(edges x rows spanned) + O(cells in the bounding box) + O(points in boundary cells).
 */
final class LassoScan {

    private static final double EPS = 1e-6;

    private final PointIndex index;
    private final Polygon polygon;
    private final int cx0;
    private final int cx1;
    private final int cy0;
    private final int cy1;
    private final int spanX;
    /** Edges of each grid row of the bounding box, CSR: rowEdges[rowEdgeStart[r] .. rowEdgeStart[r+1]). */
    private int[] rowEdgeStart;
    private int[] rowEdges;
    private BitSet boundary;
    private double[] crossX = new double[16];
    private int[] crossWeight = new int[16];

    LassoScan(PointIndex index, Polygon polygon) {
        this.index = index;
        this.polygon = polygon;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < polygon.size(); i++) {
            minX = Math.min(minX, polygon.x(i));
            maxX = Math.max(maxX, polygon.x(i));
            minY = Math.min(minY, polygon.y(i));
            maxY = Math.max(maxY, polygon.y(i));
        }
        this.cx0 = RegionSelector.clampedCell(index.cellXRaw(minX) - EPS, index.columns);
        this.cx1 = RegionSelector.clampedCell(index.cellXRaw(maxX) + EPS, index.columns);
        this.cy0 = RegionSelector.clampedCell(index.cellYRaw(minY) - EPS, index.rows);
        this.cy1 = RegionSelector.clampedCell(index.cellYRaw(maxY) + EPS, index.rows);
        this.spanX = cx1 - cx0 + 1;
    }

    BitSet select() {
        BitSet result = new BitSet(index.rowCount);
        if (index.size() == 0) {
            return result;
        }
        assignEdges();
        for (int cy = cy0; cy <= cy1; cy++) {
            int r = cy - cy0;
            int edgeFrom = rowEdgeStart[r];
            int edgeTo = rowEdgeStart[r + 1];
            if (edgeFrom == edgeTo) {
                continue; // no edge meets this row: nothing in it is inside
            }
            double centreY = index.originY + (cy + 0.5) * index.cellHeight;
            int crossings = centreCrossings(centreY, edgeFrom, edgeTo);
            int total = 0;
            for (int c = 0; c < crossings; c++) {
                total += crossWeight[c];
            }
            int next = 0;
            int passed = 0;
            for (int cx = cx0; cx <= cx1; cx++) {
                int cell = cy * index.columns + cx;
                int from = index.cellStart[cell];
                int to = index.cellStart[cell + 1];
                double centreX = index.originX + (cx + 0.5) * index.cellWidth;
                while (next < crossings && !(centreX < crossX[next])) {
                    passed += crossWeight[next++];
                }
                if (from == to) {
                    continue;
                }
                if (!boundary.get(r * spanX + cx - cx0)) {
                    if (polygon.inside(total - passed)) {
                        for (int k = from; k < to; k++) {
                            result.set(index.cellRows[k]);
                        }
                    }
                    continue;
                }
                for (int k = from; k < to; k++) {
                    int row = index.cellRows[k];
                    double tx = index.xScale.transform(index.x[row]);
                    double ty = index.yScale.transform(index.y[row]);
                    if (inside(tx, ty, edgeFrom, edgeTo)) {
                        result.set(row);
                    }
                }
            }
        }
        return result;
    }

    /**
     * Fills {@link #crossX} and {@link #crossWeight} with the crossings of the row's edges with
     * the line at {@code y}, sorted by x.
     *
     * @return the number of crossings
     */
    private int centreCrossings(double y, int edgeFrom, int edgeTo) {
        int count = 0;
        if (crossX.length < edgeTo - edgeFrom) {
            crossX = new double[edgeTo - edgeFrom];
            crossWeight = new int[edgeTo - edgeFrom];
        }
        for (int k = edgeFrom; k < edgeTo; k++) {
            int e = rowEdges[k];
            double x = polygon.crossX(e, y);
            if (Double.isNaN(x)) {
                continue;
            }
            int w = polygon.weight(e);
            int at = count++;
            while (at > 0 && crossX[at - 1] > x) { // insertion sort: a row has few crossings
                crossX[at] = crossX[at - 1];
                crossWeight[at] = crossWeight[at - 1];
                at--;
            }
            crossX[at] = x;
            crossWeight[at] = w;
        }
        return count;
    }

    private boolean inside(double px, double py, int edgeFrom, int edgeTo) {
        int sum = 0;
        for (int k = edgeFrom; k < edgeTo; k++) {
            sum += polygon.crossing(rowEdges[k], px, py);
        }
        return polygon.inside(sum);
    }

    private void assignEdges() {
        int spanY = cy1 - cy0 + 1;
        int n = polygon.size();
        rowEdgeStart = new int[spanY + 1];
        for (int e = 0; e < n; e++) {
            int[] rows = edgeRows(e);
            for (int r = rows[0]; r <= rows[1]; r++) {
                rowEdgeStart[r - cy0 + 1]++;
            }
        }
        for (int r = 0; r < spanY; r++) {
            rowEdgeStart[r + 1] += rowEdgeStart[r];
        }
        rowEdges = new int[rowEdgeStart[spanY]];
        int[] fill = rowEdgeStart.clone();
        boundary = new BitSet(spanX * spanY);
        for (int e = 0; e < n; e++) {
            int[] rows = edgeRows(e);
            for (int cy = rows[0]; cy <= rows[1]; cy++) {
                rowEdges[fill[cy - cy0]++] = e;
                markBoundary(e, cy);
            }
        }
    }

    /** @return the first and last grid row (clamped to the bounding box) that edge e meets */
    private int[] edgeRows(int e) {
        int f = e + 1 == polygon.size() ? 0 : e + 1;
        double lo = Math.min(polygon.y(e), polygon.y(f));
        double hi = Math.max(polygon.y(e), polygon.y(f));
        int first = Math.max(cy0, RegionSelector.clampedCell(index.cellYRaw(lo) - EPS, index.rows));
        int last = Math.min(cy1, RegionSelector.clampedCell(index.cellYRaw(hi) + EPS, index.rows));
        return new int[] {first, last};
    }

    /** Marks the cells of grid row cy that edge e passes through. */
    private void markBoundary(int e, int cy) {
        int f = e + 1 == polygon.size() ? 0 : e + 1;
        double xa = polygon.x(e);
        double ya = polygon.y(e);
        double xb = polygon.x(f);
        double yb = polygon.y(f);
        double lo;
        double hi;
        if (ya == yb) {
            lo = Math.min(xa, xb);
            hi = Math.max(xa, xb);
        } else {
            double bandLo = index.originY + (cy - EPS) * index.cellHeight;
            double bandHi = index.originY + (cy + 1 + EPS) * index.cellHeight;
            double y0 = Math.max(bandLo, Math.min(ya, yb));
            double y1 = Math.min(bandHi, Math.max(ya, yb));
            double slope = (xb - xa) / (yb - ya);
            double x0 = xa + (y0 - ya) * slope;
            double x1 = xa + (y1 - ya) * slope;
            lo = Math.min(x0, x1);
            hi = Math.max(x0, x1);
        }
        int from = Math.max(cx0, RegionSelector.clampedCell(index.cellXRaw(lo) - EPS, index.columns));
        int to = Math.min(cx1, RegionSelector.clampedCell(index.cellXRaw(hi) + EPS, index.columns));
        int base = (cy - cy0) * spanX - cx0;
        boundary.set(base + from, base + to + 1);
    }
}
