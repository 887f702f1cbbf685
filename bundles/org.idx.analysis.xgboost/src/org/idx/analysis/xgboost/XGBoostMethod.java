// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.xgboost;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisMethod;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.ModelPredictor;
import org.idx.analysis.TrainedModel;
import org.idx.analysis.ParameterValues;
import org.idx.analysis.confusion.ClassCoding;
import org.idx.analysis.confusion.ConfusionMethod;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.stats.confusion.ConfusionMatrix;

/**
 * The {@code xgboost} method: gradient-boosted trees trained on the labelled rows of a table,
 * evaluated on held-out labelled rows, and used to predict every row.
 * <ul>
 * <li><b>Rows.</b> A row is labelled when the label column has a value; it is predicted when at
 * least one feature has a value (missing feature values stay missing: XGBoost learns a default
 * direction for them at every split). Labelled rows without any feature value are left out (with a
 * message).</li>
 * <li><b>Evaluation.</b> With a {@code holdout} column, the labelled rows whose value there is
 * {@code test} (any case) are the evaluation rows; otherwise {@code round(n_c * test-fraction)} rows
 * of every class c, chosen with {@code seed}, but never a class's last training row. The model
 * is trained on the other labelled rows; its predictions of the evaluation rows give
 * {@code test_accuracy} and the {@code confusion} report (caret's statistics, as the {@code confusion}
 * method). With {@code folds} = k &gt;= 2, k-fold stratified cross-validation on the training rows
 * reports each fold's accuracy and their mean.</li>
 * <li><b>Classes.</b> As {@link ClassCoding}: the label's distinct values, sorted. A numeric label
 * column is accepted when it holds whole numbers (class codes such as cluster numbers; said in a
 * message) and refused when it holds fractions or more than {@value #MAX_NUMERIC_CLASSES} values
 * (a measurement, not a class).</li>
 * <li><b>Results.</b> New columns {@value XGBoostModel#PREDICTION_COLUMN} (the most probable class,
 * categorical) and {@value XGBoostModel#PROBABILITY_COLUMN} (its probability), NA in rows without
 * any feature value. The report: {@code train_n}, {@code test_n}, {@code test_accuracy},
 * {@code confusion}, {@code importance} (every feature's share of the total gain of all splits,
 * largest first, summing to 1), {@code cross_validation}, and what was used.</li>
 * <li><b>The model.</b> The result carries the trained classifier as a {@link TrainedModel} (its bytes
 * are {@link XGBoostModel#toBytes()}), which a session keeps; {@link #predict} applies such a stored model
 * again. After a successful run, {@link #model()} holds it too.</li>
 * </ul>
 * Nothing is added when the input does not allow training (one class, a class with one labelled
 * row, no labelled rows, ...): the method throws {@link AnalysisException} before training.
 */
public final class XGBoostMethod implements AnalysisMethod, ModelPredictor {

    /** The id under which this method is contributed, and the method of the models it trains. */
    public static final String METHOD_ID = "xgboost";

    /** The most classes a numeric label column may hold. */
    public static final int MAX_NUMERIC_CLASSES = 100;

    /** The value of the holdout column that marks an evaluation row (compared ignoring case). */
    public static final String TEST_VALUE = "test";

    /** Columns this method adds, and their versioned copies, which the default features leave out. */
    private static final Pattern OWN_OUTPUT = Pattern.compile(Pattern.quote(XGBoostModel.PROBABILITY_COLUMN) + "(\\.\\d+)?");

    private XGBoostModel model;

    /**
     * @return the classifier trained by the last successful {@link #run}, to be kept with a session
     *         ({@link XGBoostModel#toBytes()}); empty before
     */
    public Optional<XGBoostModel> model() {
        return Optional.ofNullable(model);
    }

