// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.MethodCategory;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ReportWriter;
import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.junit.jupiter.api.Test;

/**
 * The xgboost method on generated data: three classes separated by two of six features, NA in the
 * features (and one class recognisable by a missing value), unlabelled rows, a holdout column.
 */
class XGBoostMethodTest {

    private static final String[] CLASSES = { "apoptotic", "interphase", "mitotic" };
    private static final int N = 3000;

    /**
     * Columns: a, b (informative), noise1..noise3, gap (NA for most "mitotic" rows, else noise),
     * phenotype (label on every second row), truth (the class of every row), split (every fifth labelled row "test"), code (the class
     * as a number 1, 2, 3 on labelled rows).
     */
    static DataTable table(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[6][N];
        String[] label = new String[N];
        String[] truth = new String[N];
        String[] split = new String[N];
        double[] code = new double[N];
        java.util.BitSet codeNa = new java.util.BitSet();
        java.util.BitSet[] na = new java.util.BitSet[6];
        for (int c = 0; c < 6; c++) {
            na[c] = new java.util.BitSet();
        }
        int labelled = 0;
        for (int row = 0; row < N; row++) {
            int k = random.nextInt(10) < 2 ? 0 : random.nextInt(10) < 6 ? 1 : 2;
            x[0][row] = 2.0 * k + random.nextGaussian() * 0.6;
            x[1][row] = (k == 1 ? 3 : 0) + random.nextGaussian() * 0.6;
            for (int c = 2; c < 6; c++) {
                x[c][row] = random.nextGaussian();
            }
            if (k == 2 && random.nextInt(10) < 8) {
                na[5].set(row);
            }
            if (random.nextInt(20) == 0) {
                na[random.nextInt(5)].set(row); // scattered NA in the other features
            }
            truth[row] = CLASSES[k];
            if (row % 2 == 0) {
                label[row] = CLASSES[k];
                code[row] = k + 1;
                split[row] = labelled++ % 5 == 0 ? "test" : "train";
            } else {
                codeNa.set(row);
            }
        }
        // two rows with no feature value at all: not predicted
        for (int c = 0; c < 6; c++) {
            na[c].set(7);
            na[c].set(8);
        }
        String[] names = { "a", "b", "noise1", "noise2", "noise3", "gap" };
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            columns.add(DoubleArrayColumn.adopt(names[c], x[c], na[c], false));
        }
        columns.add(StringArrayColumn.of("phenotype", label));
        columns.add(StringArrayColumn.of("truth", truth));
        columns.add(StringArrayColumn.of("split", split));
        columns.add(DoubleArrayColumn.adopt("code", code, codeNa, true));
        InMemoryDataTable table = new InMemoryDataTable(N, columns);
        table.setRoles(table.roles().with(ColumnRole.LABEL, "phenotype").with(ColumnRole.GROUP, "split"));
        return table;
    }

    @Test
    void registeredThroughTheExtensionPoint() throws Exception {
        MethodDescriptor xgboost = Methods.descriptor();
        assertEquals(MethodCategory.CLASSIFICATION, xgboost.category());
        assertEquals(List.of("label", "columns", "holdout", "test-fraction", "seed", "rounds", "max-depth", "eta", "folds"),
                xgboost.parameters().stream().map(p -> p.name()).toList());
        assertEquals("100", xgboost.parameter("rounds").orElseThrow().defaultValue());
        assertEquals("4", xgboost.parameter("max-depth").orElseThrow().defaultValue());
        assertEquals("0.3", xgboost.parameter("eta").orElseThrow().defaultValue());
        assertEquals("0.2", xgboost.parameter("test-fraction").orElseThrow().defaultValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void learnsTheClassesEvaluatesOnHeldOutRowsAndPredictsEveryRow() throws Exception {
        DataTable table = table(5);
        XGBoostMethod method = new XGBoostMethod();
        AnalysisResult result = Methods.run(method, table); // label by role, default features, stratified 0.2
        Map<String, Object> report = result.report();
        assertEquals("phenotype", report.get("label"));
        assertEquals(List.of("a", "b", "noise1", "noise2", "noise3", "gap", "code"), report.get("features"),
                "default features: numeric without a role (the numeric code column too: it has no role)");
        // without 'code' (a leak of the label) as an explicit choice
        result = Methods.run(method, table, "columns=a,b,noise1,noise2,noise3,gap");
        report = result.report();
        assertEquals(List.of(CLASSES), report.get("classes"));
        assertEquals("multi:softprob", report.get("objective"));
        int trainN = (int) report.get("train_n");
        int testN = (int) report.get("test_n");
        assertEquals(N / 2 - 1, trainN + testN, "the labelled row 8 has no feature value");
        assertEquals(List.of("1 labelled row without any feature value was left out."), report.get("messages"));
        // stratified: round(0.2 n_c) of every class
        int[] perClass = new int[3];
        for (int row = 0; row < N; row += 2) {
            if (row == 8) {
                continue;
            }
            perClass[java.util.Arrays.asList(CLASSES).indexOf(table.column("phenotype").text(row))]++;
        }
        assertEquals(Math.round(0.2 * perClass[0]) + Math.round(0.2 * perClass[1]) + Math.round(0.2 * perClass[2]), testN);
        Map<String, Object> confusion = (Map<String, Object>) report.get("confusion");
        assertEquals((long) testN, confusion.get("n"));
        assertEquals(List.of(CLASSES), confusion.get("levels"));
        double accuracy = (double) report.get("test_accuracy");
        assertEquals(((Map<String, Double>) confusion.get("overall")).get("Accuracy"), accuracy, 1e-15);
        assertTrue(accuracy > 0.9, "accuracy " + accuracy);
        // importance: shares summing to 1, the informative features first
        List<Map<String, Object>> importance = (List<Map<String, Object>>) report.get("importance");
        assertEquals(6, importance.size());
        assertEquals(1.0, importance.stream().mapToDouble(e -> (double) e.get("gain")).sum(), 1e-12);
        List<String> top = importance.stream().limit(3).map(e -> (String) e.get("feature")).toList();
        assertTrue(top.containsAll(List.of("a", "b", "gap")), "top features " + top);
        // predictions for every row with a feature value, NA in the two rows without
        CategoricalColumn prediction = (CategoricalColumn) result.columns().get(0);
        NumericColumn probability = (NumericColumn) result.columns().get(1);
        assertEquals("prediction", prediction.name());
        assertEquals("prediction_probability", probability.name());
        assertEquals(List.of(CLASSES), prediction.levels());
        assertEquals(2, prediction.naCount());
        assertTrue(prediction.isNA(7) && prediction.isNA(8) && probability.isNA(7) && probability.isNA(8));
        assertEquals(N - 2, ((Number) report.get("predicted_n")).intValue());
        Column truth = table.column("truth");
        int agree = 0;
        int unlabelled = 0;
        for (int row = 1; row < N; row += 2) {
            if (row == 7) {
                continue;
            }
            double p = probability.value(row);
            assertTrue(p >= 1.0 / 3 - 1e-6 && p <= 1, "probability " + p);
            unlabelled++;
            if (prediction.text(row).equals(truth.text(row))) {
                agree++;
            }
        }
        assertTrue(agree > 0.9 * unlabelled, "unlabelled rows predicted right: " + agree + " of " + unlabelled);
        assertTrue(method.model().isPresent());
        assertEquals(List.of("a", "b", "noise1", "noise2", "noise3", "gap"), method.model().get().features());
        // the report is valid JSON-ready data
        String json = ReportWriter.toJson(report, false);
        assertTrue(json.contains("\"byClass\":{\"apoptotic\":{\"Sensitivity\""), json);
    }

    @Test
    void theSameSeedGivesTheSameResult() throws Exception {
        DataTable table = table(9);
        AnalysisResult one = Methods.run(new XGBoostMethod(), table, "rounds=20", "seed=3");
        AnalysisResult two = Methods.run(new XGBoostMethod(), table, "rounds=20", "seed=3");
        assertEquals(ReportWriter.toJson(one.report(), false), ReportWriter.toJson(two.report(), false));
        NumericColumn p1 = (NumericColumn) one.columns().get(1);
        NumericColumn p2 = (NumericColumn) two.columns().get(1);
        for (int row = 0; row < N; row++) {
            assertEquals(p1.value(row), p2.value(row), 0.0);
        }
        AnalysisResult other = Methods.run(new XGBoostMethod(), table, "rounds=20", "seed=4");
        assertTrue(!ReportWriter.toJson(one.report(), false).equals(ReportWriter.toJson(other.report(), false)),
                "another seed holds out other rows");
    }

    @Test
    @SuppressWarnings("unchecked")
    void holdoutColumnAndCrossValidation() throws Exception {
        DataTable table = table(11);
        Map<String, Object> report = Methods.report(table, "label=phenotype", "holdout=split", "rounds=30", "folds=4",
                "columns=a,b,noise1,gap");
        assertEquals(300, report.get("test_n")); // every fifth of the 1500 labelled rows
        assertEquals(1199, report.get("train_n")); // the labelled row 8 has no feature value
        assertEquals("holdout column 'split'", report.get("evaluation"));
        Map<String, Object> cv = (Map<String, Object>) report.get("cross_validation");
        assertEquals(4, cv.get("folds"));
        int[] sizes = (int[]) cv.get("sizes");
        assertEquals(1199, java.util.Arrays.stream(sizes).sum());
        assertTrue(java.util.Arrays.stream(sizes).max().getAsInt() - java.util.Arrays.stream(sizes).min().getAsInt() <= 1);
        double[] accuracy = (double[]) cv.get("accuracy");
        assertEquals(4, accuracy.length);
        assertEquals(java.util.Arrays.stream(accuracy).average().getAsDouble(), (double) cv.get("mean_accuracy"), 1e-15);
        for (double a : accuracy) {
            assertTrue(a > 0.85, "fold accuracy " + a);
        }
    }

    @Test
    void twoClassesAndANumericLabel() throws Exception {
        DataTable table = table(13);
        String[] two = new String[N];
        for (int row = 0; row < N; row++) {
            String label = table.column("phenotype").text(row);
            two[row] = label == null ? null : label.equals("mitotic") ? "mitotic" : "other";
        }
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(StringArrayColumn.of("mitosis", two));
        DataTable binary = new InMemoryDataTable(N, columns);
        Map<String, Object> report = Methods.report(binary, "label=mitosis", "columns=a,b,gap", "rounds=30");
        assertEquals("binary:logistic", report.get("objective"));
        assertEquals(List.of("mitotic", "other"), report.get("classes"));
        assertTrue((double) report.get("test_accuracy") > 0.9);
        // a numeric label of whole numbers: its values are the classes, and the report says so
        Map<String, Object> numeric = Methods.report(table, "label=code", "columns=a,b,gap", "rounds=30");
        assertEquals(List.of("1", "2", "3"), numeric.get("classes"));
        assertEquals("The label column 'code' is numeric: its 3 different values (1, 2, 3) are used as classes.",
                ((List<?>) numeric.get("messages")).get(0));
        assertEquals("1 labelled row without any feature value was left out.", ((List<?>) numeric.get("messages")).get(1));
    }

    @Test
    void theModelSurvivesTheRoundTripThroughBytes() throws Exception {
        DataTable table = table(17);
        XGBoostMethod method = new XGBoostMethod();
        AnalysisResult result = Methods.run(method, table, "rounds=25", "columns=a,b,noise1,gap");
        XGBoostModel model = XGBoostModel.fromBytes(method.model().orElseThrow().toBytes());
        assertEquals("phenotype", model.label());
        assertEquals(List.of(CLASSES), model.classes());
        assertArrayEquals(method.model().get().booster(), model.booster());
        List<Column> again = model.predict(table, () -> false);
        CategoricalColumn first = (CategoricalColumn) result.columns().get(0);
        CategoricalColumn second = (CategoricalColumn) again.get(0);
        NumericColumn p1 = (NumericColumn) result.columns().get(1);
        NumericColumn p2 = (NumericColumn) again.get(1);
        for (int row = 0; row < N; row++) {
            assertEquals(first.text(row), second.text(row));
            assertEquals(p1.value(row), p2.value(row), 0.0);
        }
        assertEquals("not an IDX XGBoost model",
                assertThrows(java.io.IOException.class, () -> XGBoostModel.fromBytes(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 })).getMessage());
        DataTable without = new InMemoryDataTable(2, List.of(DoubleArrayColumn.of("a", 1, 2)));
        assertEquals("the table has no column 'b', a feature of the classifier",
                assertThrows(AnalysisException.class, () -> model.predict(without, () -> false)).getMessage());
    }

    @Test
    void badInputIsRefusedBeforeTraining() throws Exception {
        DataTable table = table(19);
        String[] one = new String[N];
        String[] single = new String[N];
        String[] none = new String[N];
        double[] fractions = new double[N];
        for (int row = 0; row < N; row++) {
            one[row] = row % 2 == 0 ? "a" : null;
            single[row] = row % 2 == 0 ? "a" : row == 1 ? "b" : null;
            fractions[row] = row * 0.5;
        }
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(StringArrayColumn.of("one", one));
        columns.add(StringArrayColumn.of("single", single));
        columns.add(StringArrayColumn.of("none", none));
        columns.add(DoubleArrayColumn.of("area", fractions));
        DataTable bad = new InMemoryDataTable(N, columns);
        assertEquals("column 'one' has only one class ('a') in its labelled rows; a classifier needs at least two classes",
                message(bad, "label=one", "columns=a,b"));
        assertEquals("class 'b' of column 'single' has only one labelled row; every class needs at least two",
                message(bad, "label=single", "columns=a,b"));
        assertEquals("column 'none' has no labelled rows: label some rows first", message(bad, "label=none", "columns=a,b"));
        assertEquals("the label column 'area' is numeric with fractional values (e.g. 0.5 in row 2): a label column holds classes, "
                + "as text or whole-number codes", message(bad, "label=area", "columns=a,b"));
        assertEquals("the table has no column 'nope' (parameter columns)", message(bad, "label=phenotype", "columns=a,nope"));
        assertEquals("column 'code' is the label column and cannot be a feature", message(bad, "label=code", "columns=a,code"));
        assertEquals("the holdout column 'phenotype' marks no labelled row of column 'code' as test",
                message(bad, "label=code", "holdout=phenotype", "columns=a"));
        assertEquals("folds = 1 is not a cross-validation: give 0 (off) or at least 2",
                message(bad, "label=phenotype", "columns=a", "folds=1"));
        DataTable noLabel = new InMemoryDataTable(3, List.of(DoubleArrayColumn.of("x", 1, 2, 3)));
        assertEquals("choose the column of class labels (parameter label); no column has the label role", message(noLabel));
        NullProgressMonitor canceled = new NullProgressMonitor();
        canceled.setCanceled(true);
        XGBoostMethod method = new XGBoostMethod();
        assertThrows(OperationCanceledException.class,
                () -> method.run(table, Methods.descriptor().parse(List.of("columns=a,b")), canceled));
        assertTrue(method.model().isEmpty(), "nothing trained half-way is kept");
    }

    private static String message(DataTable table, String... params) {
        return assertThrows(AnalysisException.class, () -> Methods.report(table, params)).getMessage();
    }

    @Test
    void stratifiedSplitAndFolds() {
        int[] rows = new int[100];
        int[] classes = new int[100];
        for (int i = 0; i < 100; i++) {
            rows[i] = 2 * i;
            classes[i] = i < 10 ? 0 : i < 12 ? 1 : 2; // 10, 2, 88
        }
        int[][] split = StratifiedSplit.holdOut(rows, classes, 3, 0.2, 1);
        assertEquals(2 + 0 + 18, split[1].length); // round(2) + min(round(0.4), 1) + round(17.6)
        assertEquals(80, split[0].length);
        int[][] same = StratifiedSplit.holdOut(rows, classes, 3, 0.2, 1);
        assertArrayEquals(split[1], same[1]);
        int[][] all = StratifiedSplit.holdOut(rows, classes, 3, 0.99, 1);
        assertEquals(3, all[0].length, "every class keeps one training row");
        int[] folds = StratifiedSplit.folds(rows, classes, 3, 5, 2);
        int[] sizes = new int[5];
        for (int f : folds) {
            sizes[f]++;
        }
        assertArrayEquals(new int[] { 20, 20, 20, 20, 20 }, sizes);
        assertNull(null);
    }
}
