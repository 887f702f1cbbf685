// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.stats;

import java.util.BitSet;

import org.idx.plot.internal.Parallel;

/**
 * Counts of a numeric column per bin, optionally per group of a categorical column (for
 * stacked or overlaid histograms). NaN values are counted as NA, values outside the bins as
 * below or above; rows whose group code is negative (NA) are counted in {@link #naGroup()}.
 * Counting runs in parallel over row ranges for large columns.
 */
public final class Histogram {

    private final Bins bins;
    private final long[][] counts;
    private long na;
    private long below;
    private long above;
    private long naGroup;

    private Histogram(Bins bins, int groups) {
        this.bins = bins;
        this.counts = new long[groups][bins.count()];
    }

    /**
     * @param values the column, NaN for NA
     * @param bins the bins
     * @return the ungrouped histogram of all rows (one group)
     */
    public static Histogram of(double[] values, Bins bins) {
        return of(values, bins, null, 1, null);
    }

    /**
     * @param values the column, NaN for NA
     * @param bins the bins
     * @param groupCodes a group code per row (negative for NA), or null for one group
     * @param groupCount the number of groups (codes are in {@code [0, groupCount)})
     * @param rows the rows to count, or null for all
     * @return the histogram
     */
    public static Histogram of(double[] values, Bins bins, int[] groupCodes, int groupCount, BitSet rows) {
        if (groupCodes != null && groupCodes.length != values.length) {
            throw new IllegalArgumentException("group codes and values differ in length");
        }
        int n = values.length;
        int chunks = Parallel.chunksFor(n);
        Histogram[] parts = new Histogram[chunks];
        Parallel.forEach(chunks, c -> {
            Histogram part = new Histogram(bins, groupCount);
            part.count(values, groupCodes, rows, Parallel.chunkStart(n, chunks, c), Parallel.chunkStart(n, chunks, c + 1));
            parts[c] = part;
        });
        Histogram total = parts[0];
        for (int c = 1; c < chunks; c++) {
            total.add(parts[c]);
        }
        return total;
    }

    private void count(double[] values, int[] groupCodes, BitSet rows, int from, int to) {
        int bc = bins.count();
        int groups = counts.length;
        for (int i = from; i < to; i++) {
            if (rows != null && !rows.get(i)) {
                continue;
            }
            int g = groupCodes == null ? 0 : groupCodes[i];
            if (g < 0 || g >= groups) {
                naGroup++;
                continue;
            }
            double v = values[i];
            if (Double.isNaN(v)) {
                na++;
                continue;
            }
            int b = bins.binOf(v);
            if (b < 0) {
                below++;
            } else if (b >= bc) {
                above++;
            } else {
                counts[g][b]++;
            }
        }
    }

    private void add(Histogram other) {
        for (int g = 0; g < counts.length; g++) {
            for (int b = 0; b < counts[g].length; b++) {
                counts[g][b] += other.counts[g][b];
            }
        }
        na += other.na;
        below += other.below;
        above += other.above;
        naGroup += other.naGroup;
    }

    /**
     * The rows counted in a range of bins, e.g. to select them when a bar is clicked.
     *
     * @param values the column, NaN for NA
     * @param bins the bins
     * @param fromBin the first bin
     * @param toBin the last bin (inclusive)
     * @param groupCodes a group code per row, or null
     * @param group the group whose rows to take, or -1 for rows of any (non-NA) group
     * @return the rows whose value falls in those bins
     */
    public static BitSet rowsIn(double[] values, Bins bins, int fromBin, int toBin, int[] groupCodes, int group) {
        BitSet rows = new BitSet(values.length);
        for (int i = 0; i < values.length; i++) {
            int b = bins.binOf(values[i]);
            if (b < fromBin || b > toBin || b < 0 || b >= bins.count()) {
                continue;
            }
            if (groupCodes != null && (group >= 0 ? groupCodes[i] != group : groupCodes[i] < 0)) {
                continue;
            }
            rows.set(i);
        }
        return rows;
    }

    /** @return the bins */
    public Bins bins() {
        return bins;
    }

    /** @return the number of groups */
    public int groupCount() {
        return counts.length;
    }

    /**
     * @param group a group code
     * @param bin a bin index
     * @return the number of rows of that group in that bin
     */
    public long count(int group, int bin) {
        return counts[group][bin];
    }

    /**
     * @param bin a bin index
     * @return the number of rows in that bin over all groups
     */
    public long total(int bin) {
        long sum = 0;
        for (long[] group : counts) {
            sum += group[bin];
        }
        return sum;
    }

    /** @return the largest per-bin total (for the y axis) */
    public long maxTotal() {
        long max = 0;
        for (int b = 0; b < bins.count(); b++) {
            max = Math.max(max, total(b));
        }
        return max;
    }

    /** @return rows with a NaN value */
    public long na() {
        return na;
    }

    /** @return rows below the first bin */
    public long below() {
        return below;
    }

    /** @return rows above the last bin */
    public long above() {
        return above;
    }

    /** @return rows with an NA (negative) or out-of-range group code */
    public long naGroup() {
        return naGroup;
    }
}
