// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.draw;

import java.util.Locale;

/**
 * A {@link Surface} that writes SVG elements. Text widths are estimated from the font size (the
 * reader's font decides the real ones), which is close enough for labels and legends.
 */
public final class SvgSurface implements Surface {

    private static final int FONT_SIZE = 11;

    private final StringBuilder svg = new StringBuilder();
    private final int width;
    private final int height;
    private int argb = 0xFF000000;
    private int lineWidth = 1;

    /**
     * @param width the document width in pixels
     * @param height the document height in pixels
     */
    public SvgSurface(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void color(int color) {
        argb = color;
    }

    @Override
    public void lineWidth(int pixels) {
        lineWidth = Math.max(1, pixels);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" %s/>%n", x, y,
                w, h, paint("fill")));
    }

    @Override
    public void drawRect(double x, double y, double w, double h) {
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"none\" %s/>%n", x + 0.5, y + 0.5, w,
                h, stroke()));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" %s/>%n", x1 + 0.5,
                y1 + 0.5, x2 + 0.5, y2 + 0.5, stroke()));
    }

    @Override
    public void fillCircle(double cx, double cy, double radius) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" %s/>%n", cx, cy, radius,
                paint("fill")));
    }

    @Override
    public void drawCircle(double cx, double cy, double radius) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"none\" %s/>%n", cx,
                cy, radius, stroke()));
    }

    @Override
    public void text(String text, double x, double y, Align align) {
        String anchor = switch (align) {
            case LEFT -> "start";
            case CENTER -> "middle";
            case RIGHT -> "end";
        };
        svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\" %s>%s</text>%n", x,
                y + FONT_SIZE, anchor, paint("fill"), escape(text)));
    }

    @Override
    public void verticalText(String text, double x, double y) {
        svg.append(String.format(Locale.ROOT,
                "<text transform=\"translate(%.2f,%.2f) rotate(-90)\" text-anchor=\"middle\" %s>%s</text>%n",
                x + FONT_SIZE, y, paint("fill"), escape(text)));
    }

    @Override
    public int textWidth(String text) {
        return (int) Math.ceil(text.length() * FONT_SIZE * 0.6);
    }

    @Override
    public int textHeight() {
        return FONT_SIZE + 4;
    }

    /** @return the SVG document with everything drawn so far */
    public String document() {
        return String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"%d\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>%n",
                width, height, FONT_SIZE) + svg + "</svg>\n";
    }

    private String paint(String attribute) {
        String rgb = String.format(Locale.ROOT, "%s=\"#%06x\"", attribute, argb & 0xFFFFFF);
        int alpha = argb >>> 24;
        return alpha == 255 ? rgb : rgb + String.format(Locale.ROOT, " %s-opacity=\"%.3f\"", attribute, alpha / 255.0);
    }

    private String stroke() {
        return paint("stroke") + " stroke-width=\"" + lineWidth + "\"";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
