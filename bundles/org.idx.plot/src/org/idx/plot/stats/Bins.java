// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.stats;

/**
 * Equal-width bins over [min, max]. Bin i covers {@code [min + i w, min + (i + 1) w)}; the last
 * bin also includes {@code max}.
 *
 * @param min the lower edge of the first bin
 * @param max the upper edge of the last bin, greater than {@code min}
 * @param count the number of bins, at least 1
 */
public record Bins(double min, double max, int count) {

    /** Validates the arguments. */
    public Bins {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("bins need finite min < max: [" + min + ", " + max + "]");
        }
        if (count < 1) {
            throw new IllegalArgumentException("bin count must be at least 1: " + count);
        }
    }

    /**
     * Bins spanning the finite values of a column; a column without finite values gets [0, 1],
     * one with a single distinct value v gets [v - 0.5, v + 0.5].
     *
     * @param values the column
     * @param count the number of bins
     * @return the bins
     */
    public static Bins spanning(double[] values, int count) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new Bins(0, 1, count);
        }
        if (lo == hi) {
            return new Bins(lo - 0.5, hi + 0.5, count);
        }
        return new Bins(lo, hi, count);
    }

    /** @return the width of one bin */
    public double width() {
        return (max - min) / count;
    }

    /**
     * @param i a bin index
     * @return its lower edge
     */
    public double lower(int i) {
        return i == count ? max : min + i * width();
    }

    /**
     * @param v a value
     * @return its bin, -1 below the range or NaN, {@code count} above the range
     */
    public int binOf(double v) {
        if (!(v >= min)) {
            return -1;
        }
        if (v > max) {
            return count;
        }
        int b = (int) ((v - min) / (max - min) * count);
        return b >= count ? count - 1 : b;
    }
}
