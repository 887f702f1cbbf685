// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.idx.io.delimited.DelimitedTableWriter;
import org.idx.io.delimited.ProgressMonitor;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.editor.DatasetEditors;

/**
 * File > Export Table...: writes the active table with every derived column as CSV or TSV (by
 * the chosen extension). The write is atomic: a failure leaves any existing file untouched.
 */
public final class ExportTableHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		Dataset dataset = DatasetEditors.datasetOf(editor);
		if (dataset == null) {
			return null;
		}
		FileDialog dialog = new FileDialog(HandlerUtil.getActiveShell(event), SWT.SAVE);
		dialog.setText("Export Table");
		dialog.setFilterExtensions(new String[] { "*.csv", "*.tsv" });
		dialog.setFilterNames(new String[] { "Comma-separated (*.csv)", "Tab-separated (*.tsv)" });
		dialog.setOverwrite(true);
		dialog.setFileName(dataset.name().replaceFirst("\\.[^.]*$", "") + "-export.csv");
		String chosen = dialog.open();
		if (chosen == null) {
			return null;
		}
		Path target = Path.of(chosen);
		char delimiter = chosen.toLowerCase().endsWith(".tsv") ? '\t' : ',';
		Job.create("Exporting " + target.getFileName(), monitor -> {
			SubMonitor progress = SubMonitor.convert(monitor, "Writing " + target, 100);
			try {
				DelimitedTableWriter.write(dataset.table(), target, delimiter, new ProgressMonitor() {
					@Override
					public void worked(long bytes) {
						progress.setWorkRemaining(100);
					}

					@Override
					public boolean isCanceled() {
						return progress.isCanceled();
					}
				});
				return Status.OK_STATUS;
			} catch (IOException e) {
				return new Status(IStatus.ERROR, getClass(), "The table could not be written to " + target + ": "
						+ e.getMessage(), e);
			}
		}).schedule();
		return null;
	}
}
