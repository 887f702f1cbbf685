// SPDX-License-Identifier: GPL-3.0-or-later

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.ColumnFilter;
import org.idx.analysis.MethodCategory;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterDescriptor;
import org.idx.analysis.ParameterType;
import org.idx.analysis.hdbscan.HdbscanMethod;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;

/**
 * Times the hdbscan method (min-points=10, 2 columns) on a seeded 2-D table through the same
 * AnalysisMethod/ParameterValues API the CLI uses: 12 Gaussian blobs of different spreads and
 * sizes plus 5 % uniform noise. Prints wall and CPU time, the peak heap in use during the run
 * (sum of the heap pools' peaks after a GC before the run; the table itself is
 * {@code 16 n} bytes of it) and the clusters found. With a second argument writes the table
 * as CSV, with a third the labels (one per row), for the R comparison.
 */
public final class HdbscanBench {

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        SplittableRandom random = new SplittableRandom(20261122);
        int blobs = 12;
        double[][] centers = new double[blobs][2];
        double[] spread = new double[blobs];
        double[] weight = new double[blobs];
        for (int b = 0; b < blobs; b++) {
            centers[b][0] = random.nextDouble(0, 100);
            centers[b][1] = random.nextDouble(0, 100);
            spread[b] = random.nextDouble(0.5, 4);
            weight[b] = random.nextDouble(0.3, 1);
        }
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        double[] x = new double[rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            if (random.nextDouble() < 0.05) {
                x[i] = random.nextDouble(-10, 110);
                y[i] = random.nextDouble(-10, 110);
                continue;
            }
            double u = random.nextDouble(total);
            int b = 0;
            while (u > weight[b] && b < blobs - 1) {
                u -= weight[b++];
            }
            x[i] = centers[b][0] + random.nextGaussian() * spread[b];
            y[i] = centers[b][1] + random.nextGaussian() * spread[b];
        }
        DataTable table = new InMemoryDataTable(rows, List.of(DoubleArrayColumn.adopt("x", x, null, false),
                DoubleArrayColumn.adopt("y", y, null, false)));
        if (args.length > 1) {
            writeCsv(x, y, Path.of(args[1]));
        }
        List<ParameterDescriptor> parameters = new ArrayList<>();
        parameters.add(new ParameterDescriptor("columns", ParameterType.COLUMNS, null, false, null, null, List.of(), ColumnFilter.NUMERIC, ""));
        parameters.add(new ParameterDescriptor("min-points", ParameterType.INTEGER, "10", false, 2.0, null, List.of(), null, ""));
        parameters.add(ParameterDescriptor.of("scale", ParameterType.BOOLEAN, "false"));
        HdbscanMethod method = new HdbscanMethod();
        MethodDescriptor descriptor = new MethodDescriptor("hdbscan", "hdbscan", MethodCategory.CLUSTERING, null, parameters, "bench",
                () -> method);

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        String loadBefore = load();
        long cpu = cpuNanos();
        long start = System.nanoTime();
        AnalysisResult result = method.run(table, descriptor.parse(List.of()), new NullProgressMonitor());
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuNanos() - cpu) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Map<String, Object> report = result.report();
        System.out.printf(Locale.ROOT, "IDX hdbscan %,9d rows x 2, min-points=10: %7.2f s (cpu %.2f s), peak heap %,5d MB (table %d MB, -Xmx %,d MB); %s clusters, %s noise  [load %s -> %s]%n",
                rows, wall, cpuSeconds, peak >> 20, (16L * rows) >> 20, Runtime.getRuntime().maxMemory() >> 20, report.get("n_clusters"),
                report.get("n_noise"), loadBefore, load());
        if (args.length > 2) {
            NumericColumn labels = (NumericColumn) result.columns().get(0);
            try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]))) {
                for (int i = 0; i < rows; i++) {
                    out.write(Integer.toString((int) labels.value(i)));
                    out.newLine();
                }
            }
        }
    }

    private static void writeCsv(double[] x, double[] y, Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("x,y");
            out.newLine();
            for (int i = 0; i < x.length; i++) {
                out.write(Double.toString(x[i]) + "," + y[i]);
                out.newLine();
            }
        }
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
