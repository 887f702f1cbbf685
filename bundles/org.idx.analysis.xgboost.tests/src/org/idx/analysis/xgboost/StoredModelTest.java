// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.AnalysisRunner;
import org.idx.analysis.TrainedModel;
import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.idx.session.SessionFiles;
import org.idx.session.TableFingerprint;
import org.idx.session.TableSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classifier kept with a session and applied again: through the generic {@link AnalysisRunner#predict}
 * (the platform knows nothing of xgboost), after a save and a reopen; on the selected rows only; and on
 * a table that lacks a feature.
 */
class StoredModelTest {

    private static final int N = 3000;

    @TempDir
    Path folder;

    @Test
    void aRunReturnsItsModelForTheSession() throws Exception {
        AnalysisResult result = Methods.run(new XGBoostMethod(), XGBoostMethodTest.table(3), "rounds=10", "columns=a,b,gap");
        assertEquals(1, result.models().size());
        TrainedModel model = result.models().get(0);
        assertEquals("xgboost", model.method());
        assertEquals("phenotype classifier", model.name());
        assertEquals(List.of("a", "b", "gap"), model.features());
        assertEquals(List.of("apoptotic", "interphase", "mitotic"), model.classes());
        assertTrue(model.description().startsWith("XGBoost, 10 rounds, max-depth 4, eta 0.3; trained on "), model.description());
        assertEquals("phenotype", XGBoostModel.fromBytes(model.bytes()).label());
    }

    @Test
    void aModelSavedWithTheSessionPredictsAsTheRunDidAfterReopening() throws Exception {
        DataTable table = XGBoostMethodTest.table(11);
        AnalysisResult run = Methods.run(new XGBoostMethod(), table, "rounds=30", "max-depth=5");
        Path file = folder.resolve("cells.csv");
        TableSession session = new TableSession(file, table, new TableFingerprint(1, 1, "h", N), () -> null);
        AnalysisRunner.addColumns(table, run);
        session.addModel(run.models().get(0));
        session.save();

        // reopen: the table as read from its file, without the derived columns, and the saved session
        DataTable reread = XGBoostMethodTest.table(11);
        TableSession reopened = new TableSession(file, reread, new TableFingerprint(1, 1, "h", N), () -> null);
        reopened.restore(SessionFiles.besides(file).orElseThrow());
        TrainedModel stored = reopened.model("phenotype classifier").orElseThrow();
        AnalysisResult again = AnalysisRunner.predict(Methods.descriptor(), stored, reread, null, new NullProgressMonitor());
        assertSamePredictions(run.columns(), again.columns(), null);
        assertEquals(run.report().get("predicted_n"), again.report().get("predicted_n"));
    }

    @Test
    void predictingOnlyTheSelectionLeavesTheOtherRowsNA() throws Exception {
        DataTable table = XGBoostMethodTest.table(5);
        BitSet selection = new BitSet();
        for (int row = 0; row < N; row += 7) {
            selection.set(row);
        }
        selection.set(7); // a row without any feature value stays NA
        AnalysisResult all = AnalysisRunner.run(Methods.descriptor(), table, null, Methods.descriptor().parse(List.of("rounds=20")),
                new NullProgressMonitor());
        AnalysisResult selected = AnalysisRunner.run(Methods.descriptor(), table, null, selection,
                Methods.descriptor().parse(List.of("rounds=20")), new NullProgressMonitor());
        assertSamePredictions(all.columns(), selected.columns(), selection);
        assertEquals(N - selection.cardinality() + 1, selected.columns().get(0).naCount());
        assertEquals(1, selected.models().size(), "the model is trained on all labelled rows and kept");
        assertEquals(selection.cardinality(), selected.report().get("result_rows"), "the report says where results are kept");

        // the same with the stored model
        AnalysisResult predicted = AnalysisRunner.predict(Methods.descriptor(), all.models().get(0), table, selection,
                new NullProgressMonitor());
        assertSamePredictions(all.columns(), predicted.columns(), selection);
        assertEquals(selection.cardinality() - 1, ((Number) predicted.report().get("predicted_n")).intValue());
    }

    @Test
    void aTableWithoutAFeatureIsToldWhichOne() throws Exception {
        TrainedModel model = Methods.run(new XGBoostMethod(), XGBoostMethodTest.table(2), "rounds=5", "columns=a,b,gap")
                .models().get(0);
        DataTable full = XGBoostMethodTest.table(2);
        List<Column> columns = new ArrayList<>();
        for (Column column : full.columns()) {
            if (!column.name().equals("b")) {
                columns.add(column.name().equals("gap") ? StringArrayColumn.of("gap", new String[N]) : column);
            }
        }
        DataTable without = new InMemoryDataTable(N, columns);
        AnalysisException missing = assertThrows(AnalysisException.class,
                () -> AnalysisRunner.predict(Methods.descriptor(), model, without, null, null));
        assertEquals("the table has no column 'b', a feature of model 'phenotype classifier'", missing.getMessage());
        columns.add(full.column("b"));
        AnalysisException text = assertThrows(AnalysisException.class, () -> AnalysisRunner.predict(Methods.descriptor(), model,
                new InMemoryDataTable(N, columns), null, null));
        assertEquals("column 'gap' is not numeric, but model 'phenotype classifier' uses it as a feature", text.getMessage());
    }

    @Test
    void damagedModelBytesAreASentence() throws Exception {
        TrainedModel model = new TrainedModel("xgboost", "broken", java.time.Instant.now(), List.of("a"), List.of("x", "y"), "",
                new byte[] { 1, 2, 3 });
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> AnalysisRunner.predict(Methods.descriptor(), model, XGBoostMethodTest.table(1), null, null));
        assertTrue(e.getMessage().startsWith("model 'broken' cannot be read: damaged IDX XGBoost model"), e.getMessage());
    }

    /** Same class and probability in every row of {@code rows} (all when null), NA elsewhere. */
    private static void assertSamePredictions(List<Column> expected, List<Column> actual, BitSet rows) {
        CategoricalColumn classA = (CategoricalColumn) expected.get(0);
        CategoricalColumn classB = (CategoricalColumn) actual.get(0);
        NumericColumn pA = (NumericColumn) expected.get(1);
        NumericColumn pB = (NumericColumn) actual.get(1);
        assertEquals(XGBoostModel.PREDICTION_COLUMN, classB.name());
        assertEquals(XGBoostModel.PROBABILITY_COLUMN, pB.name());
        for (int row = 0; row < N; row++) {
            if (rows == null || rows.get(row)) {
                assertEquals(classA.text(row), classB.text(row), "row " + row);
                assertEquals(pA.isNA(row), pB.isNA(row), "row " + row);
                if (!pA.isNA(row)) {
                    assertEquals(Double.doubleToLongBits(pA.value(row)), Double.doubleToLongBits(pB.value(row)), "row " + row);
                }
            } else {
                assertTrue(classB.isNA(row) && pB.isNA(row), "row " + row + " is not selected");
            }
        }
    }
}
