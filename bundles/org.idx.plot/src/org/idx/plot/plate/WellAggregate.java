// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.plate;

import java.util.Arrays;

import org.idx.plot.stats.Quantiles;

/**
 * Per-well statistics of a numeric column over rows grouped by (plate, well). Rows whose well
 * or plate is NA, or whose value is NaN, are left out. Runs a counting sort by (plate, well),
 * then sorts each well's values for the median: O(n log(n / wells)).
 */
public final class WellAggregate {

    private final PlateFormat format;
    private final WellStats[] stats;

    private WellAggregate(PlateFormat format, WellStats[] stats) {
        this.format = format;
        this.stats = stats;
    }

    /**
     * @param layout the well of each row
     * @param plateCodes a plate code per row (negative for NA), or null for a single plate
     * @param plateCount the number of plates (1 when {@code plateCodes} is null)
     * @param values the column to aggregate, NaN for NA
     * @return the statistics per plate and well
     */
    public static WellAggregate of(PlateLayout layout, int[] plateCodes, int plateCount, double[] values) {
        if (values.length != layout.rowCount()) {
            throw new IllegalArgumentException("values and wells differ in length: " + values.length + " vs "
                    + layout.rowCount());
        }
        int wells = layout.format().wells();
        int groups = Math.multiplyExact(plateCount, wells);
        int[] start = new int[groups + 1];
        for (int i = 0; i < values.length; i++) {
            int g = group(layout, plateCodes, plateCount, values, i);
            if (g >= 0) {
                start[g + 1]++;
            }
        }
        for (int g = 0; g < groups; g++) {
            start[g + 1] += start[g];
        }
        double[] sorted = new double[start[groups]];
        int[] fill = Arrays.copyOf(start, groups);
        for (int i = 0; i < values.length; i++) {
            int g = group(layout, plateCodes, plateCount, values, i);
            if (g >= 0) {
                sorted[fill[g]++] = values[i];
            }
        }
        WellStats[] stats = new WellStats[groups];
        for (int g = 0; g < groups; g++) {
            stats[g] = summarise(sorted, start[g], start[g + 1]);
        }
        return new WellAggregate(layout.format(), stats);
    }

    private static int group(PlateLayout layout, int[] plateCodes, int plateCount, double[] values, int row) {
        int well = layout.wellOf(row);
        int plate = plateCodes == null ? 0 : plateCodes[row];
        if (well < 0 || plate < 0 || plate >= plateCount || Double.isNaN(values[row])) {
            return -1;
        }
        return plate * layout.format().wells() + well;
    }

    private static WellStats summarise(double[] values, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return WellStats.EMPTY;
        }
        Arrays.sort(values, from, to);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = from; i < to; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        double sd = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
        double cv = mean == 0 ? Double.NaN : sd / mean;
        return new WellStats(n, mean, Quantiles.type7(values, from, to, 0.5), sd, cv);
    }

    /** @return the plate format */
    public PlateFormat format() {
        return format;
    }

    /**
     * @param plate a plate code
     * @param well a well index
     * @return the statistics of that well
     */
    public WellStats get(int plate, int well) {
        return stats[plate * format.wells() + well];
    }

    /**
     * @param plate a plate code
     * @param statistic which statistic
     * @return its value per well index of that plate (NaN for empty wells, except COUNT = 0)
     */
    public double[] values(int plate, WellStats.Statistic statistic) {
        double[] result = new double[format.wells()];
        for (int w = 0; w < result.length; w++) {
            result[w] = get(plate, w).get(statistic);
        }
        return result;
    }
}
