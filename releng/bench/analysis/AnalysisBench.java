// SPDX-License-Identifier: GPL-3.0-or-later

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisMethod;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.ColumnFilter;
import org.idx.analysis.MethodCategory;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterDescriptor;
import org.idx.analysis.ParameterType;
import org.idx.analysis.kmeans.KMeansMethod;
import org.idx.analysis.pca.PcaMethod;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;

/**
 * Times pca and kmeans on a seeded table: 12 latent clusters in a 5-dimensional subspace plus noise.
 * Prints the wall time, the CPU time of the JVM over the same run and the machine's load average
 * before and after (the benchmark machine is shared).
 */
public final class AnalysisBench {

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int cols = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(2024);
        int latent = 5;
        int clusters = 12;
        double[][] centers = new double[clusters][latent];
        for (double[] c : centers) {
            for (int d = 0; d < latent; d++) {
                c[d] = random.nextGaussian() * 3;
            }
        }
        double[][] mix = new double[latent][cols];
        for (double[] m : mix) {
            for (int c = 0; c < cols; c++) {
                m[c] = random.nextGaussian();
            }
        }
        double[][] values = new double[cols][rows];
        double[] z = new double[latent];
        for (int i = 0; i < rows; i++) {
            double[] center = centers[random.nextInt(clusters)];
            for (int d = 0; d < latent; d++) {
                z[d] = center[d] + random.nextGaussian();
            }
            for (int c = 0; c < cols; c++) {
                double v = 0.5 * random.nextGaussian();
                for (int d = 0; d < latent; d++) {
                    v += z[d] * mix[d][c];
                }
                values[c][i] = v * (c + 1) + 10 * c;
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            columns.add(DoubleArrayColumn.adopt("f" + c, values[c], null, false));
        }
        DataTable table = new InMemoryDataTable(rows, columns);
        if (args.length > 2) {
            writeCsv(table, Path.of(args[2]));
        }
        System.out.printf(Locale.ROOT, "table: %,d rows x %d numeric columns%n", rows, cols);
        MethodDescriptor pca = descriptor("pca", new PcaMethod(),
                new ParameterDescriptor("components", ParameterType.INTEGER, "2", false, 1.0, null, List.of(), null, ""),
                ParameterDescriptor.of("scale", ParameterType.BOOLEAN, "true"));
        MethodDescriptor kmeans = descriptor("kmeans", new KMeansMethod(),
                new ParameterDescriptor("k", ParameterType.INTEGER, null, true, 1.0, null, List.of(), null, ""),
                ParameterDescriptor.of("scale", ParameterType.BOOLEAN, "true"),
                ParameterDescriptor.of("restarts", ParameterType.INTEGER, "10"),
                ParameterDescriptor.of("seed", ParameterType.INTEGER, "1"));
        time("pca components=2 scale=true (target < 3 s)", pca, table, List.of(), 3, "explained_variance_ratio");
        time("kmeans k=10 restarts=10 scale=true (target < 30 s)", kmeans, table, List.of("k=10"), 1, "withinss_over_totss");
    }

    private static MethodDescriptor descriptor(String id, AnalysisMethod method, ParameterDescriptor... parameters) {
        List<ParameterDescriptor> all = new ArrayList<>();
        all.add(new ParameterDescriptor("columns", ParameterType.COLUMNS, null, false, null, null, List.of(), ColumnFilter.NUMERIC, ""));
        all.addAll(List.of(parameters));
        return new MethodDescriptor(id, id, MethodCategory.OTHER, null, all, "bench", () -> method);
    }

    private static void time(String label, MethodDescriptor method, DataTable table, List<String> params, int repeats, String key)
            throws Exception {
        double best = Double.MAX_VALUE;
        double bestCpu = 0;
        AnalysisResult result = null;
        String loadBefore = loadAverage();
        for (int r = 0; r < repeats; r++) {
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            result = method.factory().create().run(table, method.parse(params), new NullProgressMonitor());
            double wall = (System.nanoTime() - start) / 1e9;
            if (wall < best) {
                best = wall;
                bestCpu = (processCpuNanos() - cpu) / 1e9;
            }
        }
        Map<String, Object> report = result.report();
        Object value = report.get(key);
        String shown = value instanceof double[] array ? String.format(Locale.ROOT, "%.6f", array[0]) : String.valueOf(value);
        System.out.printf(Locale.ROOT, "%-55s %7.2f s (cpu %.2f s)%s  %s %s%s  [load %s -> %s]%n", label, best, bestCpu,
                repeats > 1 ? " (best of " + repeats + ")" : "", key, shown,
                report.containsKey("iterations") ? ", iterations " + report.get("iterations") : "", loadBefore, loadAverage());
    }

    /** The CPU time of the whole JVM (all threads, JIT and GC included), or 0 when the JVM cannot tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    /** The 1-minute load average of the machine (the benchmark machine is shared). */
    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void writeCsv(DataTable table, Path file) throws Exception {
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            List<Column> columns = table.columns();
            out.write(String.join(",", columns.stream().map(Column::name).toList()));
            out.newLine();
            for (int i = 0; i < table.rowCount(); i++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns.size(); c++) {
                    line.append(c == 0 ? "" : ",").append(columns.get(c).text(i));
                }
                out.write(line.toString());
                out.newLine();
            }
        }
    }
}
