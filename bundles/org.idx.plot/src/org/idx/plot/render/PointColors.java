// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

/**
 * The colour of each point (row): one colour, a categorical code through a {@link Palette}, or
 * a continuous value through a {@link ColorRamp}. Implementations must be thread-safe for
 * reading, as rasterizers call them from several threads.
 */
@FunctionalInterface
public interface PointColors {

    /**
     * @param row a row index
     * @return the ARGB colour of that row's point
     */
    int argb(int row);

    /**
     * @param argb the colour of every point
     * @return a uniform colour source
     */
    static PointColors uniform(int argb) {
        return row -> argb;
    }

    /**
     * @param codes a level code per row (negative for NA), e.g. a dictionary-encoded column
     * @param palette the colours of the levels
     * @return the colour source
     */
    static PointColors indexed(int[] codes, Palette palette) {
        return row -> palette.color(codes[row]);
    }

    /**
     * @param values a value per row (NaN for NA)
     * @param ramp the colour ramp
     * @param min the value at the start of the ramp
     * @param max the value at the end of the ramp, greater than {@code min}
     * @param naColor the colour of NA values
     * @return the colour source
     */
    static PointColors continuous(double[] values, ColorRamp ramp, double min, double max, int naColor) {
        double scale = 1 / (max - min);
        return row -> {
            double v = values[row];
            return Double.isNaN(v) ? naColor : ramp.color((v - min) * scale);
        };
    }
}
