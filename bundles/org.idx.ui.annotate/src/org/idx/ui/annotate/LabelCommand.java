// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.annotate;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.handlers.HandlerUtil;
import org.idx.core.RowSelection;
import org.idx.core.annotation.Annotations;
import org.idx.ui.selection.DatasetSelection;

/**
 * What the Assign and Clear handlers share: the rows to label are those selected last in the
 * active editor's table, by whichever part selected them; without a table or rows the status line
 * says what to do.
 */
abstract class LabelCommand extends AbstractHandler {

	/**
	 * @param event the command's event
	 * @param label the label's position, or -1 to clear
	 */
	protected final void label(ExecutionEvent event, int label) {
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		Labelling.Target target = Labelling.target(editor);
		if (target == null) {
			say(event, "Open a table to label its rows.");
			return;
		}
		RowSelection rows = DatasetSelection.rowsOf(HandlerUtil.getCurrentSelection(event))
				.filter(r -> r.table() == target.dataset().table())
				.orElse(Labelling.rows(target.dataset().table()));
		if (rows == null || rows.isEmpty()) {
			say(event, "Select rows first: in the plot, the table or an image.");
			return;
		}
		Annotations annotations = label < 0 ? Labelling.active(target.session())
				: Labelling.activeOrCreate(target.session(), label + 1);
		if (annotations == null) {
			say(event, "The table has no labels to clear.");
			return;
		}
		LabelOperation operation = Labelling.run(target, rows, annotations, label);
		say(event, operation.change() == null || operation.change().isEmpty()
				? "Nothing changed: the rows had that already." : operation.change().description() + ".");
	}

	private static void say(ExecutionEvent event, String message) {
		IWorkbenchPart part = HandlerUtil.getActivePart(event);
		if (part == null) {
			return;
		}
		if (part.getSite() instanceof IViewSite site) {
			site.getActionBars().getStatusLineManager().setMessage(message);
		} else if (part.getSite() instanceof IEditorSite site) {
			site.getActionBars().getStatusLineManager().setMessage(message);
		}
	}
}