    @Override
    public AnalysisResult run(DataTable table, ParameterValues parameters, IProgressMonitor monitor) throws AnalysisException {
        SubMonitor progress = SubMonitor.convert(monitor, "XGBoost classifier", 1000);
        List<String> messages = new ArrayList<>();
        Column label = labelColumn(table, parameters);
        Column holdout = parameters.column(table, "holdout").orElse(null);
        if (holdout == label) {
            throw new AnalysisException("column '" + label.name() + "' cannot be both the label and the holdout column");
        }
        List<NumericColumn> featureColumns = features(table, parameters, label, holdout, messages);
        int rounds = (int) parameters.integer("rounds");
        int maxDepth = (int) parameters.integer("max-depth");
        double eta = parameters.number("eta");
        double testFraction = parameters.number("test-fraction");
        long seed = parameters.integer("seed");
        int folds = (int) parameters.integer("folds");
        if (folds == 1) {
            throw new AnalysisException("folds = 1 is not a cross-validation: give 0 (off) or at least 2");
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new AnalysisException("parameter 'test-fraction' must be at least 0 and below 1, it is " + testFraction);
        }

        // classes and labelled rows
        checkWholeNumbers(label);
        ClassCoding coding = ClassCoding.of(List.of(label));
        checkNumericClasses(label, coding, messages);
        int n = table.rowCount();
        int[] codes = coding.codes(label);
        FeatureRows features = new FeatureRows(featureColumns);
        BitSet predictable = features.rowsWithValues(n);
        int labelledWithoutFeatures = 0;
        int labelledCount = 0;
        for (int row = 0; row < n; row++) {
            if (codes[row] != ConfusionMatrix.NA) {
                if (predictable.get(row)) {
                    labelledCount++;
                } else {
                    labelledWithoutFeatures++;
                }
            }
        }
        if (labelledCount == 0) {
            throw new AnalysisException(labelledWithoutFeatures == 0
                    ? "column '" + label.name() + "' has no labelled rows: label some rows first"
                    : "the " + labelledWithoutFeatures + " labelled rows of column '" + label.name()
                            + "' have no value in any feature column");
        }
        if (labelledWithoutFeatures > 0) {
            messages.add(labelledWithoutFeatures + " labelled " + rows(labelledWithoutFeatures)
                    + " without any feature value " + (labelledWithoutFeatures == 1 ? "was" : "were") + " left out.");
        }
        int[] labelled = new int[labelledCount];
        for (int row = 0, i = 0; row < n; row++) {
            if (codes[row] != ConfusionMatrix.NA && predictable.get(row)) {
                labelled[i++] = row;
            }
        }
        // classes present among the usable labelled rows, recoded 0..k-1
        long[] sizes = new long[coding.levels().size()];
        for (int row : labelled) {
            sizes[codes[row]]++;
        }
        List<String> classes = new ArrayList<>();
        int[] recode = new int[sizes.length];
        for (int c = 0; c < sizes.length; c++) {
            recode[c] = sizes[c] > 0 ? classes.size() : ConfusionMatrix.NA;
            if (sizes[c] > 0) {
                classes.add(coding.levels().get(c));
            }
        }
        if (classes.size() < 2) {
            throw new AnalysisException("column '" + label.name() + "' has only one class ('" + classes.get(0)
                    + "') in its labelled rows; a classifier needs at least two classes");
        }
        for (int c = 0; c < sizes.length; c++) {
            if (sizes[c] == 1) {
                throw new AnalysisException("class '" + coding.levels().get(c) + "' of column '" + label.name()
                        + "' has only one labelled row; every class needs at least two");
            }
        }
        int k = classes.size();
        int[] classOf = new int[n];
        java.util.Arrays.fill(classOf, ConfusionMatrix.NA);
        int[] labelledClass = new int[labelled.length];
        for (int i = 0; i < labelled.length; i++) {
            classOf[labelled[i]] = recode[codes[labelled[i]]];
            labelledClass[i] = classOf[labelled[i]];
        }

        // evaluation rows
        int[][] split = holdout != null ? byHoldout(labelled, holdout, label) :
                StratifiedSplit.holdOut(labelled, labelledClass, k, testFraction, seed);
        int[] train = split[0];
        int[] test = split[1];
        checkTrainingClasses(train, classOf, classes, label, holdout);
        if (test.length == 0) {
            messages.add("No labelled rows were held out (test-fraction " + plain(testFraction)
                    + "): the classifier is not evaluated.");
        }
        if (folds > train.length) {
            throw new AnalysisException(folds + " folds need at least " + folds + " training rows, there are " + train.length);
        }
        checkCanceled(progress);
        progress.worked(20);

        GradientBoosting.Settings settings = new GradientBoosting.Settings(rounds, maxDepth, eta, seed,
                Runtime.getRuntime().availableProcessors());
        int p = features.count();
        Map<String, Object> crossValidation = null;
        try {
            if (folds >= 2) {
                crossValidation = crossValidate(features, train, classOf, k, folds, seed, settings, progress.split(400));
            } else {
                progress.worked(400);
            }
            float[] x = features.read(train, 0, train.length);
            float[] y = new float[train.length];
            for (int i = 0; i < train.length; i++) {
                y[i] = classOf[train[i]];
            }
            SubMonitor training = progress.split(400).setWorkRemaining(rounds);
            try (GradientBoosting booster = GradientBoosting.train(x, train.length, p, y, k, settings,
                    training::isCanceled, round -> training.worked(1))) {
                x = null;
                // evaluation
                Map<String, Object> confusion = null;
                Double accuracy = null;
                if (test.length > 0) {
                    int[] predicted = predictCodes(booster, features, test, k);
                    int[] truth = new int[test.length];
                    for (int i = 0; i < test.length; i++) {
                        truth[i] = classOf[test[i]];
                    }
                    ConfusionMatrix matrix = ConfusionMatrix.of(classes, predicted, truth);
                    accuracy = (double) matrix.correct() / matrix.total();
                    confusion = ConfusionMethod.evaluate(matrix, null, "the evaluation rows of column '" + label.name() + "'").toMap();
                }
                checkCanceled(progress);
                List<Map<String, Object>> importance = importance(booster.totalGain(p), featureColumns, messages);
                SubMonitor predicting = progress.split(180);
                List<Column> columns = XGBoostModel.predict(booster, features, n, null, classes, predicting::isCanceled);
                long[] nonFinite = features.nonFinite();
                for (int c = 0; c < p; c++) {
                    if (nonFinite[c] > 0) {
                        messages.add("Column '" + features.name(c) + "': infinite or too large values were treated as missing.");
                    }
                }
                XGBoostModel trained = new XGBoostModel(label.name(), featureColumns.stream().map(Column::name).toList(),
                        classes, booster.toBytes());

                Map<String, Object> report = new LinkedHashMap<>();
                report.put("method", "xgboost");
                report.put("label", label.name());
                report.put("features", trained.features());
                report.put("classes", classes);
                report.put("objective", k == 2 ? "binary:logistic" : "multi:softprob");
                report.put("rounds", rounds);
                report.put("max_depth", maxDepth);
                report.put("eta", eta);
                report.put("seed", seed);
                report.put("evaluation", holdout != null ? "holdout column '" + holdout.name() + "'"
                        : "stratified split, test-fraction " + plain(testFraction));
                report.put("train_n", train.length);
                report.put("test_n", test.length);
                report.put("predicted_n", columns.get(0).size() - columns.get(0).naCount());
                report.put("test_accuracy", accuracy);
                report.put("confusion", confusion);
                report.put("importance", importance);
                report.put("cross_validation", crossValidation);
                report.put("messages", messages);
                progress.done();
                model = trained;
                String description = String.format(java.util.Locale.ROOT,
                        "XGBoost, %d rounds, max-depth %d, eta %s; trained on %d rows of '%s'%s", rounds, maxDepth,
                        plain(eta), train.length, label.name(), accuracy == null ? ", not evaluated"
                                : String.format(java.util.Locale.ROOT, "; test accuracy %.3f on %d rows", accuracy, test.length));
                TrainedModel stored = new TrainedModel(METHOD_ID, label.name() + " classifier", java.time.Instant.now(),
                        trained.features(), classes, description, trained.toBytes());
                return new AnalysisResult(columns, report, List.of(stored));
            }
        } catch (CancellationException e) {
            throw new OperationCanceledException();
        }
    }

