// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.display;

import org.idx.images.Plane;

/**
 * The value range mapped to display intensities: values at or below {@code min} show black, values
 * at or above {@code max} show the channel's full colour, linearly in between.
 *
 * @param min the value shown black
 * @param max the value shown at full intensity, {@code > min}
 */
public record ContrastRange(double min, double max) {

    /** The lower percentile of {@link #auto(Plane)}. */
    public static final double AUTO_LOW_PERCENT = 0.1;
    /** The upper percentile of {@link #auto(Plane)}. */
    public static final double AUTO_HIGH_PERCENT = 99.9;

    /** Validates. */
    public ContrastRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("contrast range needs finite min < max: " + min + ", " + max);
        }
    }

    /**
     * A manual range; when {@code max <= min}, max is moved just above min.
     *
     * @param min the value shown black
     * @param max the value shown at full intensity
     * @return the range
     */
    public static ContrastRange manual(double min, double max) {
        return new ContrastRange(min, max > min ? max : nextAbove(min));
    }

    /**
     * Auto contrast from the 0.1 and 99.9 percentiles of a plane.
     *
     * @param plane a plane
     * @return the range
     */
    public static ContrastRange auto(Plane plane) {
        return percentiles(Histogram.of(plane), AUTO_LOW_PERCENT, AUTO_HIGH_PERCENT);
    }

    /**
     * A range from two percentiles of a histogram; a flat or empty plane gives a range one unit wide.
     *
     * @param histogram a plane's histogram
     * @param low       the lower percentile, 0 to 100
     * @param high      the upper percentile, 0 to 100
     * @return the range
     */
    public static ContrastRange percentiles(Histogram histogram, double low, double high) {
        double lo = histogram.percentile(low);
        double hi = histogram.percentile(high);
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return new ContrastRange(0, 1);
        }
        return manual(lo, hi);
    }

    private static double nextAbove(double v) {
        double up = v + 1;
        return up > v ? up : Math.nextUp(v);
    }

    /**
     * @param value a sample
     * @return its display level, 0 to 255
     */
    public int level(double value) {
        double l = (value - min) * 255 / (max - min);
        return l <= 0 || Double.isNaN(l) ? 0 : l >= 255 ? 255 : (int) (l + 0.5);
    }
}
