// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One numeric variable split by a group label, rows with a missing value or label removed. Groups
 * are ordered by name ({@link String#compareTo}); each group's values are kept sorted. Immutable.
 */
public final class GroupedSample {

    private final String[] names;
    private final double[][] sorted;
    private final double[] means;
    private final double[] variances;
    private final int droppedRows;

    private GroupedSample(String[] names, double[][] sorted, int droppedRows) {
        this.names = names;
        this.sorted = sorted;
        this.droppedRows = droppedRows;
        means = new double[names.length];
        variances = new double[names.length];
        for (int g = 0; g < names.length; g++) {
            means[g] = Descriptive.mean(sorted[g]);
            variances[g] = Descriptive.variance(sorted[g], means[g]);
        }
    }

    /**
     * Groups values by label. A row is dropped when its value is NaN or infinite (NA) or its label
     * is {@code null}. {@code -0.0} is stored as {@code 0.0}.
     *
     * @param values the measurement per row
     * @param groups the group label per row, same length
     * @return the grouped sample
     */
    public static GroupedSample of(double[] values, String[] groups) {
        if (values.length != groups.length) {
            throw new IllegalArgumentException(
                    "values and groups differ in length: " + values.length + " vs " + groups.length);
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> seen = new ArrayList<>();
        int[] groupOfRow = new int[values.length];
        List<int[]> counts = new ArrayList<>();
        int dropped = 0;
        for (int row = 0; row < values.length; row++) {
            String label = groups[row];
            if (label == null || !Double.isFinite(values[row])) {
                groupOfRow[row] = -1;
                dropped++;
                continue;
            }
            Integer g = index.get(label);
            if (g == null) {
                g = seen.size();
                index.put(label, g);
                seen.add(label);
                counts.add(new int[1]);
            }
            groupOfRow[row] = g;
            counts.get(g)[0]++;
        }
        double[][] byFirstSeen = new double[seen.size()][];
        for (int g = 0; g < byFirstSeen.length; g++) {
            byFirstSeen[g] = new double[counts.get(g)[0]];
        }
        int[] fill = new int[seen.size()];
        for (int row = 0; row < values.length; row++) {
            int g = groupOfRow[row];
            if (g >= 0) {
                byFirstSeen[g][fill[g]++] = values[row] + 0.0;
            }
        }
        TreeMap<String, double[]> byName = new TreeMap<>();
        for (int g = 0; g < byFirstSeen.length; g++) {
            byName.put(seen.get(g), byFirstSeen[g]);
        }
        String[] names = byName.keySet().toArray(new String[0]);
        double[][] sorted = byName.values().toArray(new double[0][]);
        Arrays.stream(sorted).parallel().forEach(Arrays::sort);
        return new GroupedSample(names, sorted, dropped);
    }

    /** @return the number of groups */
    public int groupCount() {
        return names.length;
    }

    /** @return the number of rows kept */
    public int totalSize() {
        int total = 0;
        for (double[] group : sorted) {
            total += group.length;
        }
        return total;
    }

    /** @return the number of rows dropped for a missing value or label */
    public int droppedRows() {
        return droppedRows;
    }

    /**
     * @param group group index, 0-based in name order
     * @return the group's name
     */
    public String name(int group) {
        return names[group];
    }

    /**
     * @param group group index
     * @return the number of values in the group
     */
    public int size(int group) {
        return sorted[group].length;
    }

    /**
     * @param group group index
     * @return the arithmetic mean of the group
     */
    public double mean(int group) {
        return means[group];
    }

    /**
     * @param group group index
     * @return the sample variance (denominator n - 1) of the group; NaN for one value
     */
    public double variance(int group) {
        return variances[group];
    }

    /**
     * @param group group index
     * @return a copy of the group's values, sorted ascending
     */
    public double[] values(int group) {
        return sorted[group].clone();
    }

    /** @return the group's sorted values, not copied: callers must not modify them */
    double[] sortedValues(int group) {
        return sorted[group];
    }

    /**
     * @param group group index
     * @return true when all values of the group are equal (or the group has one value)
     */
    public boolean isConstant(int group) {
        double[] values = sorted[group];
        return values[0] == values[values.length - 1];
    }
}
