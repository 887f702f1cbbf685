// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.bench.anova;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

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
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;

/**
 * The anova method on a generated table (ROWS rows, GROUPS groups of a categorical column, a few
 * NA), through the AnalysisMethod interface: parameters -> run -> report -> JSON. Best of RUNS.
 * Arguments: [rows] [groups] [runs] (default 1000000 50 3).
 */
public final class BenchAnovaMethod {

    private BenchAnovaMethod() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int groups = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        SplittableRandom random = new SplittableRandom(42);
        double[] values = new double[rows];
        int[] codes = new int[rows];
        BitSet na = new BitSet();
        for (int i = 0; i < rows; i++) {
            codes[i] = random.nextInt(groups);
            double u = random.nextDouble(), v = random.nextDouble();
            values[i] = 100 + codes[i] % 7 + 15 * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
            if (random.nextInt(1000) == 0) {
                na.set(i);
            }
        }
        String[] names = new String[groups];
        for (int g = 0; g < groups; g++) {
            names[g] = String.format("siRNA-%03d", g);
        }
        DataTable table = new InMemoryDataTable(rows, List.of(DoubleArrayColumn.adopt("NucleolusArea", values, na, false),
                DictionaryColumn.adopt("Treatment", codes, List.of(names))));
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
            ParameterValues parameters = method.parse(List.of("value=NucleolusArea", "group=Treatment"));
            AnalysisResult result = method.factory().create().run(table, parameters, new NullProgressMonitor());
            String json = ReportWriter.toJson(result.report(), true);
            long elapsed = System.nanoTime() - start;
            best = Math.min(best, elapsed);
            Map<String, Object> report = result.report();
            System.out.printf("run %d: %.3f s  (n_total %s, n_groups %s, JSON %d chars, decision %s)%n", run, elapsed / 1e9,
                    report.get("n_total"), report.get("n_groups"), json.length(), report.get("decision"));
        }
        System.out.printf("anova method, %,d rows, %d groups: best of %d %.3f s (target < 5 s) on %d processors%n", rows,
                groups, runs, best / 1e9, Runtime.getRuntime().availableProcessors());
    }
}
