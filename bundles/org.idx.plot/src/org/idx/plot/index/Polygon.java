// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.index;

/**
 * A closed polygon (the last vertex joins the first) with a fill rule, and its point-in-polygon
 * test. A point exactly on an edge may fall either side; the test is deterministic, and the
 * grid-accelerated selection gives the same answer as {@link #contains(double, double)}.
 */
public final class Polygon {

    private final double[] xs;
    private final double[] ys;
    private final FillRule rule;

    /**
     * @param xs vertex x coordinates
     * @param ys vertex y coordinates, same length, at least 3 vertices
     * @param rule the fill rule
     */
    public Polygon(double[] xs, double[] ys, FillRule rule) {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices with x and y each: "
                    + xs.length + " x, " + ys.length + " y");
        }
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("vertex " + i + " is not finite: " + xs[i] + ", " + ys[i]);
            }
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.rule = rule;
    }

    /** @return the number of vertices (and edges) */
    public int size() {
        return xs.length;
    }

    /** @return the fill rule */
    public FillRule rule() {
        return rule;
    }

    double x(int i) {
        return xs[i];
    }

    double y(int i) {
        return ys[i];
    }

    /**
     * @param px point x
     * @param py point y
     * @return whether the point is inside by the fill rule
     */
    public boolean contains(double px, double py) {
        int winding = 0;
        int n = xs.length;
        for (int i = 0; i < n; i++) {
            winding += crossing(i, px, py);
        }
        return inside(winding);
    }

    /**
     * @param sum for even-odd, the number of crossings; for non-zero, their signed sum
     * @return whether that means inside
     */
    boolean inside(int sum) {
        return rule == FillRule.EVEN_ODD ? (sum & 1) != 0 : sum != 0;
    }

    /**
     * The contribution of edge {@code i} (from vertex i to i+1) to the test of a ray from the
     * point towards +x: 0 when the ray misses it; otherwise 1 for even-odd, and +1 (upwards) or
     * -1 (downwards) for non-zero.
     */
    int crossing(int i, double px, double py) {
        double cross = crossX(i, py);
        return px < cross ? weight(i) : 0;
    }

    /**
     * @return where edge i crosses the horizontal line at py, NaN when it does not (an edge
     *         counts for {@code min(y) <= py < max(y)}, so a vertex is counted once)
     */
    double crossX(int i, double py) {
        int j = i + 1 == xs.length ? 0 : i + 1;
        double yi = ys[i];
        double yj = ys[j];
        if ((yi > py) == (yj > py)) {
            return Double.NaN;
        }
        return xs[i] + (py - yi) * (xs[j] - xs[i]) / (yj - yi);
    }

    /** @return the weight of a crossing of edge i: 1 for even-odd, its direction for non-zero */
    int weight(int i) {
        int j = i + 1 == xs.length ? 0 : i + 1;
        return rule == FillRule.EVEN_ODD ? 1 : ys[j] > ys[i] ? 1 : -1;
    }
}
