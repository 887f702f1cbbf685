// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.confusion;

import java.util.List;

/**
 * Counts of (prediction, truth) pairs over a fixed list of class levels: rows are predictions,
 * columns are the truth, as R's {@code table(prediction, truth)} and caret's
 * {@code confusionMatrix}. Immutable.
 */
public final class ConfusionMatrix {

    /** The code of a missing value in {@link #of(List, int[], int[])}: such a pair is not counted. */
    public static final int NA = -1;

    private final List<String> levels;
    private final long[][] counts;
    private final long total;

    private ConfusionMatrix(List<String> levels, long[][] counts) {
        this.levels = levels;
        this.counts = counts;
        long sum = 0;
        for (long[] row : counts) {
            for (long count : row) {
                sum += count;
            }
        }
        this.total = sum;
    }

    /**
     * Counts coded pairs; pairs where either code is {@link #NA} are left out (as R's {@code table}).
     *
     * @param levels     the class levels, in report order; codes index this list
     * @param prediction the predicted class per observation, or {@link #NA}
     * @param truth      the true class per observation, or {@link #NA}
     * @return the matrix
     * @throws IllegalArgumentException when the arrays differ in length, a code is out of range or
     *                                  a level repeats
     */
    public static ConfusionMatrix of(List<String> levels, int[] prediction, int[] truth) {
        if (prediction.length != truth.length) {
            throw new IllegalArgumentException("prediction and truth differ in length: " + prediction.length + " and " + truth.length);
        }
        List<String> copy = List.copyOf(levels);
        if (copy.stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException("levels repeat: " + copy);
        }
        int k = copy.size();
        long[][] counts = new long[k][k];
        for (int i = 0; i < truth.length; i++) {
            int p = prediction[i];
            int t = truth[i];
            if (p == NA || t == NA) {
                continue;
            }
            if (p < 0 || p >= k || t < 0 || t >= k) {
                throw new IllegalArgumentException("code out of range at " + i + ": prediction " + p + ", truth " + t);
            }
            counts[p][t]++;
        }
        return new ConfusionMatrix(copy, counts);
    }

    /**
     * @param levels the class levels
     * @param counts the counts, {@code counts[prediction][truth]} (copied)
     * @return the matrix
     * @throws IllegalArgumentException when the shape does not fit the levels or a count is negative
     */
    public static ConfusionMatrix ofCounts(List<String> levels, long[][] counts) {
        List<String> copy = List.copyOf(levels);
        long[][] table = new long[copy.size()][];
        if (counts.length != copy.size()) {
            throw new IllegalArgumentException("expected " + copy.size() + " rows of counts, got " + counts.length);
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != copy.size()) {
                throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " counts, expected " + copy.size());
            }
            for (long count : counts[i]) {
                if (count < 0) {
                    throw new IllegalArgumentException("negative count in row " + i);
                }
            }
            table[i] = counts[i].clone();
        }
        return new ConfusionMatrix(copy, table);
    }

    /** @return the class levels (unmodifiable) */
    public List<String> levels() {
        return levels;
    }

    /** @return the number of classes */
    public int size() {
        return levels.size();
    }

    /**
     * @param prediction a predicted class code
     * @param truth      a true class code
     * @return how many observations of class {@code truth} were predicted as {@code prediction}
     */
    public long count(int prediction, int truth) {
        return counts[prediction][truth];
    }

    /** @return the counts, {@code [prediction][truth]} (a copy) */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** @return the number of observations counted */
    public long total() {
        return total;
    }

    /** @return the number of correct predictions (the diagonal) */
    public long correct() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    /**
     * @param prediction a class code
     * @return how many observations were predicted as that class (a row sum)
     */
    public long predicted(int prediction) {
        long sum = 0;
        for (long count : counts[prediction]) {
            sum += count;
        }
        return sum;
    }

    /**
     * @param truth a class code
     * @return how many observations truly are of that class (a column sum)
     */
    public long actual(int truth) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[truth];
        }
        return sum;
    }
}
