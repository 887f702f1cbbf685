// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.axis;

/**
 * How data values are spaced along an axis. Mappings, indexes and ticks all work in the
 * <em>transformed</em> space ({@link #transform(double)}), where the spacing is linear.
 */
public enum Scale {
    /** Values are spaced linearly; every finite value is plottable. */
    LINEAR {
        @Override
        public double transform(double value) {
            return value;
        }

        @Override
        public double inverse(double transformed) {
            return transformed;
        }
    },
    /**
     * Values are spaced by their base-10 logarithm. Zero, negative and NaN values are not
     * plottable: {@link #transform(double)} returns NaN for them and callers count them.
     */
    LOG10 {
        @Override
        public double transform(double value) {
            return value > 0 ? Math.log10(value) : Double.NaN;
        }

        @Override
        public double inverse(double transformed) {
            return Math.pow(10, transformed);
        }
    };

    /**
     * @param value a data value
     * @return its position in transformed space, NaN when the value cannot be plotted
     */
    public abstract double transform(double value);

    /**
     * @param transformed a position in transformed space
     * @return the data value at that position
     */
    public abstract double inverse(double transformed);

    /**
     * @param value a data value
     * @return whether the value can be plotted on this scale (finite, and positive for log)
     */
    public boolean isPlottable(double value) {
        return Double.isFinite(transform(value));
    }

    /**
     * Counts the values this scale cannot plot for a reason other than being NA: infinite
     * values, and zero or negative values on a log scale.
     *
     * @param values a column; NaN entries are NA and not counted
     * @return how many non-NA values cannot be plotted
     */
    public int countNotPlottable(double[] values) {
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v) && !isPlottable(v)) {
                count++;
            }
        }
        return count;
    }
}
