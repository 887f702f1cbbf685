// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.svg;

import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import org.idx.plot.axis.AxisMapping;
import org.idx.plot.axis.PlotAxis;
import org.idx.plot.axis.Tick;
import org.idx.plot.render.ArgbRaster;
import org.idx.plot.render.PointColors;
import org.idx.plot.render.RenderOptions;
import org.idx.plot.render.ScatterRasterizer;
import org.idx.plot.render.Viewport;
import org.idx.plot.stats.Histogram;

/**
 * Minimal SVG export of a scatter plot or a histogram: plot area, axes with tick labels, and
 * the data. A scatter with at most {@code maxCircles} visible points is written as one circle
 * per point (foreground ones after the others, highlighted ones last); above that, the point layer is rasterised as on screen and
 * embedded as a base64 PNG image.
 */
public final class SvgWriter {

    private static final int MARGIN_LEFT = 60;
    private static final int MARGIN_BOTTOM = 40;
    private static final int MARGIN_TOP = 10;
    private static final int MARGIN_RIGHT = 10;

    private SvgWriter() {
    }

    /**
     * A scatter without foreground rows.
     *
     * @param x x values per row
     * @param y y values per row
     * @param colors point colours
     * @param highlight highlighted rows, or null
     * @param viewport the data window and the plot area size in pixels
     * @param options point styles, as on screen
     * @param maxCircles the most points written as circles
     * @return the SVG document
     */
    public static String scatter(double[] x, double[] y, PointColors colors, BitSet highlight, Viewport viewport,
            RenderOptions options, int maxCircles) {
        return scatter(x, y, colors, null, highlight, viewport, options, maxCircles);
    }

