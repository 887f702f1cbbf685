// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

/**
 * Options of a scatter repaint. Use {@link #defaults()} and the {@code with...} methods.
 *
 * @param mode points, density, or automatic choice
 * @param points the style of ordinary points
 * @param highlight the style of highlighted (selected) points
 * @param highlightColor the colour of highlighted points, or 0 to keep each point's own colour
 * @param densityRamp the ramp for density mode, from one point per pixel to the maximum
 * @param densityThreshold in {@link RenderMode#AUTO}, density is used when visible points
 *        exceed this fraction of the pixel count
 */
public record RenderOptions(RenderMode mode, PointStyle points, PointStyle highlight, int highlightColor,
        ColorRamp densityRamp, double densityThreshold) {

    /** Validates the arguments. */
    public RenderOptions {
        if (mode == null || points == null || highlight == null || densityRamp == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        if (!(densityThreshold > 0)) {
            throw new IllegalArgumentException("density threshold must be positive: " + densityThreshold);
        }
    }

    /**
     * @return automatic mode, opaque 3x3 squares, highlighted points as opaque 5x5 red-orange
     *         squares, viridis density, threshold 1/4
     */
    public static RenderOptions defaults() {
        return new RenderOptions(RenderMode.AUTO, new PointStyle(1, PointShape.SQUARE, 255),
                new PointStyle(2, PointShape.SQUARE, 255), 0xFFFF3D00, ColorRamp.viridis(), 0.25);
    }

    /**
     * @param newMode the mode
     * @return a copy with that mode
     */
    public RenderOptions withMode(RenderMode newMode) {
        return new RenderOptions(newMode, points, highlight, highlightColor, densityRamp, densityThreshold);
    }

    /**
     * @param style the point style
     * @return a copy with that style for ordinary points
     */
    public RenderOptions withPoints(PointStyle style) {
        return new RenderOptions(mode, style, highlight, highlightColor, densityRamp, densityThreshold);
    }

    /**
     * @param style the style of highlighted points
     * @param argb their colour, 0 to keep each point's own colour
     * @return a copy with that highlight
     */
    public RenderOptions withHighlight(PointStyle style, int argb) {
        return new RenderOptions(mode, points, style, argb, densityRamp, densityThreshold);
    }

    /**
     * @param ramp the density ramp
     * @return a copy with that ramp
     */
    public RenderOptions withDensityRamp(ColorRamp ramp) {
        return new RenderOptions(mode, points, highlight, highlightColor, ramp, densityThreshold);
    }

    /**
     * @param fraction the automatic density threshold (visible points per pixel)
     * @return a copy with that threshold
     */
    public RenderOptions withDensityThreshold(double fraction) {
        return new RenderOptions(mode, points, highlight, highlightColor, densityRamp, fraction);
    }
}
