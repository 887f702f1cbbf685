// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.idx.core.DataTable;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.LabelSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journals of a workspace: one file per table, listed for the offer after a crash; a journal
 * the user does not restore is set aside, not deleted: it is no longer offered, and its labels can
 * still be read and restored.
 */
class JournalTest {

    @TempDir
    Path folder;

    @Test
    void aJournalSetAsideIsNoLongerOfferedButKeepsEveryLabel() throws Exception {
        Path file = SessionTables.writeFile(folder, 20);
        DataTable table = SessionTables.read(20);
        Journal journal = new Journal(folder.resolve("journal"));
        Files.createDirectories(journal.folder());
        TableSession session = new TableSession(file, table, TableFingerprint.of(file, 20), () -> null);
        Annotations labels = session.createAnnotations("class", LabelSet.named(List.of("a", "b")));
        labels.assign(SessionRoundTripTest.bits(3, 4), 1);
        SessionFiles.write(session.snapshot(), journal.fileOf(file));
        assertEquals(List.of(journal.fileOf(file)), journal.files(), "the journal is offered");

        Path aside = journal.setAside(journal.fileOf(file));
        assertEquals(List.of(), journal.files(), "a journal set aside is not offered again");
        assertFalse(Files.exists(journal.fileOf(file)));
        assertTrue(aside.getFileName().toString().endsWith(".discarded"), aside.toString());
        assertEquals(journal.folder(), aside.getParent(), "it stays in the journal folder");

        // The labels are still there: a fresh session of the table restores them from it.
        DataTable again = SessionTables.read(20);
        try (TableSession restored = new TableSession(file, again, TableFingerprint.of(file, 20), () -> null)) {
            assertEquals(List.of(), restored.restore(SessionFiles.read(aside)));
            Annotations back = restored.annotations("class").orElseThrow();
            assertEquals(LabelSet.named(List.of("a", "b")), back.labels());
            assertEquals("b", back.column().text(3));
            assertEquals("b", back.column().text(4));
            assertEquals(null, back.column().text(5));
        }
        session.close();
    }

    @Test
    void everyTableHasItsOwnJournal() {
        Journal journal = new Journal(folder);
        assertEquals(journal.fileOf(folder.resolve("a.csv")), journal.fileOf(folder.resolve("x/../a.csv")));
        assertNotEquals(journal.fileOf(folder.resolve("a.csv")), journal.fileOf(folder.resolve("b.csv")));
    }
}
