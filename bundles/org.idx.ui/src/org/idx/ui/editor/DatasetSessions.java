// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.idx.images.StoreSpec;
import org.idx.session.Journal;
import org.idx.session.Session;
import org.idx.session.SessionFiles;
import org.idx.session.TableFingerprint;
import org.idx.session.TableSession;
import org.idx.ui.dataset.Dataset;
import org.osgi.framework.FrameworkUtil;

/**
 * How dataset editors keep what users do to a table: each opened table gets a
 * {@link TableSession}; the session saved beside the table is restored on opening (the user
 * decides when the table changed since); unsaved changes are journalled to the workspace every
 * {@link #AUTOSAVE_DELAY}, and a journal left by a crash is offered back at the next start.
 */
public final class DatasetSessions {

	/** How soon after a change it reaches the autosave journal. */
	public static final Duration AUTOSAVE_DELAY = Duration.ofSeconds(2);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneId.systemDefault());
	private static final Set<Path> approvedJournals = new HashSet<>();

	private DatasetSessions() {
	}

	/** @return the workspace's autosave journals (in this plug-in's state location) */
	public static Journal journal() {
		Path state = Platform.getStateLocation(FrameworkUtil.getBundle(DatasetSessions.class)).toPath();
		return new Journal(state.resolve("journal"));
	}

	/**
	 * What was found for a table being opened, read on the loading thread.
	 *
	 * @param session      the new session of the table
	 * @param saved        the session saved beside the table, or null
	 * @param savedProblem why the saved session could not be read, or null
	 * @param journalled   a crash journal of the table, or null
	 * @param journalFile  the journal's file
	 */
	record Prepared(TableSession session, Session saved, IOException savedProblem, Session journalled, Path journalFile) {
	}

	/** Starts the session of a table just read and reads what is saved for it (off the UI thread). */
	static Prepared prepare(Dataset dataset) {
		TableFingerprint fingerprint;
		try {
			fingerprint = TableFingerprint.of(dataset.source(), dataset.table().rowCount());
		} catch (IOException e) {
			log("The fingerprint of " + dataset.source() + " could not be taken", e);
			fingerprint = new TableFingerprint(-1, -1, "", dataset.table().rowCount());
		}
		StoreSpec beside = dataset.images().spec();
		TableSession session = new TableSession(dataset.source(), dataset.table(), fingerprint, () -> {
			StoreSpec now = dataset.images().spec();
			return now.equals(beside) ? null : now;
		});
		Session saved = null;
		IOException problem = null;
		try {
			saved = SessionFiles.besides(dataset.source()).orElse(null);
		} catch (IOException e) {
			problem = e;
			log("The session " + session.sessionFile() + " could not be read", e);
		}
		Path journalFile = journal().fileOf(dataset.source());
		Session journalled = null;
		if (Files.isRegularFile(journalFile)) {
			try {
				journalled = SessionFiles.read(journalFile);
			} catch (IOException e) {
				log("The autosave journal " + journalFile + " could not be read", e);
			}
		}
		return new Prepared(session, saved, problem, journalled, journalFile);
	}

	/**
	 * Restores what was found, asking the user where a choice is needed, and starts autosaving.
	 * Runs on the UI thread before any view sees the dataset.
	 *
	 * @return a sentence for the status line about what was restored, or null
	 */
	static String restore(Shell shell, Dataset dataset, Prepared prepared) {
		TableSession session = prepared.session();
		String said = null;
		if (prepared.savedProblem() != null) {
			MessageDialog.openWarning(shell, "Session",
					"The session saved beside " + dataset.name() + " could not be read, so the table opens without "
							+ "it:\n\n" + prepared.savedProblem().getMessage()
							+ "\n\nThe file is left as it is; saving keeps a copy of it as a .replaced file beside it.");
			session.keepPreviousOnSave();
		} else if (prepared.saved() != null) {
			Session saved = prepared.saved();
			List<String> differences = saved.fingerprint().differences(session.fingerprint());
			boolean apply = differences.isEmpty() || MessageDialog.open(MessageDialog.QUESTION, shell, "Session",
					dataset.name() + " has changed since its session was saved (" + TIME.format(saved.saved()) + "): "
							+ String.join("; ", differences) + ".\n\nApply the saved labels and columns to the table as "
							+ "it is now? Columns whose row count no longer fits are left out.\n\nOpen without it leaves the "
							+ "session file as it is; saving then keeps a copy of it as a .replaced file beside it.",
					0, "Apply the session", "Open without it") == 0;
			if (apply) {
				said = "Session restored from " + session.sessionFile().getFileName() + " (saved "
						+ TIME.format(saved.saved()) + ")";
				said += notes(shell, "session", apply(dataset, session, saved));
				session.markClean();
			} else {
				session.keepPreviousOnSave();
			}
		}
		if (prepared.journalled() != null) {
			boolean approved;
			synchronized (approvedJournals) {
				approved = approvedJournals.remove(prepared.journalFile());
			}
			Session journalled = prepared.journalled();
			if (approved || MessageDialog.open(MessageDialog.QUESTION, shell, "Unsaved work",
					"IDX did not close normally while " + dataset.name() + " had unsaved changes. They were kept at "
							+ TIME.format(journalled.saved()) + ". Restore them?\n\n" + setAsideNote(),
					0, "Restore", "Set aside") == 0) {
				said = "Unsaved work of " + TIME.format(journalled.saved()) + " restored from the autosave journal";
				said += notes(shell, "journal", apply(dataset, session, journalled));
				session.changed();
			} else {
				setAside(prepared.journalFile());
			}
		}
		session.startAutosave(journal(), AUTOSAVE_DELAY,
				e -> log("The autosave journal of " + dataset.name() + " could not be written", e));
		dataset.images().addListener(root -> session.changed());
		return said;
	}

	private static List<String> apply(Dataset dataset, TableSession session, Session saved) {
		List<String> notes = new ArrayList<>(session.restore(saved));
		saved.configuration().imageRoot()
				.ifPresent(root -> dataset.images().setSpec(new StoreSpec(root.scheme(), root.properties())));
		return notes;
	}

	private static String notes(Shell shell, String what, List<String> notes) {
		if (notes.isEmpty()) {
			return "";
		}
		MessageDialog.openWarning(shell, "Session", "Not everything in the " + what + " fits the table:\n\n"
				+ String.join("\n", notes));
		return "; " + notes.size() + " item(s) left out";
	}

	/** @return what "Set aside" does, said in the restore questions: nothing is deleted */
	private static String setAsideNote() {
		return "Set aside applies nothing and deletes nothing: the unsaved work stays in " + journal().folder()
				+ " as a .discarded file.";
	}

	private static void setAside(Path journalFile) {
		try {
			journal().setAside(journalFile);
		} catch (IOException e) {
			log("The autosave journal " + journalFile + " could not be set aside", e);
		}
	}

	/**
	 * At start-up: offers to restore the work a crash left in journals, by opening their tables.
	 *
	 * @param window the workbench window
	 */
	public static void offerRecovery(IWorkbenchWindow window) {
		Journal journal = journal();
		List<Path> tables = new ArrayList<>();
		List<Path> files = new ArrayList<>();
		StringBuilder list = new StringBuilder();
		try {
			for (Path file : journal.files()) {
				try {
					Session session = SessionFiles.read(file);
					tables.add(session.table());
					files.add(file);
					list.append("\n• ").append(session.table()).append(" (").append(TIME.format(session.saved()))
							.append(')');
				} catch (IOException e) {
					log("The autosave journal " + file + " could not be read", e);
				}
			}
		} catch (IOException e) {
			log("The autosave journals in " + journal.folder() + " could not be listed", e);
		}
		if (tables.isEmpty()) {
			return;
		}
		boolean restore = MessageDialog.open(MessageDialog.QUESTION, window.getShell(), "Restore unsaved work",
				"IDX did not close normally. Unsaved labels and columns of these tables were kept:\n" + list
						+ "\n\nOpen the tables and restore them?\n\n" + setAsideNote(),
				0, "Restore", "Set aside") == 0;
		for (int i = 0; i < tables.size(); i++) {
			if (restore && Files.isRegularFile(tables.get(i))) {
				synchronized (approvedJournals) {
					approvedJournals.add(files.get(i));
				}
				DatasetEditors.open(window.getActivePage(), tables.get(i));
			} else if (!restore) {
				setAside(files.get(i));
			}
		}
	}

	private static void log(String message, Throwable e) {
		ILog.of(DatasetSessions.class).log(Status.error(message + ": " + e.getMessage(), e));
	}
}
