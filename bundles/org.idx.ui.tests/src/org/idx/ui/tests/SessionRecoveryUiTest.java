// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.ui.IEditorReference;
import org.idx.core.CategoricalColumn;
import org.idx.core.RowSelection;
import org.idx.core.annotation.Annotations;
import org.idx.session.Autosave;
import org.idx.session.Journal;
import org.idx.session.Session;
import org.idx.session.SessionFiles;
import org.idx.session.TableSession;
import org.idx.ui.annotate.Labelling;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.editor.DatasetSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What opening a table does with what was kept for it, in the real workbench with its real
 * dialogs answered as a user would: a session saved before the table file changed is applied or
 * left out as the user chooses (and left on disk either way); the autosave journal a crash left is
 * offered back, restored, or set aside without being deleted; the offer at start-up opens the
 * table and restores without asking twice.
 */
class SessionRecoveryUiTest {

	private static final BitSet LABELLED = bits(3, 4, 17);

	@TempDir
	Path folder;

	@BeforeEach
	void bigWindow() {
		page().getWorkbenchWindow().getShell().setSize(1400, 1000);
	}

	@AfterEach
	void closeAll() {
		page().closeAllEditors(false);
	}

	private static BitSet bits(int... rows) {
		BitSet bits = new BitSet();
		for (int row : rows) {
			bits.set(row);
		}
		return bits;
	}

	private Path writeTable() throws IOException {
		StringBuilder csv = new StringBuilder("x,y\n");
		for (int i = 0; i < 40; i++) {
			csv.append(i % 10).append(',').append(i / 10).append('\n');
		}
		Path file = folder.resolve("cells.csv");
		Files.writeString(file, csv);
		return file;
	}

	/** Labels rows 3, 4 and 17 "class 2" as the number key 2 would. */
	private static TableSession label(DatasetEditor editor) {
		Labelling.Target target = Labelling.target(editor);
		Annotations labels = Labelling.activeOrCreate(target.session(), 2);
		Labelling.run(target, new RowSelection(editor.dataset().table(), LABELLED, null), labels, 1);
		return target.session();
	}

	private static void assertLabels(DatasetEditor editor) {
		CategoricalColumn column = (CategoricalColumn) editor.dataset().table().column("label");
		for (int row = 0; row < column.size(); row++) {
			assertEquals(LABELLED.get(row) ? "class 2" : null, column.text(row), "label of row " + row);
		}
	}

	@Test
	void aSessionSavedBeforeTheTableChangedIsAppliedOrLeftOutAsTheUserChooses() throws Exception {
		Path file = writeTable();
		DatasetEditor editor = openAndWait(file);
		label(editor);
		page().saveEditor(editor, false);
		page().closeEditor(editor, false);
		Path sessionFile = folder.resolve("cells.csv.idx-session.json");
		byte[] saved = Files.readAllBytes(sessionFile);

		// The same number of rows and bytes, one value changed, written later.
		String csv = Files.readString(file).replaceFirst("\n3,0\n", "\n7,0\n");
		Files.writeString(file, csv);
		Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

		Dialogs.Answer apply = Dialogs.answer("Session", "Apply the session");
		DatasetEditor applied = openAndWait(file);
		spinUntil(apply::answered, "the changed table is said");
		assertTrue(apply.message().contains("cells.csv has changed since its session was saved")
				&& apply.message().contains("it was modified since (same size)"), apply.message());
		spinUntil(() -> applied.dataset().table().findColumn("label").isPresent(), "the labels are applied");
		assertLabels(applied);
		assertFalse(applied.isDirty(), "an applied session is a saved one");
		page().closeEditor(applied, false);

		Dialogs.Answer without = Dialogs.answer("Session", "Open without it");
		DatasetEditor plain = openAndWait(file);
		spinUntil(without::answered, "the changed table is said again");
		assertTrue(without.message().contains("keeps a copy of it as a .replaced file"), without.message());
		assertFalse(plain.dataset().table().findColumn("label").isPresent(), "the session is left out");
		assertFalse(plain.isDirty());
		page().closeEditor(plain, false);
		assertArrayEquals(saved, Files.readAllBytes(sessionFile), "the session file is left as it was");

		// Two more rows: the labels no longer fit; applying says so and leaves them out.
		Files.writeString(file, csv + "1,9\n2,9\n");
		Dialogs.Answer applyAgain = Dialogs.answer("Session", "Apply the session");
		Dialogs.Answer notFitting = Dialogs.answer("Session", "OK");
		DatasetEditor longer = openAndWait(file);
		spinUntil(() -> applyAgain.answered() && notFitting.answered(), "both questions are asked");
		assertTrue(applyAgain.message().contains("it had 40 rows, now 42"), applyAgain.message());
		assertTrue(notFitting.message().contains("Annotation column 'label' has 40 rows, the table 42"),
				notFitting.message());
		assertFalse(longer.dataset().table().findColumn("label").isPresent());
		assertArrayEquals(saved, Files.readAllBytes(sessionFile), "the session file is still as it was");
	}

