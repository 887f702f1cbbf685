// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.pca;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisMethod;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.FeatureMatrix;
import org.idx.analysis.ParameterValues;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;

/**
 * Principal component analysis as R's {@code prcomp(x, scale. = scale)} on the rows complete in
 * the chosen columns: the columns are centred (and scaled to unit variance, sd with n - 1), the
 * covariance matrix of the result is decomposed with {@link SymmetricEigen}, {@code sdev} are the
 * square roots of its eigenvalues and the scores {@code PC1..PCk} are the centred (scaled) rows
 * times the eigenvectors.
 * <p>
 * Signs: an eigenvector's sign is arbitrary (R's follows LAPACK). IDX makes each component's
 * largest-magnitude loading positive, so the same data always gives the same columns.
 * <p>
 * Report: {@code n} (rows used), {@code columns}, {@code sdev[]} and
 * {@code explained_variance_ratio[]} for all components, {@code loadings: {PC1: {column: value}}}
 * for the k components added.
 */
public final class PcaMethod implements AnalysisMethod {

    private static final int BLOCK = 2048;

    @Override
    public AnalysisResult run(DataTable table, ParameterValues parameters, IProgressMonitor monitor) throws AnalysisException {
        SubMonitor progress = SubMonitor.convert(monitor, "Principal component analysis", 100);
        List<NumericColumn> chosen = parameters.numericColumns(table, "columns");
        int k = (int) Math.min(Integer.MAX_VALUE, parameters.integer("components"));
        boolean scale = parameters.bool("scale");
        if (k > chosen.size()) {
            throw new AnalysisException("components = " + k + " but only " + chosen.size() + " column"
                    + (chosen.size() == 1 ? " is" : "s are") + " chosen");
        }
        FeatureMatrix matrix = FeatureMatrix.of(chosen, 2);
        checkCanceled(progress);
        matrix.standardize(scale);
        progress.worked(10);
        checkCanceled(progress);
        double[][] covariance = covariance(matrix);
        progress.worked(40);
        checkCanceled(progress);
        SymmetricEigen eigen = SymmetricEigen.of(covariance);
        double[] values = eigen.values();
        double[][] vectors = eigen.vectors();
        int p = matrix.columnCount();
        double[] sdev = new double[p];
        double total = 0;
        for (int j = 0; j < p; j++) {
            double value = Math.max(0, values[j]);
            sdev[j] = Math.sqrt(value);
            total += value;
        }
        double[] ratio = new double[p];
        for (int j = 0; j < p; j++) {
            ratio[j] = Math.max(0, values[j]) / total;
        }
        double[][] scores = scores(matrix, vectors, k);
        progress.worked(40);
        List<Column> columns = new ArrayList<>();
        Map<String, Object> loadings = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            names.add(matrix.name(c));
        }
        for (int j = 0; j < k; j++) {
            columns.add(matrix.scatter("PC" + (j + 1), scores[j], false));
            Map<String, Object> loading = new LinkedHashMap<>();
            for (int c = 0; c < p; c++) {
                loading.put(matrix.name(c), vectors[c][j]);
            }
            loadings.put("PC" + (j + 1), loading);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("method", "pca");
        report.put("n", matrix.rows());
        report.put("columns", names);
        report.put("scale", scale);
        report.put("sdev", sdev);
        report.put("explained_variance_ratio", ratio);
        report.put("loadings", loadings);
        progress.done();
        return new AnalysisResult(columns, report);
    }

    private static void checkCanceled(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    /** The covariance matrix (denominator n - 1) of centred columns, in parallel over row blocks. */
    static double[][] covariance(FeatureMatrix matrix) {
        int n = matrix.rows();
        int p = matrix.columnCount();
        double[][] x = new double[p][];
        for (int c = 0; c < p; c++) {
            x[c] = matrix.column(c);
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[][] partial = new double[blocks][];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * BLOCK;
            int to = Math.min(n, from + BLOCK);
            double[] acc = new double[p * p];
            for (int c1 = 0; c1 < p; c1++) {
                double[] a = x[c1];
                for (int c2 = c1; c2 < p; c2++) {
                    double[] bb = x[c2];
                    double sum = 0;
                    for (int i = from; i < to; i++) {
                        sum += a[i] * bb[i];
                    }
                    acc[c1 * p + c2] = sum;
                }
            }
            partial[b] = acc;
        });
        double[][] covariance = new double[p][p];
        for (double[] acc : partial) {
            for (int c1 = 0; c1 < p; c1++) {
                for (int c2 = c1; c2 < p; c2++) {
                    covariance[c1][c2] += acc[c1 * p + c2];
                }
            }
        }
        for (int c1 = 0; c1 < p; c1++) {
            for (int c2 = c1; c2 < p; c2++) {
                covariance[c1][c2] /= n - 1;
                covariance[c2][c1] = covariance[c1][c2];
            }
        }
        return covariance;
    }

    /** The first k scores: {@code scores[j][i]} = row i of the standardized matrix times eigenvector j. */
    static double[][] scores(FeatureMatrix matrix, double[][] vectors, int k) {
        int n = matrix.rows();
        int p = matrix.columnCount();
        double[][] scores = new double[k][n];
        int blocks = (n + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * BLOCK;
            int to = Math.min(n, from + BLOCK);
            for (int j = 0; j < k; j++) {
                double[] out = scores[j];
                for (int c = 0; c < p; c++) {
                    double w = vectors[c][j];
                    double[] column = matrix.column(c);
                    for (int i = from; i < to; i++) {
                        out[i] += column[i] * w;
                    }
                }
            }
        });
        return scores;
    }
}
