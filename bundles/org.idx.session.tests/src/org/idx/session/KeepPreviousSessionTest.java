// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

import org.idx.core.CategoricalColumn;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.Label;
import org.idx.core.annotation.LabelSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session file the user chose not to apply (table changed, or unreadable) is not lost to the
 * next save: a copy of it is kept beside it, with every label it held.
 */
class KeepPreviousSessionTest {

    private static final int ROWS = 200;

    @TempDir
    Path folder;

    private static TableSession labelled(Path file, int every) throws Exception {
        TableSession session = new TableSession(file, SessionTables.read(ROWS), TableFingerprint.of(file, ROWS), () -> null);
        Annotations labels = session.createAnnotations("label", LabelSet.of(List.of(new Label("a", 0xff0000))));
        BitSet rows = new BitSet();
        for (int row = 0; row < ROWS; row += every) {
            rows.set(row);
        }
        labels.assign(rows, 0);
        return session;
    }

    @Test
    void aSessionNotAppliedIsCopiedAsideBeforeTheNextSaveReplacesIt() throws Exception {
        Path file = SessionTables.writeFile(folder, ROWS);
        TableSession first = labelled(file, 3);
        Path sessionFile = first.save();
        byte[] before = Files.readAllBytes(sessionFile);
        first.close();

        TableSession second = labelled(file, 5);
        second.keepPreviousOnSave();
        assertEquals(sessionFile, second.save());
        Path kept = second.keptPrevious().orElseThrow();
        assertArrayEquals(before, Files.readAllBytes(kept), "the session not applied is kept byte for byte");
        assertTrue(kept.getFileName().toString().endsWith(".replaced"), kept.toString());
        Session old = SessionFiles.read(kept);
        assertEquals(ROWS / 3 + 1, countLabelled(old), "every label of the old session is in the copy");
        assertFalse(Arrays.equals(before, Files.readAllBytes(sessionFile)), "the new session is saved");

        // Only the first save keeps a copy: later saves of the same session replace their own file.
        second.save();
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().endsWith(".replaced")).count());
        }
        second.close();
    }

    @Test
    void aSessionThatWasAppliedIsReplacedWithoutACopy() throws Exception {
        Path file = SessionTables.writeFile(folder, ROWS);
        TableSession first = labelled(file, 3);
        first.save();
        first.close();
        TableSession second = labelled(file, 5);
        second.save();
        assertTrue(second.keptPrevious().isEmpty());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".replaced")).count());
        }
        second.close();
    }

    private static int countLabelled(Session session) {
        CategoricalColumn column = session.annotations().get(0).column();
        int labelled = 0;
        for (int row = 0; row < column.size(); row++) {
            if (!column.isNA(row)) {
                labelled++;
            }
        }
        return labelled;
    }
}
