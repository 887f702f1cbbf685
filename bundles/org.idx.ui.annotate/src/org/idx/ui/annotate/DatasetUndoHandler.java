// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.annotate;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ISources;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Edit &gt; Undo and Redo in every IDX part (the dataset editor, the plot, the Labels view...): they
 * undo and redo in the undo context of the active dataset editor, so labels given in the plot are
 * taken back from wherever the user is.
 */
public abstract class DatasetUndoHandler extends AbstractHandler {

	/** Edit &gt; Undo. */
	public static final class Undo extends DatasetUndoHandler {
		public Undo() {
			super(false);
		}
	}

	/** Edit &gt; Redo. */
	public static final class Redo extends DatasetUndoHandler {
		public Redo() {
			super(true);
		}
	}

	private final boolean redo;

	DatasetUndoHandler(boolean redo) {
		this.redo = redo;
	}

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		Labelling.Target target = Labelling.target(HandlerUtil.getActiveEditor(event));
		if (target == null) {
			return null;
		}
		IOperationHistory history = OperationHistoryFactory.getOperationHistory();
		if (redo) {
			history.redo(target.context(), null, null);
		} else {
			history.undo(target.context(), null, null);
		}
		Labelling.fire();
		return null;
	}

	@Override
	public void setEnabled(Object evaluationContext) {
		IEditorPart editor = null;
		if (evaluationContext instanceof IEvaluationContext context
				&& context.getVariable(ISources.ACTIVE_EDITOR_NAME) instanceof IEditorPart active) {
			editor = active;
		}
		Labelling.Target target = Labelling.target(editor);
		IOperationHistory history = OperationHistoryFactory.getOperationHistory();
		setBaseEnabled(target != null && (redo ? history.canRedo(target.context()) : history.canUndo(target.context())));
	}
}