    /**
     * @param x x values per row
     * @param y y values per row
     * @param colors point colours
     * @param foreground rows drawn above the others in their own colour (as
     *        {@link ScatterRasterizer} does), or null
     * @param highlight highlighted rows, or null
     * @param viewport the data window and the plot area size in pixels
     * @param options point styles, as on screen
     * @param maxCircles the most points written as circles
     * @return the SVG document
     */
    public static String scatter(double[] x, double[] y, PointColors colors, BitSet foreground, BitSet highlight,
            Viewport viewport, RenderOptions options, int maxCircles) {
        StringBuilder svg = open(viewport);
        AxisMapping xm = viewport.xMapping();
        AxisMapping ym = viewport.yMapping();
        int visible = 0;
        for (int i = 0; i < x.length && visible <= maxCircles; i++) {
            if (inside(xm.toPixel(x[i]), ym.toPixel(y[i]), viewport)) {
                visible++;
            }
        }
        svg.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,%d)\">%n", MARGIN_LEFT, MARGIN_TOP));
        if (visible <= maxCircles) {
            BitSet hl = highlight == null ? new BitSet() : highlight;
            BitSet front = foreground == null ? new BitSet() : foreground;
            for (int pass = 0; pass < 3; pass++) {
                for (int i = 0; i < x.length; i++) {
                    int rowPass = hl.get(i) ? 2 : front.get(i) ? 1 : 0;
                    if (rowPass != pass) {
                        continue;
                    }
                    double px = xm.toPixel(x[i]);
                    double py = ym.toPixel(y[i]);
                    if (inside(px, py, viewport)) {
                        int argb = pass == 2 && options.highlightColor() != 0 ? options.highlightColor()
                                : colors.argb(i);
                        int r = (pass == 2 ? options.highlight() : options.points()).radius();
                        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.1f\" %s/>%n",
                                px, py, r + 0.5, fill(argb)));
                    }
                }
            }
        } else {
            ArgbRaster raster = new ArgbRaster(viewport.width(), viewport.height());
            new ScatterRasterizer().render(x, y, colors, foreground, highlight, viewport, raster, options);
            svg.append(String.format(Locale.ROOT,
                    "<image width=\"%d\" height=\"%d\" href=\"data:image/png;base64,%s\"/>%n", viewport.width(),
                    viewport.height(), Base64.getEncoder().encodeToString(PngEncoder.encode(raster))));
        }
        svg.append("</g>\n");
        axes(svg, viewport);
        return svg.append("</svg>\n").toString();
    }

    /**
     * @param histogram the counts
     * @param groupColors a colour per group (bars of groups are stacked)
     * @param width plot area width in pixels
     * @param height plot area height in pixels
     * @return the SVG document
     */
    public static String histogram(Histogram histogram, int[] groupColors, int width, int height) {
        double top = Math.max(1, histogram.maxTotal());
        Viewport viewport = new Viewport(PlotAxis.linear(histogram.bins().min(),
                histogram.bins().max()), PlotAxis.linear(0, top * 1.05), width, height);
        StringBuilder svg = open(viewport);
        AxisMapping xm = viewport.xMapping();
        AxisMapping ym = viewport.yMapping();
        svg.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,%d)\">%n", MARGIN_LEFT, MARGIN_TOP));
        for (int b = 0; b < histogram.bins().count(); b++) {
            double x0 = xm.toPixel(histogram.bins().lower(b));
            double x1 = xm.toPixel(histogram.bins().lower(b + 1));
            long below = 0;
            for (int g = 0; g < histogram.groupCount(); g++) {
                long c = histogram.count(g, b);
                if (c == 0) {
                    continue;
                }
                double y1 = ym.toPixel(below);
                double y0 = ym.toPixel(below + c);
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" %s/>%n", x0, y0, x1 - x0, y1 - y0,
                        fill(groupColors[g % groupColors.length])));
                below += c;
            }
        }
        svg.append("</g>\n");
        axes(svg, viewport);
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(Viewport viewport) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"11\">%n",
                viewport.width() + MARGIN_LEFT + MARGIN_RIGHT, viewport.height() + MARGIN_TOP + MARGIN_BOTTOM));
        return svg;
    }

    private static void axes(StringBuilder svg, Viewport viewport) {
        int w = viewport.width();
        int h = viewport.height();
        svg.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,%d)\" stroke=\"black\" fill=\"none\">%n",
                MARGIN_LEFT, MARGIN_TOP));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\"/>%n", w, h));
        ticks(svg, viewport.x().ticks(Math.max(2, w / 80)), viewport.xMapping(), true, h);
        ticks(svg, viewport.y().ticks(Math.max(2, h / 50)), viewport.yMapping(), false, h);
        svg.append("</g>\n");
    }

    private static void ticks(StringBuilder svg, List<Tick> ticks, AxisMapping m, boolean horizontal, int h) {
        for (Tick t : ticks) {
            double p = m.toPixel(t.value());
            int len = t.major() ? 5 : 3;
            if (horizontal) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\"/>%n", p, h, p,
                        h + len));
                if (t.major()) {
                    svg.append(String.format(Locale.ROOT,
                            "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\" stroke=\"none\" fill=\"black\">%s</text>%n",
                            p, h + 18, escape(t.label())));
                }
            } else {
                svg.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\"/>%n", p, -len,
                        p));
                if (t.major()) {
                    svg.append(String.format(Locale.ROOT,
                            "<text x=\"-8\" y=\"%.2f\" text-anchor=\"end\" dominant-baseline=\"middle\" stroke=\"none\" "
                                    + "fill=\"black\">%s</text>%n",
                            p, escape(t.label())));
                }
            }
        }
    }

    private static boolean inside(double px, double py, Viewport viewport) {
        return px >= 0 && px < viewport.width() && py >= 0 && py < viewport.height();
    }

    private static String fill(int argb) {
        String rgb = String.format(Locale.ROOT, "fill=\"#%06x\"", argb & 0xFFFFFF);
        int alpha = argb >>> 24;
        return alpha == 255 ? rgb : rgb + String.format(Locale.ROOT, " fill-opacity=\"%.3f\"", alpha / 255.0);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
