// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.idx.session.TableSession;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.editor.DatasetEditors;

/** Finds the session of a dataset: the one its open editor keeps (adapter {@link TableSession}). */
final class DatasetSessionLookup {

	private DatasetSessionLookup() {
	}

	/**
	 * @param window  a workbench window
	 * @param dataset a dataset open in one of its editors
	 * @return the dataset's session, or null when no editor of the window holds the dataset
	 */
	static TableSession of(IWorkbenchWindow window, Dataset dataset) {
		if (Display.getCurrent() == null) {
			TableSession[] found = new TableSession[1];
			window.getShell().getDisplay().syncExec(() -> found[0] = of(window, dataset));
			return found[0];
		}
		for (IWorkbenchPage page : window.getPages()) {
			for (IEditorReference reference : page.getEditorReferences()) {
				IEditorPart editor = reference.getEditor(false);
				if (editor != null && DatasetEditors.datasetOf(editor) == dataset) {
					return editor.getAdapter(TableSession.class);
				}
			}
		}
		return null;
	}
}
