// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

import org.idx.plot.axis.AxisMapping;
import org.idx.plot.axis.Scale;
import org.idx.plot.internal.Parallel;

/**
 * One pass over all points that classifies them (visible, outside, NA, not plottable) and,
 * optionally, counts visible points per pixel. Parallel over point ranges, each range with its
 * own count grid, merged afterwards.
 */
final class PointCounts {

    int visible;
    int outside;
    int na;
    int notPlottable;
    int[] grid;

    static PointCounts of(double[] x, double[] y, Viewport viewport, boolean withGrid) {
        int n = Math.min(x.length, y.length);
        int chunks = Parallel.chunksFor(n);
        PointCounts[] parts = new PointCounts[chunks];
        int cells = viewport.width() * viewport.height();
        Parallel.forEach(chunks, c -> {
            PointCounts part = new PointCounts();
            part.grid = withGrid ? new int[cells] : null;
            part.count(x, y, viewport, Parallel.chunkStart(n, chunks, c), Parallel.chunkStart(n, chunks, c + 1));
            parts[c] = part;
        });
        PointCounts total = parts[0];
        for (int c = 1; c < chunks; c++) {
            total.visible += parts[c].visible;
            total.outside += parts[c].outside;
            total.na += parts[c].na;
            total.notPlottable += parts[c].notPlottable;
        }
        if (withGrid && chunks > 1) {
            int[] sum = total.grid;
            int rows = viewport.height();
            int w = viewport.width();
            Parallel.forEach(Math.min(chunks, rows), part -> {
                int from = Parallel.chunkStart(rows, chunks, part) * w;
                int to = Parallel.chunkStart(rows, chunks, part + 1) * w;
                for (int c = 1; c < chunks; c++) {
                    int[] g = parts[c].grid;
                    for (int i = from; i < to; i++) {
                        sum[i] += g[i];
                    }
                }
            });
        }
        return total;
    }

    private void count(double[] x, double[] y, Viewport viewport, int from, int to) {
        AxisMapping xm = viewport.xMapping();
        AxisMapping ym = viewport.yMapping();
        boolean xLog = xm.scale() == Scale.LOG10;
        boolean yLog = ym.scale() == Scale.LOG10;
        double xo = xm.offset();
        double xf = xm.factor();
        double yo = ym.offset();
        double yf = ym.factor();
        int w = viewport.width();
        int h = viewport.height();
        int[] g = grid;
        for (int i = from; i < to; i++) {
            double vx = x[i];
            double vy = y[i];
            if (Double.isNaN(vx) || Double.isNaN(vy)) {
                na++;
                continue;
            }
            double px = xo + xf * (xLog ? log(vx) : vx);
            double py = yo + yf * (yLog ? log(vy) : vy);
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                notPlottable++;
            } else if (px >= 0 && px < w && py >= 0 && py < h) {
                visible++;
                if (g != null) {
                    g[(int) py * w + (int) px]++;
                }
            } else {
                outside++;
            }
        }
    }

    static double log(double v) {
        return v > 0 ? Math.log10(v) : Double.NaN;
    }
}
