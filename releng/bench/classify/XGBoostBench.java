// SPDX-License-Identifier: GPL-3.0-or-later
import java.util.ArrayList;
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
import org.idx.analysis.xgboost.XGBoostMethod;
import org.idx.analysis.xgboost.XGBoostModel;
import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;

/**
 * The xgboost method's speed targets: train on 50k labelled rows x 30 features, 100 rounds (the
 * whole method run: reading the features, training, importance, predicting the table's rows), and
 * predict 1M rows with the trained model. Arguments: [labelled rows] [features] [classes] [rows to predict].
 */
public final class XGBoostBench {

    public static void main(String[] args) throws Exception {
        int labelled = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int p = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int classes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int predictRows = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
        System.out.printf("xgboost bench: %d labelled rows x %d features, %d classes, 100 rounds, max-depth 4, eta 0.3;"
                + " %d threads (availableProcessors), OMP_WAIT_POLICY=%s%n", labelled, p, classes,
                Runtime.getRuntime().availableProcessors(), System.getenv("OMP_WAIT_POLICY"));
        DataTable train = table(labelled, p, classes, 1, true);
        MethodDescriptor descriptor = descriptor();
        // warm-up: loads the native library, JIT
        new XGBoostMethod().run(table(2000, p, classes, 2, true), descriptor.parse(List.of("label=label", "rounds=5")),
                new NullProgressMonitor());

        XGBoostMethod method = new XGBoostMethod();
        long t0 = System.nanoTime();
        long cpu0 = cpu();
        AnalysisResult result = method.run(train, descriptor.parse(List.of("label=label", "test-fraction=0")), new NullProgressMonitor());
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("train (method run, %d training rows, test-fraction 0): %.2f s wall (target < 15 s), %.2f s CPU%n",
                ((Number) result.report().get("train_n")).intValue(), trainSeconds, (cpu() - cpu0) / 1e9);

        XGBoostMethod evaluated = new XGBoostMethod();
        t0 = System.nanoTime();
        Map<String, Object> report = evaluated.run(train, descriptor.parse(List.of("label=label")), new NullProgressMonitor()).report();
        System.out.printf("train with evaluation (stratified 0.2: %d train, %d test rows): %.2f s, test accuracy %.4f%n",
                report.get("train_n"), report.get("test_n"), (System.nanoTime() - t0) / 1e9, (double) report.get("test_accuracy"));

        XGBoostModel model = method.model().orElseThrow();
        DataTable big = table(predictRows, p, classes, 3, false);
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        List<Column> predicted = null;
        for (int i = 0; i < 2; i++) {
            t0 = System.nanoTime();
            cpu0 = cpu();
            predicted = model.predict(big, () -> false);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            bestCpu = Math.min(bestCpu, (cpu() - cpu0) / 1e9);
        }
        CategoricalColumn prediction = (CategoricalColumn) predicted.get(0);
        Column truth = big.column("truth");
        int correct = 0;
        for (int row = 0; row < predictRows; row++) {
            if (prediction.text(row).equals(truth.text(row))) {
                correct++;
            }
        }
        System.out.printf("predict %d rows (model bytes %d): best of 2 %.2f s wall (target < 5 s), %.2f s CPU;"
                + " accuracy on these new rows %.4f%n", predictRows, model.toBytes().length, best, bestCpu, (double) correct / predictRows);
    }

    /** @return the CPU time of this process (all threads, including XGBoost's native ones), ns */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Classes differ in the first third of the features; 2% NA everywhere. */
    static DataTable table(int n, int p, int classes, long seed, boolean labelled) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = new String[classes];
        for (int c = 0; c < classes; c++) {
            names[c] = "class" + (c + 1);
        }
        double[][] x = new double[p][n];
        BitSet[] na = new BitSet[p];
        for (int c = 0; c < p; c++) {
            na[c] = new BitSet();
        }
        String[] label = new String[n];
        for (int row = 0; row < n; row++) {
            int k = random.nextInt(classes);
            label[row] = names[k];
            for (int c = 0; c < p; c++) {
                x[c][row] = random.nextGaussian() + (c < p / 3 ? 0.25 * ((k + c) % classes) : 0);
                if (random.nextInt(50) == 0) {
                    na[c].set(row);
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < p; c++) {
            columns.add(DoubleArrayColumn.adopt("f" + (c + 1), x[c], na[c], false));
        }
        columns.add(StringArrayColumn.of(labelled ? "label" : "truth", label));
        return new InMemoryDataTable(n, columns);
    }

    static MethodDescriptor descriptor() {
        List<ParameterDescriptor> parameters = List.of(
                new ParameterDescriptor("label", ParameterType.COLUMN, null, false, null, null, List.of(), ColumnFilter.ANY, ""),
                new ParameterDescriptor("columns", ParameterType.COLUMNS, null, false, null, null, List.of(), ColumnFilter.NUMERIC, ""),
                new ParameterDescriptor("holdout", ParameterType.COLUMN, null, false, null, null, List.of(), ColumnFilter.ANY, ""),
                ParameterDescriptor.of("test-fraction", ParameterType.NUMBER, "0.2"),
                ParameterDescriptor.of("seed", ParameterType.INTEGER, "1"),
                ParameterDescriptor.of("rounds", ParameterType.INTEGER, "100"),
                ParameterDescriptor.of("max-depth", ParameterType.INTEGER, "4"),
                ParameterDescriptor.of("eta", ParameterType.NUMBER, "0.3"),
                ParameterDescriptor.of("folds", ParameterType.INTEGER, "0"));
        return new MethodDescriptor("xgboost", "XGBoost", MethodCategory.CLASSIFICATION, "", parameters, "bench", XGBoostMethod::new);
    }
}
