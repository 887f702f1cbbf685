// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.views;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * How a view exports what it shows (PNG, SVG...): a save dialog for one file kind, then the view's
 * writer; a failure is told in a sentence and logged with its trace.
 */
public final class ExportDialog {

	/** Writes the export to a file. */
	@FunctionalInterface
	public interface Writer {
		/**
		 * @param file the file the user chose
		 * @throws IOException when it cannot be written
		 */
		void write(Path file) throws IOException;
	}

	private ExportDialog() {
	}

	/**
	 * @param shell    the parent shell
	 * @param fileName the suggested file name, with its extension
	 * @param kind     the file kind, e.g. {@code png}
	 * @param writer   writes the chosen file
	 */
	public static void open(Shell shell, String fileName, String kind, Writer writer) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setOverwrite(true);
		dialog.setFilterExtensions(new String[] { "*." + kind });
		dialog.setFileName(fileName);
		String file = dialog.open();
		if (file == null) {
			return;
		}
		try {
			writer.write(Path.of(file));
		} catch (IOException | RuntimeException e) {
			ILog.of(ExportDialog.class).log(Status.error("Export to " + file + " failed", e));
			MessageDialog.openError(shell, "Export", "Could not write " + file + ": " + e.getMessage());
		}
	}
}
