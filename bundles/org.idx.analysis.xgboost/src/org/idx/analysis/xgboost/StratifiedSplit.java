// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.xgboost;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded, stratified partitions of labelled rows: a held-out share of every class, and k folds in
 * which every class is spread as evenly as its size allows. The same rows, classes and seed give the
 * same partition.
 */
final class StratifiedSplit {

    private StratifiedSplit() {
    }

    /**
     * Holds out {@code round(n_c * fraction)} rows of every class c, but always keeps at least one row
     * of a class for training.
     *
     * @param rows     the labelled rows (table row indices)
     * @param classes  the class code of each of {@code rows}, in {@code [0, classCount)}
     * @param classCount the number of classes
     * @param fraction the share to hold out, in [0, 1)
     * @param seed     the random seed
     * @return {@code {train, test}}, each in increasing row order
     */
    static int[][] holdOut(int[] rows, int[] classes, int classCount, double fraction, long seed) {
        int[][] byClass = shuffledByClass(rows, classes, classCount, seed);
        boolean[] test = new boolean[rows.length];
        int testCount = 0;
        for (int[] members : byClass) {
            int held = (int) Math.min(Math.round(members.length * fraction), Math.max(0, members.length - 1));
            for (int i = 0; i < held; i++) {
                test[members[i]] = true;
            }
            testCount += held;
        }
        int[] train = new int[rows.length - testCount];
        int[] held = new int[testCount];
        int a = 0;
        int b = 0;
        for (int i = 0; i < rows.length; i++) {
            if (test[i]) {
                held[b++] = rows[i];
            } else {
                train[a++] = rows[i];
            }
        }
        Arrays.sort(train);
        Arrays.sort(held);
        return new int[][] { train, held };
    }

    /**
     * Assigns every row to one of k folds: the shuffled rows of each class are dealt round the folds,
     * each class starting where the previous one stopped, so that fold sizes differ by at most one.
     *
     * @param rows       the rows
     * @param classes    the class code of each of {@code rows}
     * @param classCount the number of classes
     * @param k          the number of folds, at least 2
     * @param seed       the random seed
     * @return the fold of each of {@code rows}, in {@code [0, k)}
     */
    static int[] folds(int[] rows, int[] classes, int classCount, int k, long seed) {
        int[][] byClass = shuffledByClass(rows, classes, classCount, seed);
        int[] fold = new int[rows.length];
        int next = 0;
        for (int[] members : byClass) {
            for (int member : members) {
                fold[member] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }

    /** @return per class, the positions in {@code rows} of its members, shuffled (Fisher-Yates, one generator) */
    private static int[][] shuffledByClass(int[] rows, int[] classes, int classCount, long seed) {
        int[] sizes = new int[classCount];
        for (int c : classes) {
            sizes[c]++;
        }
        int[][] byClass = new int[classCount][];
        for (int c = 0; c < classCount; c++) {
            byClass[c] = new int[sizes[c]];
        }
        int[] filled = new int[classCount];
        for (int i = 0; i < rows.length; i++) {
            byClass[classes[i]][filled[classes[i]]++] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int[] members : byClass) {
            for (int i = members.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = members[i];
                members[i] = members[j];
                members[j] = swap;
            }
        }
        return byClass;
    }
}
