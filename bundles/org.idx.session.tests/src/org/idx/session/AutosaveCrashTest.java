// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.idx.core.CategoricalColumn;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.images.StoreSpec;
import org.idx.io.files.AtomicWrite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * Autosave against a real crash: a separate JVM labels rows with autosave on and is killed with
 * SIGKILL ({@link Process#destroyForcibly()}); the journal it leaves is restored into a freshly
 * read table. Killed while labelling, the journal is one complete state (never a torn file, never
 * labels of half a batch); killed once the autosave has caught up (at most its delay after the last
 * label, plus the write), it holds every label.
 */
// A child that cannot make progress (e.g. a class missing from its class path) must fail the test, not hang the build.
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AutosaveCrashTest {

    private static final int ROWS = 200_000;
    private static final int BATCHES = 40;
    private static final long PAUSE_MS = 25;
    private static final long DELAY_MS = 150;

    @TempDir
    Path folder;

    @Test
    void killedAfterTheLastLabelEveryLabelIsRestored() throws Exception {
        Path file = SessionTables.writeFile(folder, 3);
        Process child = start(file);
        try (BufferedReader out = child.inputReader(StandardCharsets.UTF_8)) {
            awaitLine(out, "DONE " + BATCHES);
            long done = System.nanoTime();
            awaitLine(out, "JOURNALLED");
            long caughtUp = (System.nanoTime() - done) / 1_000_000;
            kill(child);
            System.out.println("autosave caught up " + caughtUp + " ms after the last label (delay " + DELAY_MS + " ms)");
        }
        int batch = restoreAndCheck(file);
        assertEquals(BATCHES, batch, "the journal holds the last batch: nothing lost");
    }

    @Test
    void killedWhileLabellingTheJournalIsACompleteEarlierState() throws Exception {
        Path file = SessionTables.writeFile(folder, 3);
        Process child = start(file);
        try (BufferedReader out = child.inputReader(StandardCharsets.UTF_8)) {
            awaitLine(out, "BATCH " + BATCHES / 2);
            kill(child);
        }
        int batch = restoreAndCheck(file);
        assertTrue(batch <= BATCHES / 2 + 1, "the journal cannot be ahead of the work: batch " + batch);
    }

    /** Reads the journal into a table read afresh and checks the labels are exactly those of its batch. */
    private int restoreAndCheck(Path file) throws IOException {
        Journal journal = new Journal(folder.resolve("journal"));
        List<Path> journals = journal.files();
        assertEquals(List.of(journal.fileOf(file)), journals, "one journal, of this table");
        Session saved = SessionFiles.read(journals.get(0));
        assertEquals(file.toAbsolutePath().normalize(), saved.table());

        DataTable fresh = SessionTables.read(ROWS);
        TableSession restored = new TableSession(file, fresh, TableFingerprint.of(file, ROWS), () -> null);
        assertEquals(List.of(), restored.restore(saved));
        int batch = (int) ((NumericColumn) fresh.column("batch")).value(0);
        assertTrue(batch >= 0, "a batch number");
        CategoricalColumn labels = (CategoricalColumn) fresh.column("phenotype");
        int[] actual = new int[ROWS];
        for (int row = 0; row < ROWS; row++) {
            actual[row] = labels.code(row);
        }
        if (batch >= 1 && Arrays.equals(CrashingLabeller.expected(batch - 1, ROWS), actual)) {
            return batch - 1; // taken between the batch's two steps: still a state that existed
        }
        assertArrayEquals(CrashingLabeller.expected(batch, ROWS), actual, "the labels after batch " + batch);
        assertEquals(CrashingLabeller.LABELS, restored.annotations("phenotype").orElseThrow().labels());
        assertTrue(restored.isDirty(), "restored work is unsaved work");
        return batch;
    }

    private Process start(Path file) throws IOException, URISyntaxException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx512m", "-cp", classPath(),
                CrashingLabeller.class.getName(), file.toString(), folder.resolve("journal").toString(),
                Integer.toString(ROWS), Integer.toString(BATCHES), Long.toString(PAUSE_MS), Long.toString(DELAY_MS));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child dies");
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");
    }

    private static void awaitLine(BufferedReader out, String wanted) throws IOException {
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(wanted)) {
                return;
            }
            seen.add(line);
        }
        throw new AssertionError("the child ended before '" + wanted + "'; it said " + seen);
    }

    /**
     * The class path of the child: where the classes it needs were loaded from (a jar or a folder),
     * whether this runs on a plain class path or in OSGi.
     */
    private static String classPath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(CrashingLabeller.class, TableSession.class, DataTable.class, AtomicWrite.class,
                StoreSpec.class, JsonFactory.class, org.idx.analysis.TrainedModel.class)) {
            entries.addAll(locations(type));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> locations(Class<?> type) throws URISyntaxException {
        var source = type.getProtectionDomain().getCodeSource();
        assertTrue(source != null && source.getLocation() != null, "the location of " + type + " is known");
        Path location = Path.of(source.getLocation().toURI());
        List<String> paths = new ArrayList<>();
        paths.add(location.toString());
        // A bundle folder in a development build keeps its classes in target/classes or bin.
        for (String output : new String[] { "target/classes", "bin", "target/test-classes" }) {
            if (Files.isDirectory(location.resolve(output))) {
                paths.add(location.resolve(output).toString());
            }
        }
        return paths;
    }
}
