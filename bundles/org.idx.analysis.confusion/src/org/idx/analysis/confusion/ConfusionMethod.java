// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.confusion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisMethod;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.ParameterValues;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.stats.confusion.ConfusionMatrix;
import org.idx.stats.confusion.ConfusionReport;

/**
 * The {@code confusion} method: a column of predicted classes evaluated against a column of true
 * classes, as R's {@code caret::confusionMatrix(prediction, truth)} does. The classes are the union
 * of both columns' values ({@link ClassCoding}); rows with NA in either column are dropped. No new
 * columns; the report holds {@code truth}, {@code prediction}, {@code dropped} (rows left out) and
 * the {@link ConfusionReport#toMap() confusion report}: {@code n}, {@code levels}, {@code positive},
 * {@code table} (rows = prediction, columns = truth), {@code overall} and {@code byClass}.
 */
public final class ConfusionMethod implements AnalysisMethod {

    @Override
    public AnalysisResult run(DataTable table, ParameterValues parameters, IProgressMonitor monitor) throws AnalysisException {
        SubMonitor progress = SubMonitor.convert(monitor, "Confusion matrix", 3);
        Column truth = parameters.column(table, "truth")
                .orElseThrow(() -> new AnalysisException("choose the column of true classes (parameter truth)"));
        Column prediction = parameters.column(table, "prediction")
                .orElseThrow(() -> new AnalysisException("choose the column of predicted classes (parameter prediction)"));
        ClassCoding coding = ClassCoding.of(List.of(truth, prediction));
        progress.worked(1);
        checkCanceled(progress);
        ConfusionMatrix matrix = ConfusionMatrix.of(coding.levels(), coding.codes(prediction), coding.codes(truth));
        progress.worked(1);
        ConfusionReport report = evaluate(matrix, parameters.string("positive").orElse(null),
                "columns '" + truth.name() + "' and '" + prediction.name() + "'");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("method", "confusion");
        map.put("truth", truth.name());
        map.put("prediction", prediction.name());
        map.put("dropped", table.rowCount() - matrix.total());
        map.putAll(report.toMap());
        List<String> messages = new ArrayList<>();
        if (matrix.total() < table.rowCount()) {
            long dropped = table.rowCount() - matrix.total();
            messages.add(dropped + (dropped == 1 ? " row has" : " rows have") + " no truth or no prediction and "
                    + (dropped == 1 ? "was" : "were") + " left out.");
        }
        map.put("messages", messages);
        progress.done();
        return new AnalysisResult(List.of(), map);
    }

    /**
     * The confusion report of a matrix, with the checks a user's input needs.
     *
     * @param matrix   the counts
     * @param positive the positive class (two classes only), or {@code null} for caret's default
     * @param source   what the classes come from, for messages (e.g. "columns 'a' and 'b'")
     * @return the report
     * @throws AnalysisException when there are no observations, fewer than two classes, or a
     *                           positive class that is not one of two classes
     */
    public static ConfusionReport evaluate(ConfusionMatrix matrix, String positive, String source) throws AnalysisException {
        List<String> levels = matrix.levels();
        if (levels.size() < 2) {
            throw new AnalysisException("a confusion matrix needs at least two classes; " + source + " hold "
                    + (levels.isEmpty() ? "no values" : "only '" + levels.get(0) + "'"));
        }
        if (matrix.total() == 0) {
            throw new AnalysisException("no row has both a true and a predicted class in " + source);
        }
        int positiveCode = -1;
        if (positive != null && !positive.isEmpty()) {
            if (levels.size() > 2) {
                throw new AnalysisException("a positive class applies to two classes only; " + source + " hold "
                        + levels.size() + " (" + String.join(", ", levels) + ")");
            }
            positiveCode = levels.indexOf(positive);
            if (positiveCode < 0) {
                throw new AnalysisException("the positive class '" + positive + "' is not one of the classes of " + source
                        + " (" + String.join(", ", levels) + ")");
            }
        }
        return ConfusionReport.of(matrix, positiveCode);
    }

    private static void checkCanceled(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }
}
