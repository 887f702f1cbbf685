// SPDX-License-Identifier: GPL-3.0-or-later

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.ColumnFilter;
import org.idx.analysis.MethodCategory;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterDescriptor;
import org.idx.analysis.ParameterType;
import org.idx.analysis.umap.UmapMethod;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;

/**
 * Times the umap method (defaults: neighbors 15, min-dist 0.1, scale) on a seeded table of 12
 * clusters in a 5-dimensional latent space mapped into COLS columns plus noise (the generator of
 * the analysis benchmark), and estimates the trustworthiness at k = 10 on SAMPLE random points
 * (ranks against all points). Writes the table and the sample (1-based rows) for the R side.
 * Usage: UmapBench ROWS COLS OUT_DIR [SAMPLE=2000]
 */
public final class UmapBench {

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int cols = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        int sample = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
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
        Files.createDirectories(out);
        writeCsv(table, out.resolve("umap-" + rows + "x" + cols + ".csv"));
        int[] picked = new SplittableRandom(7).ints(0, rows).distinct().limit(Math.min(sample, rows)).sorted().toArray();
        Files.writeString(out.resolve("sample-" + rows + "x" + cols + ".txt"),
                String.join("\n", IntStream.of(picked).mapToObj(i -> Integer.toString(i + 1)).toList()) + "\n");

        List<ParameterDescriptor> parameters = List.of(
                new ParameterDescriptor("columns", ParameterType.COLUMNS, null, false, null, null, List.of(), ColumnFilter.NUMERIC, ""),
                ParameterDescriptor.of("neighbors", ParameterType.INTEGER, "15"),
                ParameterDescriptor.of("min-dist", ParameterType.NUMBER, "0.1"),
                ParameterDescriptor.of("seed", ParameterType.INTEGER, "1"),
                new ParameterDescriptor("supervised-by", ParameterType.COLUMN, null, false, null, null, List.of(), ColumnFilter.ANY, ""),
                ParameterDescriptor.of("scale", ParameterType.BOOLEAN, "true"));
        MethodDescriptor umap = new MethodDescriptor("umap", "UMAP", MethodCategory.REDUCTION, null, parameters, "bench", UmapMethod::new);
        String load = loadAverage();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        AnalysisResult result = umap.factory().create().run(table, umap.parse(List.of()), new NullProgressMonitor());
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        NumericColumn u = (NumericColumn) result.columns().get(0);
        NumericColumn v = (NumericColumn) result.columns().get(1);
        double[] embedding = new double[2 * rows];
        for (int i = 0; i < rows; i++) {
            embedding[2 * i] = u.value(i);
            embedding[2 * i + 1] = v.value(i);
        }
        double[] x = scaled(values, rows, cols);
        double trust = trustworthiness(x, cols, embedding, picked, 10);
        System.out.printf(Locale.ROOT, "IDX  umap %,d x %d: %6.2f s (cpu %.2f s), trustworthiness(10) %.4f on %d sampled rows  [load %s -> %s]%n",
                rows, cols, wall, cpuSeconds, trust, picked.length, load, loadAverage());
    }

    /** Columns scaled to mean 0, sd 1 (as R's scale()), row-major. */
    private static double[] scaled(double[][] values, int n, int p) {
        double[] x = new double[n * p];
        for (int c = 0; c < p; c++) {
            double mean = 0;
            for (double value : values[c]) {
                mean += value;
            }
            mean /= n;
            double ss = 0;
            for (double value : values[c]) {
                ss += (value - mean) * (value - mean);
            }
            double sd = Math.sqrt(ss / (n - 1));
            for (int i = 0; i < n; i++) {
                x[i * p + c] = (values[c][i] - mean) / sd;
            }
        }
        return x;
    }

    /**
     * Trustworthiness at k restricted to the sampled points i (ranks among all points):
     * {@code 1 - 2 / (m k (2n - 3k - 1)) sum_i sum_{j in U(i)} max(0, r(i, j) - k)}.
     */
    static double trustworthiness(double[] x, int p, double[] e, int[] sample, int k) {
        int n = e.length / 2;
        double penalty = IntStream.of(sample).parallel().mapToDouble(i -> {
            int[] best = new int[k];
            double[] dist = new double[k];
            java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double dx = e[2 * i] - e[2 * j];
                double dy = e[2 * i + 1] - e[2 * j + 1];
                double d = dx * dx + dy * dy;
                if (d < dist[k - 1]) {
                    int at = k - 1;
                    while (at > 0 && dist[at - 1] > d) {
                        dist[at] = dist[at - 1];
                        best[at] = best[at - 1];
                        at--;
                    }
                    dist[at] = d;
                    best[at] = j;
                }
            }
            double[] d = new double[n];
            for (int l = 0; l < n; l++) {
                double sum = 0;
                for (int c = 0; c < p; c++) {
                    double diff = x[i * p + c] - x[l * p + c];
                    sum += diff * diff;
                }
                d[l] = sum;
            }
            double total = 0;
            for (int j : best) {
                int rank = 1;
                for (int l = 0; l < n; l++) {
                    if (l != i && l != j && (d[l] < d[j] || (d[l] == d[j] && l < j))) {
                        rank++;
                    }
                }
                total += Math.max(0, rank - k);
            }
            return total;
        }).sum();
        return 1 - penalty * 2 / ((double) sample.length * k * (2.0 * n - 3.0 * k - 1));
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void writeCsv(DataTable table, Path file) throws Exception {
        if (Files.exists(file)) {
            return;
        }
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
