// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

/** Whether a scatter is painted as individual points or as a density image. */
public enum RenderMode {
    /**
     * Density when the number of points visible in the viewport exceeds
     * {@link RenderOptions#densityThreshold()} times the pixel count (default 1/4), points
     * otherwise.
     */
    AUTO,
    /** Always paint every point with its own colour. */
    POINTS,
    /**
     * Always paint per-pixel counts through a log-scaled colour ramp; foreground points (in their
     * own colour) and highlighted points are painted on top as points.
     */
    DENSITY
}
