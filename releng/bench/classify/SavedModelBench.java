// SPDX-License-Identifier: GPL-3.0-or-later
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.AnalysisRunner;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.TrainedModel;
import org.idx.analysis.xgboost.XGBoostMethod;
import org.idx.core.CategoricalColumn;
import org.idx.core.DataTable;
import org.idx.session.Session;
import org.idx.session.SessionFiles;
import org.idx.session.TableFingerprint;
import org.idx.session.TableSession;

/**
 * A classifier kept with a session: train (100 rounds, ~10 classes), save the session of a 1M-row
 * table holding the model and its prediction columns, read it back, restore it into the table read
 * again, and predict all rows with the restored model (target < 5 s). Checks that the restored model
 * predicts exactly what the trained one did. Arguments: [labelled rows] [features] [classes] [rows].
 */
public final class SavedModelBench {

    public static void main(String[] args) throws Exception {
        int labelled = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int p = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int classes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
        System.out.printf("saved-model bench: train %d rows x %d features, %d classes, 100 rounds; a session of %d rows%n",
                labelled, p, classes, rows);
        MethodDescriptor descriptor = XGBoostBench.descriptor();
        new XGBoostMethod().run(XGBoostBench.table(2000, p, classes, 2, true), descriptor.parse(List.of("label=label", "rounds=5")),
                new NullProgressMonitor()); // warm-up

        long t0 = System.nanoTime();
        AnalysisResult trained = new XGBoostMethod().run(XGBoostBench.table(labelled, p, classes, 1, true),
                descriptor.parse(List.of("label=label", "test-fraction=0")), new NullProgressMonitor());
        TrainedModel model = trained.models().get(0);
        System.out.printf("train: %.2f s; model %,d bytes%n", (System.nanoTime() - t0) / 1e9, model.size());

        Path folder = Files.createTempDirectory("idx-saved-model-bench");
        Path tableFile = folder.resolve("cells.csv");
        DataTable table = XGBoostBench.table(rows, p, classes, 3, false);
        TableFingerprint fingerprint = new TableFingerprint(1, 1, "bench", rows);
        TableSession session = new TableSession(tableFile, table, fingerprint, () -> null);
        AnalysisResult predicted = AnalysisRunner.predict(descriptor, model, table, null, new NullProgressMonitor());
        AnalysisRunner.addColumns(table, predicted);
        session.addModel(model);

        double save = Double.MAX_VALUE;
        double read = Double.MAX_VALUE;
        Session loaded = null;
        for (int i = 0; i < 3; i++) {
            t0 = System.nanoTime();
            session.save();
            save = Math.min(save, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            loaded = SessionFiles.read(session.sessionFile());
            read = Math.min(read, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("session with the model and 2 prediction columns: save %.3f s, read %.3f s (best of 3); file %,d bytes%n",
                save, read, Files.size(session.sessionFile()));

        DataTable reread = XGBoostBench.table(rows, p, classes, 3, false);
        TableSession reopened = new TableSession(tableFile, reread, fingerprint, () -> null);
        t0 = System.nanoTime();
        reopened.restore(loaded);
        double restore = (System.nanoTime() - t0) / 1e9;
        TrainedModel restored = reopened.models().get(0);
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        AnalysisResult again = null;
        for (int i = 0; i < 2; i++) {
            t0 = System.nanoTime();
            long cpu0 = XGBoostBench.cpu();
            again = AnalysisRunner.predict(descriptor, restored, reread, null, new NullProgressMonitor());
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            bestCpu = Math.min(bestCpu, (XGBoostBench.cpu() - cpu0) / 1e9);
        }
        CategoricalColumn first = (CategoricalColumn) predicted.columns().get(0);
        CategoricalColumn second = (CategoricalColumn) again.columns().get(0);
        int differ = 0;
        for (int row = 0; row < rows; row++) {
            if (first.code(row) != second.code(row)) {
                differ++;
            }
        }
        System.out.printf("restore into the reopened table: %.3f s; predict %,d rows with the restored model: best of 2 %.2f s wall"
                + " (target < 5 s), %.2f s CPU; rows predicted differently from before saving: %d%n", restore, rows, best, bestCpu, differ);
        Files.deleteIfExists(session.sessionFile());
        Files.deleteIfExists(folder);
        if (differ != 0) {
            throw new AssertionError("the restored model predicts differently");
        }
    }
}