    /**
     * Predicts with a stored classifier: the columns {@value XGBoostModel#PREDICTION_COLUMN} and
     * {@value XGBoostModel#PROBABILITY_COLUMN} as a training run makes them, for the given rows that
     * have a value in at least one feature; a report with the model's name, features, classes and the
     * number of rows predicted.
     */
    @Override
    public AnalysisResult predict(DataTable table, TrainedModel stored, BitSet rows, IProgressMonitor monitor)
            throws AnalysisException {
        XGBoostModel classifier;
        try {
            classifier = XGBoostModel.fromBytes(stored.bytes());
        } catch (java.io.IOException e) {
            throw new AnalysisException("model '" + stored.name() + "' cannot be read: " + e.getMessage());
        }
        SubMonitor progress = SubMonitor.convert(monitor, "Predicting with " + stored.name(), 100);
        try {
            List<Column> columns = classifier.predict(table, rows, progress::isCanceled);
            progress.done();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("method", METHOD_ID);
            report.put("model", stored.name());
            report.put("label", classifier.label());
            report.put("features", classifier.features());
            report.put("classes", classifier.classes());
            report.put("predicted_n", columns.get(0).size() - columns.get(0).naCount());
            return new AnalysisResult(columns, report);
        } catch (CancellationException e) {
            throw new OperationCanceledException();
        }
    }

