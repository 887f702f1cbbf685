// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

import org.idx.plot.axis.AxisMapping;
import org.idx.plot.axis.PlotAxis;

/**
 * The data window shown in a plot area of {@code width x height} pixels. The y axis is drawn
 * upwards: its maximum is at pixel row 0.
 *
 * @param x the horizontal axis
 * @param y the vertical axis
 * @param width plot area width in pixels
 * @param height plot area height in pixels
 */
public record Viewport(PlotAxis x, PlotAxis y, int width, int height) {

    /** Validates the arguments. */
    public Viewport {
        if (x == null || y == null) {
            throw new IllegalArgumentException("axes must not be null");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("viewport size must be positive: " + width + "x" + height);
        }
    }

    /** @return the mapping of x values to pixel columns */
    public AxisMapping xMapping() {
        return x.map(width, false);
    }

    /** @return the mapping of y values to pixel rows (inverted: larger values higher up) */
    public AxisMapping yMapping() {
        return y.map(height, true);
    }
}
