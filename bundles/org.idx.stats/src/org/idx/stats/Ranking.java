// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Mid-ranks of all values of a grouped sample (ties get the mean of their ranks, as R's
 * {@code rank}), from one sorted copy of all values.
 */
final class Ranking {

    private final double[] all;
    private final double tieSum;

    private Ranking(double[] all) {
        this.all = all;
        double ties = 0;
        for (int i = 0; i < all.length;) {
            int j = i + 1;
            while (j < all.length && all[j] == all[i]) {
                j++;
            }
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        tieSum = ties;
    }

    static Ranking of(GroupedSample sample) {
        double[] all = new double[sample.totalSize()];
        int offset = 0;
        for (int g = 0; g < sample.groupCount(); g++) {
            double[] values = sample.sortedValues(g);
            System.arraycopy(values, 0, all, offset, values.length);
            offset += values.length;
        }
        Arrays.parallelSort(all);
        return new Ranking(all);
    }

    int size() {
        return all.length;
    }

    /** @return the sum over tie runs of {@code t^3 - t} */
    double tieSum() {
        return tieSum;
    }

    /**
     * @param sorted some of the ranked values, sorted ascending
     * @return the sum of their mid-ranks
     */
    double rankSum(double[] sorted) {
        double sum = 0;
        int from = 0;
        for (int i = 0; i < sorted.length;) {
            double value = sorted[i];
            int j = i + 1;
            while (j < sorted.length && sorted[j] == value) {
                j++;
            }
            int lower = lowerBound(all, value, from);
            int upper = upperBound(all, value, lower);
            sum += (j - i) * 0.5 * (lower + 1 + upper);
            from = upper;
            i = j;
        }
        return sum;
    }

    /** @return the first index at or after {@code from} whose value is not below {@code value} */
    private static int lowerBound(double[] values, double value, int from) {
        return gallop(values, from, i -> values[i] < value);
    }

    /** @return the first index at or after {@code from} whose value is above {@code value} */
    private static int upperBound(double[] values, double value, int from) {
        return gallop(values, from, i -> values[i] <= value);
    }

    /**
     * Exponential then binary search for the first index at or after {@code from} where
     * {@code before} is false ({@code before} must be true on a prefix): fast when the answer is
     * near {@code from}, as for consecutive values of a sorted group.
     */
    private static int gallop(double[] values, int from, IntPredicate before) {
        int low = from;
        int step = 1;
        int high = from;
        while (high < values.length && before.test(high)) {
            low = high + 1;
            high = from + step;
            step <<= 1;
        }
        high = Math.min(high, values.length);
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (before.test(mid)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