    private static Column labelColumn(DataTable table, ParameterValues parameters) throws AnalysisException {
        Optional<Column> given = parameters.column(table, "label");
        if (given.isPresent()) {
            return given.get();
        }
        Optional<String> byRole = table.roles().column(ColumnRole.LABEL);
        if (byRole.isPresent()) {
            return table.findColumn(byRole.get()).orElseThrow(
                    () -> new AnalysisException("the label column '" + byRole.get() + "' is not in the table"));
        }
        throw new AnalysisException("choose the column of class labels (parameter label); no column has the label role");
    }

    private static List<NumericColumn> features(DataTable table, ParameterValues parameters, Column label, Column holdout,
            List<String> messages) throws AnalysisException {
        List<NumericColumn> chosen = parameters.numericColumns(table, "columns");
        boolean given = parameters.isSet("columns");
        List<NumericColumn> features = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (NumericColumn column : chosen) {
            boolean isLabel = column == label;
            boolean isHoldout = column == holdout;
            if (given && (isLabel || isHoldout)) {
                throw new AnalysisException("column '" + column.name() + "' is the " + (isLabel ? "label" : "holdout")
                        + " column and cannot be a feature");
            }
            if (isLabel || isHoldout) {
                continue;
            }
            if (!given && OWN_OUTPUT.matcher(column.name()).matches()) {
                skipped.add(column.name());
                continue;
            }
            features.add(column);
        }
        if (!skipped.isEmpty()) {
            messages.add("Not used as features: " + String.join(", ", skipped) + " (the output of an earlier xgboost run).");
        }
        if (features.isEmpty()) {
            throw new AnalysisException("no feature columns: the table has no numeric columns without a role besides the label"
                    + " (give them with --param columns=A,B,...)");
        }
        return features;
    }

    /** A numeric label must hold whole numbers (class codes), not a measurement. */
    private static void checkWholeNumbers(Column label) throws AnalysisException {
        if (!(label instanceof NumericColumn numeric) || numeric.isInteger()) {
            return;
        }
        for (int row = 0; row < numeric.size(); row++) {
            double value = numeric.value(row);
            if (!numeric.isNA(row) && (value != Math.rint(value) || Double.isInfinite(value))) {
                throw new AnalysisException("the label column '" + label.name() + "' is numeric with fractional values (e.g. "
                        + value + " in row " + (row + 1) + "): a label column holds classes, as text or whole-number codes");
            }
        }
    }

    /** A numeric label holds at most {@link #MAX_NUMERIC_CLASSES} classes; say that its values are taken as classes. */
    private static void checkNumericClasses(Column label, ClassCoding coding, List<String> messages) throws AnalysisException {
        if (!(label instanceof NumericColumn)) {
            return;
        }
        int count = coding.levels().size();
        if (count > MAX_NUMERIC_CLASSES) {
            throw new AnalysisException("the label column '" + label.name() + "' is numeric with " + count
                    + " different values: a label column holds classes (at most " + MAX_NUMERIC_CLASSES + " as numbers)");
        }
        messages.add("The label column '" + label.name() + "' is numeric: its " + count + " different values ("
                + String.join(", ", count <= 10 ? coding.levels() : coding.levels().subList(0, 10))
                + (count <= 10 ? "" : ", ...") + ") are used as classes.");
    }

    /** Splits the labelled rows by the holdout column: value "test" (any case) means evaluation. */
    private static int[][] byHoldout(int[] labelled, Column holdout, Column label) throws AnalysisException {
        boolean[] isTest = new boolean[labelled.length];
        int tests = 0;
        for (int i = 0; i < labelled.length; i++) {
            String value = holdout.text(labelled[i]);
            boolean test = value != null && value.trim().equalsIgnoreCase(TEST_VALUE);
            isTest[i] = test;
            if (test) {
                tests++;
            }
        }
        if (tests == 0) {
            throw new AnalysisException("the holdout column '" + holdout.name() + "' marks no labelled row of column '"
                    + label.name() + "' as " + TEST_VALUE);
        }
        if (tests == labelled.length) {
            throw new AnalysisException("the holdout column '" + holdout.name() + "' marks every labelled row as "
                    + TEST_VALUE + ": nothing is left to train on");
        }
        int[] train = new int[labelled.length - tests];
        int[] test = new int[tests];
        for (int i = 0, a = 0, b = 0; i < labelled.length; i++) {
            if (isTest[i]) {
                test[b++] = labelled[i];
            } else {
                train[a++] = labelled[i];
            }
        }
        return new int[][] { train, test };
    }