	/** Labels the table, waits until the journal holds the labels and returns a copy of it, as a crash would leave it. */
	private Path journalAfterCrash(Path file) throws Exception {
		DatasetEditor editor = openAndWait(file);
		TableSession session = label(editor);
		Autosave autosave = session.autosave().orElseThrow();
		spinUntil(() -> autosave.written() == autosave.generation() && Files.isRegularFile(autosave.file()),
				"the labels reach the journal");
		Path copy = folder.resolve("journal-copy.json");
		Files.copy(autosave.file(), copy, StandardCopyOption.REPLACE_EXISTING);
		page().closeEditor(editor, false); // closing without saving deletes the journal...
		assertFalse(Files.exists(autosave.file()));
		Files.copy(copy, autosave.file()); // ...a crash would have left it
		return autosave.file();
	}

	@Test
	void theJournalACrashLeftIsRestoredOrSetAsideButNeverDeleted() throws Exception {
		Path file = writeTable();
		Path journalFile = journalAfterCrash(file);

		Dialogs.Answer restore = Dialogs.answer("Unsaved work", "Restore");
		DatasetEditor restored = openAndWait(file);
		spinUntil(restore::answered, "the unsaved work is offered");
		assertTrue(restore.message().contains("IDX did not close normally while cells.csv had unsaved changes")
				&& restore.message().contains("Set aside applies nothing and deletes nothing"), restore.message());
		spinUntil(() -> restored.dataset().table().findColumn("label").isPresent(), "the labels are restored");
		assertLabels(restored);
		assertTrue(restored.isDirty(), "restored work is not saved yet");
		page().closeEditor(restored, false);

		Files.copy(folder.resolve("journal-copy.json"), journalFile);
		Journal journal = DatasetSessions.journal();
		List<Path> asideBefore = discarded(journal);
		Dialogs.Answer setAside = Dialogs.answer("Unsaved work", "Set aside");
		DatasetEditor plain = openAndWait(file);
		spinUntil(setAside::answered, "the unsaved work is offered again");
		assertFalse(plain.dataset().table().findColumn("label").isPresent(), "set aside, nothing is applied");
		assertFalse(plain.isDirty());
		assertFalse(Files.exists(journalFile), "the journal is not offered again");
		List<Path> aside = discarded(journal);
		aside.removeAll(asideBefore);
		assertEquals(1, aside.size(), "the journal is kept aside: " + aside);
		Session kept = SessionFiles.read(aside.get(0));
		CategoricalColumn column = kept.annotations().get(0).column();
		for (int row = 0; row < column.size(); row++) {
			assertEquals(LABELLED.get(row) ? "class 2" : null, column.text(row), "kept label of row " + row);
		}
	}

	@Test
	void theOfferAtStartUpOpensTheTableAndRestoresWithoutAskingTwice() throws Exception {
		Path file = writeTable();
		Path journalFile = journalAfterCrash(file);
		// Only this test's journal is offered.
		for (Path other : DatasetSessions.journal().files()) {
			if (!other.equals(journalFile)) {
				DatasetSessions.journal().setAside(other);
			}
		}
		Dialogs.Answer offer = Dialogs.answer("Restore unsaved work", "Restore");
		Dialogs.Answer second = Dialogs.answer("Unsaved work", "Set aside");
		DatasetSessions.offerRecovery(page().getWorkbenchWindow());
		assertTrue(offer.answered());
		assertTrue(offer.message().contains(file.toString()), offer.message());
		spinUntil(() -> editorOf(file) != null && editorOf(file).dataset() != null
				&& editorOf(file).dataset().table().findColumn("label").isPresent(), "the table opens with its labels");
		assertLabels(editorOf(file));
		assertTrue(editorOf(file).isDirty());
		second.cancel();
		assertFalse(second.answered(), "restoring was approved once, not asked again");
	}

	private static DatasetEditor editorOf(Path file) {
		for (IEditorReference ref : page().getEditorReferences()) {
			if (ref.getEditor(false) instanceof DatasetEditor editor && editor.dataset() != null
					&& editor.dataset().source().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
				return editor;
			}
		}
		return null;
	}

	private static List<Path> discarded(Journal journal) throws IOException {
		if (!Files.isDirectory(journal.folder())) {
			return new java.util.ArrayList<>();
		}
		try (Stream<Path> files = Files.list(journal.folder())) {
			return new java.util.ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".discarded")).toList());
		}
	}
}
