// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.axis;

/**
 * Maps data values of one axis to pixel positions and back. Pixel positions are continuous:
 * pixel {@code i} covers {@code [i, i + 1)}, so a value mapped to 3.7 is drawn in pixel 3.
 * A vertical axis is usually {@linkplain PlotAxis#map(int, boolean) inverted} so that larger
 * values are drawn higher up (smaller pixel row).
 * <p>
 * Instances are immutable; the fields are exposed through accessors so tight loops can inline
 * the affine map {@code pixel = offset + factor * scale.transform(value)}.
 */
public final class AxisMapping {

    private final Scale scale;
    private final int pixels;
    private final double offset;
    private final double factor;

    AxisMapping(PlotAxis axis, int pixels, boolean inverted) {
        if (pixels <= 0) {
            throw new IllegalArgumentException("pixel length must be positive: " + pixels);
        }
        this.scale = axis.scale();
        this.pixels = pixels;
        double t0 = scale.transform(axis.min());
        double t1 = scale.transform(axis.max());
        double f = pixels / (t1 - t0);
        if (inverted) {
            this.factor = -f;
            this.offset = pixels + f * t0;
        } else {
            this.factor = f;
            this.offset = -f * t0;
        }
    }

    /** @return the axis scale */
    public Scale scale() {
        return scale;
    }

    /** @return the length of the axis in pixels */
    public int pixels() {
        return pixels;
    }

    /** @return the constant term of the affine map from transformed value to pixel */
    public double offset() {
        return offset;
    }

    /** @return the slope of the affine map from transformed value to pixel */
    public double factor() {
        return factor;
    }

    /**
     * @param value a data value
     * @return its continuous pixel position (may lie outside the axis), NaN when not plottable
     */
    public double toPixel(double value) {
        return offset + factor * scale.transform(value);
    }

    /**
     * @param transformed a position in transformed space
     * @return its continuous pixel position
     */
    public double transformedToPixel(double transformed) {
        return offset + factor * transformed;
    }

    /**
     * @param pixel a continuous pixel position
     * @return the position in transformed space
     */
    public double pixelToTransformed(double pixel) {
        return (pixel - offset) / factor;
    }

    /**
     * @param pixel a continuous pixel position
     * @return the data value there
     */
    public double toValue(double pixel) {
        return scale.inverse(pixelToTransformed(pixel));
    }
}
