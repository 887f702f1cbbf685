// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.AnalysisRunner;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.session.TableFingerprint;
import org.idx.session.TableSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idx run xgboost --model-from SESSION}: predicts with a classifier kept in a session instead of training. */
class RunWithStoredModelTest {

    @TempDir
    Path dir;

    private static Path write(Path file, boolean withIntensity) throws Exception {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder(withIntensity ? "area\tintensity\tlabel\n" : "area\tlabel\n");
        for (int i = 0; i < 200; i++) {
            int c = i % 2;
            text.append(String.format(Locale.ROOT, "%.4f", 3 * c + random.nextGaussian()));
            if (withIntensity) {
                text.append('\t').append(String.format(Locale.ROOT, "%.4f", c + random.nextGaussian()));
            }
            text.append('\t').append(i % 4 == 3 ? "" : c == 0 ? "ctrl" : "drug").append('\n');
        }
        Files.writeString(file, text);
        return file;
    }

    private static String[] texts(Column column) {
        String[] texts = new String[column.size()];
        for (int row = 0; row < texts.length; row++) {
            texts[row] = column.text(row);
        }
        return texts;
    }

    @Test
    void aModelKeptInASessionPredictsAnotherTable() throws Exception {
        Path table = write(dir.resolve("cells.tsv"), true);
        DataTable data = InfoCommand.read(table).table();
        MethodDescriptor xgboost = MethodRegistry.fromPlatform().find("xgboost").orElseThrow();
        AnalysisResult trained = AnalysisRunner.run(xgboost, data, xgboost.parse(List.of("label=label", "rounds=10")),
                new NullProgressMonitor());
        TableSession session = new TableSession(table, data, TableFingerprint.of(table, data.rowCount()), () -> null);
        session.addModel(trained.models().get(0));
        Path saved = session.save();

        List<String> args = new ArrayList<>(List.of("run", "xgboost", "--table", table.toString(), "--model-from",
                saved.toString(), "--out-table", dir.resolve("predicted.tsv").toString(), "--report", dir.resolve("r.json").toString()));
        CliRun run = CliRun.of(args);
        assertEquals(0, run.status(), run.stderr());
        DataTable predicted = InfoCommand.read(dir.resolve("predicted.tsv")).table();
        assertEquals(List.of(texts(trained.columns().get(0))), List.of(texts(predicted.column("prediction"))));
        assertTrue(Files.readString(dir.resolve("r.json")).contains("\"model\": \"label classifier\""));

        CliRun named = CliRun.of(List.of("run", "xgboost", "--table", table.toString(), "--model-from", saved.toString(), "--model",
                "other"));
        assertEquals(ExitStatus.BAD_INPUT, named.status());
        assertTrue(named.stderr().contains("keeps no xgboost model named 'other' ('label classifier')"), named.stderr());

        Path without = write(dir.resolve("without.tsv"), false);
        CliRun missing = CliRun.of(List.of("run", "xgboost", "--table", without.toString(), "--model-from", saved.toString()));
        assertEquals(ExitStatus.BAD_INPUT, missing.status());
        assertTrue(missing.stderr().contains("the table has no column 'intensity', a feature of model 'label classifier'"),
                missing.stderr());

        CliRun mixed = CliRun.of(List.of("run", "xgboost", "--table", table.toString(), "--model-from", saved.toString(), "--param",
                "rounds=5"));
        assertEquals(ExitStatus.USAGE, mixed.status());
    }
}
