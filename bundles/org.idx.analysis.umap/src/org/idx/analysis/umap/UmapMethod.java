// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.IProgressMonitor;
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
 * {@link Umap UMAP} of the rows complete in the chosen columns, centred and (by default) scaled to
 * unit variance first. Parameters as uwot's {@code umap()}: {@code neighbors} (n_neighbors, 15),
 * {@code min-dist} (0.1), {@code seed}, {@code scale}, and {@code supervised-by}: a label column
 * (any type; each distinct value is a class, NA = unknown) for supervised UMAP as uwot's {@code y =}
 * with a factor. When {@code columns} is not given, the label column is left out of the default
 * columns. New columns {@code UMAP1}, {@code UMAP2}, NA in rows with NA in a chosen column (rows with
 * an NA label are embedded). Report: {@code n} and the settings used.
 */
public final class UmapMethod implements AnalysisMethod {

    @Override
    public AnalysisResult run(DataTable table, ParameterValues parameters, IProgressMonitor monitor) throws AnalysisException {
        SubMonitor progress = SubMonitor.convert(monitor, "UMAP", 100);
        Optional<Column> labelColumn = parameters.column(table, "supervised-by");
        List<NumericColumn> chosen = new ArrayList<>(parameters.numericColumns(table, "columns"));
        if (!parameters.isSet("columns") && labelColumn.isPresent()) {
            chosen.remove(labelColumn.get());
            if (chosen.isEmpty()) {
                throw new AnalysisException("the table has no numeric columns without a role to analyse besides the label column '"
                        + labelColumn.get().name() + "' (give them with --param columns=A,B,...)");
            }
        }
        long neighborsValue = parameters.integer("neighbors");
        double minDist = parameters.number("min-dist");
        long seed = parameters.integer("seed");
        boolean scale = parameters.bool("scale");
        int minimumRows = (int) Math.min(Integer.MAX_VALUE - 1, neighborsValue) + 1;
        FeatureMatrix matrix = FeatureMatrix.of(chosen, minimumRows);
        int neighbors = (int) neighborsValue;
        int n = matrix.rows();
        int p = matrix.columnCount();
        double[] sds = matrix.sds(matrix.means());
        for (int c = 0; c < p; c++) {
            if (!(sds[c] > 0)) {
                throw new AnalysisException("column '" + matrix.name(c) + "' is constant on the complete rows");
            }
        }
        matrix.standardize(scale);
        float[] x = new float[Math.multiplyExact(n, p)];
        IntStream.range(0, p).parallel().forEach(c -> {
            double[] column = matrix.column(c);
            for (int i = 0; i < n; i++) {
                x[i * p + c] = (float) column[i];
            }
        });
        int[] labels = labelColumn.isPresent() ? labels(labelColumn.get(), matrix) : null;
        progress.worked(2);
        float[] layout = Umap.embed(x, n, p, neighbors, minDist, labels, seed, progress.split(98));
        double[] first = new double[n];
        double[] second = new double[n];
        for (int i = 0; i < n; i++) {
            first[i] = layout[2 * i];
            second[i] = layout[2 * i + 1];
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            names.add(matrix.name(c));
        }
        CurveParameters curve = CurveParameters.fit(1, minDist);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("method", "umap");
        report.put("n", n);
        report.put("columns", names);
        report.put("neighbors", neighbors);
        report.put("min_dist", minDist);
        report.put("a", curve.a());
        report.put("b", curve.b());
        report.put("scale", scale);
        report.put("seed", seed);
        report.put("supervised_by", labelColumn.map(Column::name).orElse(null));
        report.put("epochs", Umap.epochs(n));
        report.put("nn_method", n < Umap.EXACT_BELOW ? "exact" : "nndescent");
        progress.done();
        return new AnalysisResult(List.of(matrix.scatter("UMAP1", first, false), matrix.scatter("UMAP2", second, false)), report);
    }

    /** @return a code per complete row for the distinct texts of the label column, -1 for NA */
    private static int[] labels(Column column, FeatureMatrix matrix) throws AnalysisException {
        int n = matrix.rows();
        int[] labels = new int[n];
        Map<String, Integer> codes = new HashMap<>();
        boolean any = false;
        for (int i = 0; i < n; i++) {
            String text = column.text(matrix.tableRow(i));
            if (text == null) {
                labels[i] = -1;
            } else {
                labels[i] = codes.computeIfAbsent(text, t -> codes.size());
                any = true;
            }
        }
        if (!any) {
            throw new AnalysisException("the label column '" + column.name()
                    + "' (parameter supervised-by) has only NA values in the rows to embed");
        }
        return labels;
    }
}
