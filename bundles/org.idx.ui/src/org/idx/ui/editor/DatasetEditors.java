// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.editor;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.idx.io.delimited.ReadOptions;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.handlers.RecentTables;

/** Opening tables in dataset editors, and finding the dataset of an editor. */
public final class DatasetEditors {

	private DatasetEditors() {
	}

	/**
	 * Opens a table in a dataset editor (or brings its editor to the front) and remembers it
	 * among the recent tables. Problems are shown to the user as a sentence.
	 *
	 * @return the editor, or null when the file cannot be opened
	 */
	public static IEditorPart open(IWorkbenchPage page, Path file) {
		return open(page, file, ReadOptions.DEFAULTS);
	}

	/**
	 * Opens a table read with the given options (from the open dialog).
	 *
	 * @return the editor, or null when the file cannot be opened
	 */
	public static IEditorPart open(IWorkbenchPage page, Path file, ReadOptions options) {
		if (page == null) {
			return null;
		}
		if (!Files.isRegularFile(file)) {
			MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Open Table",
					"The table " + file + " does not exist or is not a file.");
			RecentTables.remove(file);
			return null;
		}
		try {
			IEditorPart editor = page.openEditor(new DatasetEditorInput(file, options), DatasetEditor.ID);
			RecentTables.add(file);
			return editor;
		} catch (PartInitException e) {
			MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Open Table",
					"IDX could not open " + file + ": " + e.getMessage());
			return null;
		}
	}

	/** @return the dataset of an editor, or null if it has none (yet) */
	public static Dataset datasetOf(IEditorPart editor) {
		return editor == null ? null : editor.getAdapter(Dataset.class);
	}
}
