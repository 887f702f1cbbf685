// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.hdbscan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisMethod;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.FeatureMatrix;
import org.idx.analysis.ParameterValues;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;

/**
 * HDBSCAN* ({@link Hdbscan}) of the rows complete in the chosen columns, optionally scaled to
 * mean 0 and unit variance first (as R's {@code scale()}). New column {@code hdbscan}: 0 for
 * noise, else the cluster 1..k numbered by decreasing size; NA in rows with NA in a chosen
 * column. Report: {@code n}, {@code n_clusters}, {@code n_noise}, plus the columns, parameters,
 * {@code sizes[]} and R's {@code cluster_scores[]} (the stabilities), cluster 1 first.
 */
public final class HdbscanMethod implements AnalysisMethod {

    @Override
    public AnalysisResult run(DataTable table, ParameterValues parameters, IProgressMonitor monitor) throws AnalysisException {
        SubMonitor progress = SubMonitor.convert(monitor, "HDBSCAN clustering", 1000);
        List<NumericColumn> chosen = parameters.numericColumns(table, "columns");
        long minPointsValue = parameters.integer("min-points");
        boolean scale = parameters.bool("scale");
        if (minPointsValue < 2) {
            throw new AnalysisException("min-points = " + minPointsValue + " is below 2");
        }
        FeatureMatrix matrix = FeatureMatrix.of(chosen, 2);
        int n = matrix.rows();
        if (minPointsValue > n) {
            throw new AnalysisException("min-points = " + minPointsValue + " is larger than the " + n + " complete rows");
        }
        int minPoints = (int) minPointsValue;
        if ((long) n * (minPoints - 1) > Integer.MAX_VALUE - 8) {
            throw new AnalysisException("min-points = " + minPoints + " is too large for " + n + " rows");
        }
        int p = matrix.columnCount();
        for (int c = 0; c < p; c++) {
            double[] values = matrix.column(c);
            double min = values[0];
            double max = values[0];
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (min == max) {
                throw new AnalysisException("column '" + matrix.name(c) + "' is constant on the complete rows and cannot separate clusters");
            }
        }
        if (scale) {
            matrix.standardize(true);
        }
        double[] x = new double[Math.multiplyExact(n, p)];
        IntStream.range(0, p).parallel().forEach(c -> {
            double[] column = matrix.column(c);
            for (int i = 0; i < n; i++) {
                x[i * p + c] = column[i];
            }
        });
        progress.worked(20);
        SubMonitor clustering = progress.split(970).setWorkRemaining(1000);
        Hdbscan.Result result;
        try {
            int[] done = { 0 };
            result = Hdbscan.cluster(x, n, p, minPoints, clustering::isCanceled, fraction -> {
                int now = (int) Math.round(1000 * fraction);
                if (now > done[0]) {
                    clustering.worked(now - done[0]);
                    done[0] = now;
                }
            });
        } catch (CancellationException e) {
            throw new OperationCanceledException();
        }
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = result.labels()[i];
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            names.add(matrix.name(c));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("method", "hdbscan");
        report.put("n", n);
        report.put("n_clusters", result.clusters());
        report.put("n_noise", result.noise());
        report.put("columns", names);
        report.put("min_points", minPoints);
        report.put("scale", scale);
        report.put("sizes", result.sizes());
        report.put("cluster_scores", result.scores());
        progress.done();
        return new AnalysisResult(List.of(matrix.scatter("hdbscan", labels, true)), report);
    }
}
