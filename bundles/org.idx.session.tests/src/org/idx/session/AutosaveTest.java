// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.idx.core.DataTable;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.LabelSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal follows unsaved changes and disappears when they are saved or discarded. */
class AutosaveTest {

    @TempDir
    Path folder;

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void theJournalAppearsAfterAChangeAndGoesOnSave() throws Exception {
        Path file = SessionTables.writeFile(folder, 100);
        DataTable table = SessionTables.read(100);
        TableSession session = new TableSession(file, table, TableFingerprint.of(file, 100), () -> null);
        Journal journal = new Journal(folder.resolve("journal"));
        Autosave autosave = session.startAutosave(journal, Duration.ofMillis(50), e -> {
            throw new AssertionError(e);
        });
        Path journalFile = journal.fileOf(file);
        assertFalse(Files.exists(journalFile), "nothing to journal yet");
        Annotations annotations = session.createAnnotations("class", LabelSet.named(List.of("a")));
        annotations.assign(SessionRoundTripTest.bits(5, 6), 0);
        waitFor(() -> autosave.written() == autosave.generation(), "the journal holds every change");
        Session journalled = SessionFiles.read(journalFile);
        assertEquals(0, journalled.annotations().get(0).column().code(5));

        session.save();
        assertFalse(Files.exists(journalFile), "saved work needs no journal");
        annotations.assign(SessionRoundTripTest.bits(7), 0);
        waitFor(() -> Files.exists(journalFile), "a new change is journalled again");
        session.close();
        assertFalse(Files.exists(journalFile), "closing (saved or discarded) removes the journal");
    }

    @Test
    void aBurstOfChangesIsWrittenOnceAndSteadyWorkRegularly() throws Exception {
        Path file = SessionTables.writeFile(folder, 10);
        DataTable table = SessionTables.read(10);
        int[] snapshots = new int[1];
        TableSession session = new TableSession(file, table, TableFingerprint.of(file, 10), () -> null);
        Autosave autosave = new Autosave(folder.resolve("j.json"), () -> {
            snapshots[0]++;
            return session.snapshot();
        }, Duration.ofMillis(200), e -> {
        });
        for (int i = 0; i < 50; i++) {
            autosave.changed();
        }
        waitFor(() -> autosave.written() == 50, "the burst is written");
        Thread.sleep(300);
        assertEquals(1, snapshots[0], "one write for the burst");
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() - start < 1_000) {
            autosave.changed();
            Thread.sleep(20);
        }
        assertTrue(snapshots[0] >= 3, "steady work is journalled every delay, not postponed: " + snapshots[0]);
        autosave.close();
    }
}
