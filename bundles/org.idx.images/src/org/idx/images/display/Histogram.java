// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.display;

import org.idx.images.BytePlane;
import org.idx.images.FloatPlane;
import org.idx.images.Plane;
import org.idx.images.ShortPlane;

/**
 * The distribution of a plane's values: one bin per value for 8- and 16-bit planes (exact), 65536
 * equal bins between the smallest and largest finite value for floating-point planes. NaN and
 * infinite samples are not counted.
 */
public final class Histogram {

    private static final int FLOAT_BINS = 65536;

    private final long[] counts;
    private final double start;
    private final double binWidth;
    private final long total;

    private Histogram(long[] counts, double start, double binWidth) {
        this.counts = counts;
        this.start = start;
        this.binWidth = binWidth;
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        this.total = sum;
    }

    /**
     * @param plane a plane
     * @return its histogram
     */
    public static Histogram of(Plane plane) {
        return switch (plane) {
            case BytePlane p -> {
                long[] counts = new long[256];
                for (byte v : p.data()) {
                    counts[v & 0xFF]++;
                }
                yield new Histogram(counts, 0, 1);
            }
            case ShortPlane p -> {
                int[] counts = new int[65536];
                for (short v : p.data()) {
                    counts[v & 0xFFFF]++;
                }
                long[] wide = new long[65536];
                for (int i = 0; i < wide.length; i++) {
                    wide[i] = counts[i];
                }
                yield new Histogram(wide, 0, 1);
            }
            case FloatPlane p -> floats(p.data());
        };
    }

    private static Histogram floats(float[] data) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : data) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        long[] counts = new long[FLOAT_BINS];
        if (min > max) {
            return new Histogram(counts, 0, 1);
        }
        double width = max > min ? (max - min) / FLOAT_BINS : 1;
        double scale = 1 / width;
        for (float v : data) {
            if (Float.isFinite(v)) {
                int bin = (int) ((v - min) * scale);
                counts[Math.min(bin, FLOAT_BINS - 1)]++;
            }
        }
        return new Histogram(counts, min, width);
    }

    /** @return the counts per bin; do not modify */
    public long[] counts() {
        return counts;
    }

    /** @return the number of counted samples */
    public long total() {
        return total;
    }

    /**
     * @param bin a bin
     * @return the smallest value falling in the bin
     */
    public double binStart(int bin) {
        return start + bin * binWidth;
    }

    /**
     * The value at a percentile: the sample of rank {@code floor(p / 100 * (n - 1))} in ascending order
     * (exact for integer planes, to within one bin for floating-point planes).
     *
     * @param percent 0 to 100
     * @return the value, or NaN for an empty histogram
     */
    public double percentile(double percent) {
        if (total == 0) {
            return Double.NaN;
        }
        double p = Math.clamp(percent, 0, 100);
        long rank = (long) Math.floor(p / 100 * (total - 1));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen > rank) {
                return binStart(i);
            }
        }
        return binStart(counts.length - 1);
    }
}
