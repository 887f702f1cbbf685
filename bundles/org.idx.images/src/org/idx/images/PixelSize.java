// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * The physical size of one pixel.
 *
 * @param x    width of a pixel, {@code > 0}
 * @param y    height of a pixel, {@code > 0}
 * @param unit the unit, e.g. "µm"
 */
public record PixelSize(double x, double y, String unit) {

    /** Micrometre, the unit readers convert to when they can. */
    public static final String MICROMETRE = "µm";

    /** Validates. */
    public PixelSize {
        if (!(x > 0) || !(y > 0) || Double.isInfinite(x) || Double.isInfinite(y)) {
            throw new IllegalArgumentException("pixel size must be positive: " + x + " x " + y);
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("pixel size needs a unit");
        }
    }
}
