// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.bench.anova;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.ColumnFilter;
import org.idx.analysis.MethodCategory;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterDescriptor;
import org.idx.analysis.ParameterType;
import org.idx.analysis.ParameterValues;
import org.idx.analysis.ReportWriter;
import org.idx.analysis.anova.AnovaMethod;
import org.idx.core.DataTable;
import org.idx.io.delimited.DelimitedTableReader;

/**
 * The anova method on a delimited table read from disk (by default the sample screen's
 * nuclei.csv with value=area, group=siRNA): reads the table once, then runs table -> report ->
 * JSON through the AnalysisMethod interface RUNS times and prints each time and the best.
 * <p>
 * Arguments: TABLE [VALUE [GROUP [RUNS]]].
 */
public final class BenchAnovaTable {

    private BenchAnovaTable() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String value = args.length > 1 ? args[1] : "area";
        String group = args.length > 2 ? args[2] : "siRNA";
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        DataTable table = DelimitedTableReader.read(file).table();
        // the same declaration as plugin.xml (the benchmark runs without an extension registry)
        MethodDescriptor method = new MethodDescriptor("anova", "One-way ANOVA", MethodCategory.STATISTICS, "",
                List.of(new ParameterDescriptor("value", ParameterType.COLUMN, null, true, null, null, List.of(), ColumnFilter.NUMERIC, ""),
                        new ParameterDescriptor("group", ParameterType.COLUMN, null, true, null, null, List.of(), ColumnFilter.ANY, ""),
                        new ParameterDescriptor("alpha", ParameterType.NUMBER, "0.05", false, 0.0, 1.0, List.of(), ColumnFilter.NUMERIC, ""),
                        new ParameterDescriptor("groups", ParameterType.STRING, null, false, null, null, List.of(), ColumnFilter.ANY, "")),
                "bench", AnovaMethod::new);
        long best = Long.MAX_VALUE;
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            ParameterValues parameters = method.parse(List.of("value=" + value, "group=" + group));
            AnalysisResult result = method.factory().create().run(table, parameters, new NullProgressMonitor());
            String json = ReportWriter.toJson(result.report(), true);
            long elapsed = System.nanoTime() - start;
            best = Math.min(best, elapsed);
            Map<String, Object> report = result.report();
            System.out.printf("run %d: %.3f s  (n_total %s, n_groups %s, JSON %d chars, decision %s)%n", run, elapsed / 1e9,
                    report.get("n_total"), report.get("n_groups"), json.length(), report.get("decision"));
        }
        System.out.printf("anova method on %s, value=%s group=%s, %,d rows: best of %d %.3f s on %d processors%n", file, value,
                group, table.rowCount(), runs, best / 1e9, Runtime.getRuntime().availableProcessors());
    }
}
