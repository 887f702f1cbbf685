// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.kmeans;

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
 * k-means clustering ({@link KMeans}) of the rows complete in the chosen columns, optionally
 * scaled to mean 0 and unit variance (as R's {@code scale()}). New column {@code kmeans}: the
 * cluster, 1..k, NA in rows with NA in a chosen column. Clusters are numbered by decreasing size
 * (ties: the cluster of the earlier row first). Report as R's {@code kmeans} object: {@code n},
 * {@code tot_withinss}, {@code totss}, {@code betweenss}, {@code withinss_over_totss},
 * {@code sizes[]}, {@code withinss[]}, plus the Lloyd iterations of the winning restart (on the
 * sample and then on all rows when {@link KMeans} sampled).
 */
public final class KMeansMethod implements AnalysisMethod {

    @Override
    public AnalysisResult run(DataTable table, ParameterValues parameters, IProgressMonitor monitor) throws AnalysisException {
        SubMonitor progress = SubMonitor.convert(monitor, "k-means clustering", 100);
        List<NumericColumn> chosen = parameters.numericColumns(table, "columns");
        long kValue = parameters.integer("k");
        boolean scale = parameters.bool("scale");
        int restarts = (int) Math.min(10_000, parameters.integer("restarts"));
        long seed = parameters.integer("seed");
        FeatureMatrix matrix = FeatureMatrix.of(chosen, scale ? 2 : 1);
        int n = matrix.rows();
        if (kValue > n) {
            throw new AnalysisException("k = " + kValue + " is larger than the " + n + " complete rows");
        }
        int k = (int) kValue;
        if (scale) {
            matrix.standardize(true);
        }
        int p = matrix.columnCount();
        double[] x = new double[Math.multiplyExact(n, p)];
        IntStream.range(0, p).parallel().forEach(c -> {
            double[] column = matrix.column(c);
            for (int i = 0; i < n; i++) {
                x[i * p + c] = column[i];
            }
        });
        progress.worked(10);
        KMeans kmeans = new KMeans(x, n, p, k);
        KMeans.Result result;
        try {
            result = kmeans.fit(restarts, seed, progress::isCanceled);
        } catch (CancellationException e) {
            throw new OperationCanceledException();
        } catch (KMeans.FewDistinctRowsException e) {
            throw new AnalysisException("k = " + k + " but the complete rows hold only " + e.distinct()
                    + " distinct points in the chosen columns");
        }
        progress.worked(85);
        double totss = kmeans.totss();
        // number clusters by decreasing size, ties by first row
        Integer[] order = new Integer[k];
        int[] firstRow = new int[k];
        java.util.Arrays.fill(firstRow, Integer.MAX_VALUE);
        int[] assignment = result.assignment();
        for (int i = n - 1; i >= 0; i--) {
            firstRow[assignment[i]] = i;
        }
        for (int j = 0; j < k; j++) {
            order[j] = j;
        }
        int[] rawSizes = result.sizes();
        java.util.Arrays.sort(order, (a, b) -> rawSizes[a] != rawSizes[b] ? Integer.compare(rawSizes[b], rawSizes[a])
                : Integer.compare(firstRow[a], firstRow[b]));
        int[] label = new int[k];
        int[] sizes = new int[k];
        double[] withinss = new double[k];
        for (int rank = 0; rank < k; rank++) {
            label[order[rank]] = rank + 1;
            sizes[rank] = rawSizes[order[rank]];
            withinss[rank] = result.withinss()[order[rank]];
        }
        double[] clusters = new double[n];
        for (int i = 0; i < n; i++) {
            clusters[i] = label[assignment[i]];
        }
        Map<String, Object> report = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            names.add(matrix.name(c));
        }
        report.put("method", "kmeans");
        report.put("n", n);
        report.put("columns", names);
        report.put("k", k);
        report.put("scale", scale);
        report.put("restarts", restarts);
        report.put("seed", seed);
        report.put("tot_withinss", result.totWithinss());
        report.put("totss", totss);
        report.put("betweenss", totss - result.totWithinss());
        report.put("withinss_over_totss", result.totWithinss() / totss);
        report.put("sizes", sizes);
        report.put("withinss", withinss);
        report.put("iterations", result.iterations());
        progress.done();
        return new AnalysisResult(List.of(matrix.scatter("kmeans", clusters, true)), report);
    }
}