    private static void checkTrainingClasses(int[] train, int[] classOf, List<String> classes, Column label, Column holdout)
            throws AnalysisException {
        long[] counts = new long[classes.size()];
        for (int row : train) {
            counts[classOf[row]]++;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new AnalysisException("class '" + classes.get(c) + "' of column '" + label.name()
                        + "' has no training rows" + (holdout != null
                                ? ": the holdout column '" + holdout.name() + "' marks all its labelled rows as " + TEST_VALUE
                                : ""));
            }
        }
    }

    private static Map<String, Object> crossValidate(FeatureRows features, int[] train, int[] classOf, int k, int folds,
            long seed, GradientBoosting.Settings settings, SubMonitor monitor) {
        int[] trainClass = new int[train.length];
        for (int i = 0; i < train.length; i++) {
            trainClass[i] = classOf[train[i]];
        }
        int[] fold = StratifiedSplit.folds(train, trainClass, k, folds, seed);
        monitor.setWorkRemaining(folds * settings.rounds());
        double[] accuracy = new double[folds];
        int[] sizes = new int[folds];
        for (int f = 0; f < folds; f++) {
            List<Integer> fit = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < train.length; i++) {
                (fold[i] == f ? held : fit).add(train[i]);
            }
            int[] fitRows = fit.stream().mapToInt(Integer::intValue).toArray();
            int[] heldRows = held.stream().mapToInt(Integer::intValue).toArray();
            float[] y = new float[fitRows.length];
            for (int i = 0; i < fitRows.length; i++) {
                y[i] = classOf[fitRows[i]];
            }
            try (GradientBoosting booster = GradientBoosting.train(features.read(fitRows, 0, fitRows.length), fitRows.length,
                    features.count(), y, k, settings, monitor::isCanceled, round -> monitor.worked(1))) {
                int[] predicted = predictCodes(booster, features, heldRows, k);
                int correct = 0;
                for (int i = 0; i < heldRows.length; i++) {
                    if (predicted[i] == classOf[heldRows[i]]) {
                        correct++;
                    }
                }
                accuracy[f] = (double) correct / heldRows.length;
                sizes[f] = heldRows.length;
            }
        }
        double mean = java.util.Arrays.stream(accuracy).average().orElse(Double.NaN);
        double ss = 0;
        for (double a : accuracy) {
            ss += (a - mean) * (a - mean);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("folds", folds);
        report.put("sizes", sizes);
        report.put("accuracy", accuracy);
        report.put("mean_accuracy", mean);
        report.put("sd_accuracy", Math.sqrt(ss / (folds - 1)));
        return report;
    }

    private static int[] predictCodes(GradientBoosting booster, FeatureRows features, int[] rows, int k) {
        int[] codes = new int[rows.length];
        for (int from = 0; from < rows.length; from += XGBoostModel.CHUNK) {
            int count = Math.min(XGBoostModel.CHUNK, rows.length - from);
            float[] probabilities = booster.predict(features.read(rows, from, count), count, features.count());
            for (int i = 0; i < count; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (probabilities[i * k + c] > probabilities[i * k + best]) {
                        best = c;
                    }
                }
                codes[from + i] = best;
            }
        }
        return codes;
    }

    private static List<Map<String, Object>> importance(double[] gain, List<NumericColumn> columns, List<String> messages) {
        double total = 0;
        for (double g : gain) {
            total += g;
        }
        Integer[] order = new Integer[gain.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> gain[a] != gain[b] ? Double.compare(gain[b], gain[a]) : Integer.compare(a, b));
        if (!(total > 0)) {
            messages.add("No tree split on any feature (the features do not separate the classes): every importance is 0.");
        }
        List<Map<String, Object>> importance = new ArrayList<>();
        for (int c : order) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("feature", columns.get(c).name());
            entry.put("gain", total > 0 ? gain[c] / total : 0.0);
            importance.add(entry);
        }
        return importance;
    }

    private static String rows(int count) {
        return count == 1 ? "row" : "rows";
    }

    private static void checkCanceled(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    /** @return a number as a user types it: whole numbers without a fraction */
    private static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : Double.toString(number);
    }
}
