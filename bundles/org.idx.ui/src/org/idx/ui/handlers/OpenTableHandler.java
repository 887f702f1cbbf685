// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.idx.ui.dialogs.ReadOptionsDialog;
import org.idx.ui.editor.DatasetEditors;

/**
 * File > Open Table...: picks one or more delimited tables and, after the open dialog (dialect and
 * column types), opens each in a dataset editor.
 */
public final class OpenTableHandler extends AbstractHandler {

	static final String[] EXTENSIONS = { "*.csv;*.tsv;*.txt;*.tab", "*.*" };
	static final String[] NAMES = { "Delimited tables (*.csv, *.tsv, *.txt, *.tab)", "All files" };

	@Override
	public Object execute(ExecutionEvent event) {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
		FileDialog dialog = new FileDialog(window.getShell(), SWT.OPEN | SWT.MULTI);
		dialog.setText("Open Table");
		dialog.setFilterExtensions(EXTENSIONS);
		dialog.setFilterNames(NAMES);
		if (dialog.open() == null) {
			return null;
		}
		for (String name : dialog.getFileNames()) {
			Path file = Path.of(dialog.getFilterPath(), name);
			ReadOptionsDialog options = new ReadOptionsDialog(window.getShell(), file);
			if (options.open() == Window.OK) {
				DatasetEditors.open(window.getActivePage(), file, options.options());
			}
		}
		return null;
	}
}
