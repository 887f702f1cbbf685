// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.idx.analysis.TrainedModel;
import org.idx.core.DataTable;
import org.idx.core.memory.DoubleArrayColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trained models are kept with a session: saved beside the table, journalled by autosave,
 * restored into the reopened table, byte for byte; sessions written before models existed still read.
 */
class TrainedModelSessionTest {

    @TempDir
    Path folder;

    /** A model whose bytes are every byte value and random ones (Base64 must keep them all). */
    static TrainedModel model(String name, long seed) {
        byte[] bytes = new byte[70_000];
        new SplittableRandom(seed).nextBytes(bytes);
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        return new TrainedModel("some-method", name, Instant.parse("2026-11-22T08:00:00.123Z"), List.of("a", "b", "c d"),
                List.of("mitotic", "interphase", "é"), "a test model", bytes);
    }

    private static void assertSameModel(TrainedModel expected, TrainedModel actual) {
        assertEquals(expected.method(), actual.method());
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.created(), actual.created());
        assertEquals(expected.features(), actual.features());
        assertEquals(expected.classes(), actual.classes());
        assertEquals(expected.description(), actual.description());
        assertArrayEquals(expected.bytes(), actual.bytes());
    }

    @Test
    void modelsAreSavedBesideTheTableAndRestoredIntoTheReopenedTable() throws Exception {
        Path file = SessionTables.writeFile(folder, 200);
        TableSession session = new TableSession(file, SessionTables.read(200), TableFingerprint.of(file, 200), () -> null);
        assertFalse(session.isDirty());
        TrainedModel first = session.addModel(model("classifier", 1));
        assertTrue(session.isDirty(), "a new model is unsaved work");
        TrainedModel second = session.addModel(model("classifier", 2));
        assertEquals("classifier 2", second.name(), "a second model of the same name gets a free name");
        session.renameModel("classifier 2", " other ");
        session.addModel(model("gone", 3));
        assertTrue(session.removeModel("gone"));
        assertThrows(IllegalArgumentException.class, () -> session.renameModel("other", "classifier"));
        session.save();
        assertFalse(session.isDirty());

        TableSession reopened = new TableSession(file, SessionTables.read(200), TableFingerprint.of(file, 200), () -> null);
        assertTrue(reopened.models().isEmpty());
        List<String> notes = reopened.restore(SessionFiles.besides(file).orElseThrow());
        assertEquals(List.of(), notes);
        assertEquals(2, reopened.models().size());
        assertSameModel(first, reopened.models().get(0));
        assertSameModel(model("other", 2), reopened.models().get(1));
    }

    @Test
    void theAutosaveJournalKeepsTheModel() throws Exception {
        Path file = SessionTables.writeFile(folder, 100);
        DataTable table = SessionTables.read(100);
        TableSession session = new TableSession(file, table, TableFingerprint.of(file, 100), () -> null);
        Journal journal = new Journal(folder.resolve("journal"));
        Autosave autosave = session.startAutosave(journal, Duration.ofMillis(50), e -> {
            throw new AssertionError(e);
        });
        TrainedModel model = model("journalled", 4);
        session.addModel(model);
        table.addColumn(DoubleArrayColumn.of("prediction_probability", new double[100]));
        long end = System.currentTimeMillis() + 10_000;
        while (autosave.written() != autosave.generation() || !Files.exists(journal.fileOf(file))) {
            assertTrue(System.currentTimeMillis() < end, "the journal is written");
            Thread.sleep(10);
        }
        // as after a crash: the table read again, the journal restored into it
        TableSession restored = new TableSession(file, SessionTables.read(100), TableFingerprint.of(file, 100), () -> null);
        restored.restore(SessionFiles.read(journal.fileOf(file)));
        assertEquals(1, restored.models().size());
        assertSameModel(model, restored.models().get(0));
        assertTrue(restored.table().findColumn("prediction_probability").isPresent());
        session.close();
    }

    @Test
    void aSessionWithoutModelsFromAnEarlierVersionStillReads() throws Exception {
        String json = """
                {"format": "idx-session", "version": 1, "saved": "2026-11-20T10:00:00Z",
                 "table": {"path": "/data/t.csv", "size": 10, "modified": 1, "headerSha256": "ab", "rows": 2},
                 "annotations": [], "derived": []}
                """;
        Session session = SessionCodec.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "old.json");
        assertTrue(session.models().isEmpty());
    }

    @Test
    void aDamagedModelEntryIsRefusedWithASentence() {
        String json = """
                {"format": "idx-session", "version": 1,
                 "table": {"path": "/data/t.csv", "size": 10, "modified": 1, "headerSha256": "ab", "rows": 2},
                 "models": [{"method": "xgboost", "name": "m", "features": ["a"]}]}
                """;
        SessionFormatException e = assertThrows(SessionFormatException.class,
                () -> SessionCodec.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "s.json"));
        assertEquals("s.json, line 3: a model needs 'method', 'name' and 'bytes'", e.getMessage());
    }

    @Test
    void theCodecWritesModelsInOrder() throws Exception {
        Path file = SessionTables.writeFile(folder, 10);
        TableSession session = new TableSession(file, SessionTables.read(10), TableFingerprint.of(file, 10), () -> null);
        session.addModel(model("b", 5));
        session.addModel(model("a", 6));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionCodec.write(session.snapshot(), out);
        Session read = SessionCodec.read(new ByteArrayInputStream(out.toByteArray()), "x");
        assertEquals(List.of("b", "a"), read.models().stream().map(TrainedModel::name).toList());
    }
}
