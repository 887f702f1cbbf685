// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.draw;

/**
 * Where a chart draws its frame, bars and labels: the screen (an SWT GC, in the UI bundles) or an
 * SVG document ({@link SvgSurface}). A chart painted through a surface looks the same on screen
 * and in the exported file. Coordinates are pixels, y grows downwards; colours are ARGB.
 */
public interface Surface {

    /** Where a text is placed relative to its x coordinate. */
    enum Align {
        /** x is the left end of the text. */
        LEFT,
        /** x is the middle of the text. */
        CENTER,
        /** x is the right end of the text. */
        RIGHT
    }

    /** @param argb the colour of what is drawn next (fills, lines and texts) */
    void color(int argb);

    /** @param width the width of lines drawn next, in pixels */
    void lineWidth(int width);

    /** Fills a rectangle. */
    void fillRect(double x, double y, double width, double height);

    /** Outlines a rectangle. */
    void drawRect(double x, double y, double width, double height);

    /** Draws a line. */
    void line(double x1, double y1, double x2, double y2);

    /** Fills a circle. */
    void fillCircle(double cx, double cy, double radius);

    /** Outlines a circle. */
    void drawCircle(double cx, double cy, double radius);

    /**
     * Draws a text.
     *
     * @param text the text
     * @param x where it starts, is centred or ends (see {@code align})
     * @param y the top of the text
     * @param align how {@code x} is meant
     */
    void text(String text, double x, double y, Align align);

    /**
     * Draws a text turned 90 degrees counter-clockwise (an axis title), centred on {@code y}.
     *
     * @param text the text
     * @param x the left of the turned text
     * @param y the middle of the turned text
     */
    void verticalText(String text, double x, double y);

    /**
     * @param text a text
     * @return its width in pixels
     */
    int textWidth(String text);

    /** @return the height of a line of text in pixels */
    int textHeight();
}
