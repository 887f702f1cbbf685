// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.junit.jupiter.api.Test;

/**
 * The Java evaluation of a trained ensemble against XGBoost's own prediction of the same rows: the
 * same class for every row, probabilities within 1e-6; for two and several classes, with missing
 * values, trees of depth 4 (evaluated in registers, groups of trees not filling the last batch),
 * shallower ones (laid out as depth 4), of depth 5 to 8 (the general perfect layout) and deeper
 * (walked), trees that are a single leaf, and a model that went through its stored bytes; one
 * evaluation reused for blocks of any size, rows wider than the model, NaN of any bit pattern.
 */
class TreeEnsembleTest {

    private static final int P = 8;

    /**
     * {@code n x P} features: some informative, about 10% NaN, some on a coarse grid (ties with split
     * values) where 0 is -0 half the time.
     */
    private static float[] features(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * P];
        for (int i = 0; i < n * P; i++) {
            int c = i % P;
            double value = c % 3 == 2 ? random.nextInt(7) : random.nextGaussian();
            if (value == 0 && random.nextBoolean()) {
                value = -0.0;
            }
            x[i] = random.nextInt(10) == 0 ? Float.NaN : (float) value;
        }
        return x;
    }

    private static float[] labels(float[] x, int n, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double score = 0;
            for (int c = 0; c < 4; c++) {
                float v = x[i * P + c];
                score += Float.isNaN(v) ? 0.5 : (c + 1) * v * (c % 2 == 0 ? 1 : -1);
            }
            score += random.nextGaussian() * 1.5;
            int label = (int) Math.floor(score / 2 + classes / 2.0);
            y[i] = Math.max(0, Math.min(classes - 1, label));
        }
        return y;
    }

    private static GradientBoosting train(float[] x, int n, float[] y, int classes, int rounds, int depth) {
        return GradientBoosting.train(x, n, P, y, classes, new GradientBoosting.Settings(rounds, depth, 0.3, 7, 2), () -> false,
                round -> {
                });
    }

    /** Java against native on {@code n} new rows, row by row. */
    private static void assertSameAsNative(GradientBoosting model, TreeEnsemble trees, int n, long seed) {
        float[] x = features(n, seed);
        int k = model.classes();
        float[] expected = model.predict(x, n, P);
        float[] actual = new float[n * k];
        for (int from = 0; from < n; from += TreeEnsemble.BLOCK) {
            int count = Math.min(TreeEnsemble.BLOCK, n - from);
            float[] block = new float[count * k];
            trees.predict(java.util.Arrays.copyOfRange(x, from * P, (from + count) * P), count, P, block);
            System.arraycopy(block, 0, actual, from * k, count * k);
        }
        int differentProbabilities = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(best(expected, i, k), best(actual, i, k), "class of row " + i);
            for (int c = 0; c < k; c++) {
                float e = expected[i * k + c];
                float a = actual[i * k + c];
                if (Math.abs(e - a) > 1e-6) {
                    fail("row " + i + " class " + c + ": XGBoost " + e + ", Java " + a);
                }
                if (e != a) {
                    differentProbabilities++;
                }
            }
        }
        // float exp may differ in the last digit, not more often than that
        assertTrue(differentProbabilities < n * k / 10, differentProbabilities + " probabilities differ in the last digits");
    }

    private static int best(float[] probabilities, int i, int k) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (probabilities[i * k + c] > probabilities[i * k + best]) {
                best = c;
            }
        }
        return best;
    }

    @Test
    void twoClassesPredictAsXGBoostDoes() throws Exception {
        int n = 20_000;
        float[] x = features(n, 1);
        try (GradientBoosting model = train(x, n, labels(x, n, 2, 2), 2, 40, 4)) {
            TreeEnsemble trees = model.trees().orElseThrow();
            assertTrue(trees.perfect());
            assertEquals(40, trees.trees());
            assertSameAsNative(model, trees, 60_000, 3);
        }
    }

    @Test
    void severalClassesPredictAsXGBoostDoes() throws Exception {
        int n = 20_000;
        float[] x = features(n, 4);
        try (GradientBoosting model = train(x, n, labels(x, n, 5, 5), 5, 30, 6)) {
            TreeEnsemble trees = model.trees().orElseThrow();
            assertTrue(trees.perfect());
            assertEquals(150, trees.trees());
            assertSameAsNative(model, trees, 60_000, 6);
        }
    }

    @Test
    void theDeepestPerfectTreesPredictAsXGBoostDoes() throws Exception {
        int n = 30_000;
        float[] x = features(n, 13);
        try (GradientBoosting model = train(x, n, labels(x, n, 3, 14), 3, 8, TreeEnsemble.PERFECT_DEPTH)) {
            TreeEnsemble trees = model.trees().orElseThrow();
            assertTrue(trees.perfect());
            assertSameAsNative(model, trees, 50_000, 15);
        }
    }

    @Test
    void shallowTreesAndUnfilledBatchesPredictAsXGBoostDoes() throws Exception {
        int n = 20_000;
        float[] x = features(n, 16);
        // depth 2 is laid out as depth 4; 7 rounds leave each class a last batch of 3 trees
        try (GradientBoosting model = train(x, n, labels(x, n, 3, 17), 3, 7, 2)) {
            TreeEnsemble trees = model.trees().orElseThrow();
            assertTrue(trees.perfect());
            assertEquals(21, trees.trees());
            assertSameAsNative(model, trees, 30_000, 18);
        }
    }

    @Test
    void oneEvaluationServesBlocksOfAnySizeWiderRowsAndAnyNaN() throws Exception {
        int n = 20_000;
        float[] x = features(n, 19);
        int k = 4;
        try (GradientBoosting model = train(x, n, labels(x, n, k, 20), k, 10, 4)) {
            TreeEnsemble trees = model.trees().orElseThrow();
            int rows = 2000;
            float[] test = features(rows, 21);
            float[] expected = new float[rows * k];
            trees.predict(test, rows, P, expected);
            // the same rows with two more columns, NaN of other bit patterns, in blocks of many sizes
            int wide = P + 2;
            float[] wider = new float[rows * wide];
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < P; c++) {
                    float value = test[i * P + c];
                    if (Float.isNaN(value)) {
                        value = Float.intBitsToFloat(i % 3 == 0 ? 0x7fffffff : i % 3 == 1 ? 0xffc00000 : 0x7f800001);
                    }
                    wider[i * wide + c] = value;
                }
                wider[i * wide + P] = 1e30f;
                wider[i * wide + P + 1] = Float.NaN;
            }
            TreeEnsemble.Evaluation evaluation = trees.evaluation();
            int[] sizes = { 1, 3, 63, 64, 65, 127, 200, 256 };
            for (int from = 0, s = 0; from < rows; s++) {
                int count = Math.min(sizes[s % sizes.length], rows - from);
                float[] block = new float[count * k];
                evaluation.predict(java.util.Arrays.copyOfRange(wider, from * wide, (from + count) * wide), count, wide, block);
                for (int i = 0; i < count * k; i++) {
                    assertEquals(expected[from * k + i], block[i], "row " + (from + i / k) + " class " + i % k);
                }
                from += count;
            }
        }
    }

    @Test
    void deepTreesAreWalkedAndPredictAsXGBoostDoes() throws Exception {
        int n = 30_000;
        float[] x = features(n, 7);
        try (GradientBoosting model = train(x, n, labels(x, n, 3, 8), 3, 10, 12)) {
            TreeEnsemble trees = model.trees().orElseThrow();
            assertFalse(trees.perfect());
            assertSameAsNative(model, trees, 50_000, 9);
        }
    }

    @Test
    void treesThatAreOneLeafPredictTheBaseScore() throws Exception {
        int n = 1000;
        float[] x = new float[n * P];
        java.util.Arrays.fill(x, 1f); // nothing to split on
        float[] y = new float[n];
        for (int i = 0; i < n / 3; i++) {
            y[i] = 1;
        }
        try (GradientBoosting model = train(x, n, y, 2, 5, 4)) {
            TreeEnsemble trees = model.trees().orElseThrow();
            assertTrue(trees.perfect());
            assertSameAsNative(model, trees, 5000, 10);
            float[] probabilities = new float[2];
            trees.predict(new float[P], 1, P, probabilities);
            assertEquals(1 / 3.0, probabilities[1], 0.02); // the trees learned the class frequency
        }
    }

    @Test
    void aStoredModelPredictsWithJavaAsXGBoostDoes() throws Exception {
        int n = 60_000;
        float[] x = features(n, 11);
        int k = 4;
        byte[] stored;
        try (GradientBoosting model = train(x, 20_000, labels(x, 20_000, k, 12), k, 20, 4)) {
            stored = new XGBoostModel("label", names(), List.of("a", "b", "c", "d"), model.toBytes()).toBytes();
        }
        XGBoostModel model = XGBoostModel.fromBytes(stored);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < P; c++) {
            double[] values = new double[n];
            BitSet na = new BitSet(n);
            for (int i = 0; i < n; i++) {
                float v = x[i * P + c];
                if (Float.isNaN(v)) {
                    na.set(i);
                } else {
                    values[i] = v;
                }
            }
            columns.add(DoubleArrayColumn.adopt(names().get(c), values, na, false));
        }
        InMemoryDataTable table = new InMemoryDataTable(n, columns);
        List<Column> predicted = model.predict(table, () -> false);
        CategoricalColumn classes = (CategoricalColumn) predicted.get(0);
        NumericColumn probability = (NumericColumn) predicted.get(1);
        try (GradientBoosting booster = GradientBoosting.load(model.booster(), k)) {
            float[] expected = booster.predict(x, n, P);
            for (int i = 0; i < n; i++) {
                boolean any = false;
                for (int c = 0; c < P; c++) {
                    any |= !Float.isNaN(x[i * P + c]);
                }
                if (!any) {
                    assertTrue(classes.isNA(i));
                    continue;
                }
                int best = best(expected, i, k);
                assertEquals(model.classes().get(best), classes.text(i), "class of row " + i);
                assertEquals(expected[i * k + best], probability.value(i), 1e-6, "probability of row " + i);
            }
        }
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < P; c++) {
            names.add("f" + c);
        }
        return names;
    }
}
