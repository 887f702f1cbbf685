// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.axis;

import java.util.List;

/**
 * The visible data range of one axis and its scale.
 *
 * @param scale linear or log10
 * @param min the smallest visible value (positive on a log axis)
 * @param max the largest visible value, greater than {@code min}
 */
public record PlotAxis(Scale scale, double min, double max) {

    /** Validates the range. */
    public PlotAxis {
        if (scale == null) {
            throw new IllegalArgumentException("scale is null");
        }
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("axis range must be finite with min < max: [" + min + ", " + max + "]");
        }
        if (scale == Scale.LOG10 && min <= 0) {
            throw new IllegalArgumentException("a log axis needs a positive minimum: " + min);
        }
    }

    /**
     * A linear axis.
     *
     * @param min the smallest visible value
     * @param max the largest visible value
     * @return the axis
     */
    public static PlotAxis linear(double min, double max) {
        return new PlotAxis(Scale.LINEAR, min, max);
    }

    /**
     * A log10 axis.
     *
     * @param min the smallest visible value, positive
     * @param max the largest visible value
     * @return the axis
     */
    public static PlotAxis log10(double min, double max) {
        return new PlotAxis(Scale.LOG10, min, max);
    }

    /**
     * An axis spanning the plottable values of a column, widened by {@code padding} (a fraction
     * of the span, in transformed space) on each side. A column with no plottable value gets
     * [0, 1] (linear) or [1, 10] (log); a single distinct value gets a unit-wide range around it.
     *
     * @param scale the scale
     * @param values the column; NaN and (on log) non-positive values are ignored
     * @param padding fraction of the span added at each end, e.g. 0.04
     * @return the axis
     */
    public static PlotAxis fitting(Scale scale, double[] values, double padding) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            double t = scale.transform(v);
            if (t < lo) {
                lo = t;
            }
            if (t > hi) {
                hi = t;
            }
        }
        if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        } else {
            double pad = (hi - lo) * padding;
            lo -= pad;
            hi += pad;
        }
        return new PlotAxis(scale, scale.inverse(lo), scale.inverse(hi));
    }

    /**
     * @param pixels length of the axis in pixels
     * @param inverted true for a vertical axis whose pixel 0 is the top (maximum)
     * @return the mapping from values to pixels
     */
    public AxisMapping map(int pixels, boolean inverted) {
        return new AxisMapping(this, pixels, inverted);
    }

    /**
     * @param targetCount roughly how many labelled ticks are wanted, at least 2
     * @return the ticks inside the range, in increasing order: 1-2-5 steps on a linear axis,
     *         decades (with 2 and 5 when few decades are visible) on a log axis
     */
    public List<Tick> ticks(int targetCount) {
        return scale == Scale.LINEAR
                ? TickCalculator.linear(min, max, targetCount)
                : TickCalculator.log10(min, max, targetCount);
    }
}
