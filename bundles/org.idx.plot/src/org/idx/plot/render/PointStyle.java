// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

/**
 * How points are stamped into the raster.
 *
 * @param radius 0 for single pixels; a radius r covers {@code 2r + 1} pixels across
 * @param shape square or disc
 * @param alpha opacity 0-255, multiplied with the colour's own alpha
 */
public record PointStyle(int radius, PointShape shape, int alpha) {

    /** Validates the arguments. */
    public PointStyle {
        if (radius < 0 || radius > 50) {
            throw new IllegalArgumentException("radius must be in [0, 50]: " + radius);
        }
        if (shape == null) {
            throw new IllegalArgumentException("shape is null");
        }
        if (alpha < 0 || alpha > 255) {
            throw new IllegalArgumentException("alpha must be in [0, 255]: " + alpha);
        }
    }
}
