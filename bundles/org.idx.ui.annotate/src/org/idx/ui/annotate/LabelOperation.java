// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.annotate;

import java.util.BitSet;

import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.LabelChange;

/**
 * Labelling rows (or clearing their labels) as an operation of the workbench's history, so
 * Edit &gt; Undo and Redo take it back and forth. It keeps the {@link LabelChange}: the changed rows
 * and their old codes, nothing per unchanged row.
 */
public final class LabelOperation extends AbstractOperation {

	private final Annotations annotations;
	private final BitSet rows;
	private final int label;
	private LabelChange change;

	/**
	 * @param annotations the annotation column
	 * @param rows        the rows
	 * @param label       the label's position, or -1 to clear the rows' labels
	 * @param context     the dataset editor's undo context
	 */
	public LabelOperation(Annotations annotations, BitSet rows, int label, IUndoContext context) {
		super(label < 0 ? "Clear Labels" : "Label as " + annotations.labels().label(label).name());
		this.annotations = annotations;
		this.rows = (BitSet) rows.clone();
		this.label = label;
		addContext(context);
	}

	@Override
	public IStatus execute(IProgressMonitor monitor, IAdaptable info) {
		change = label < 0 ? annotations.clear(rows) : annotations.assign(rows, label);
		if (change.isEmpty()) {
			// Nothing changed: not worth an entry in the history.
			return Status.CANCEL_STATUS;
		}
		setLabel(change.description());
		return Status.OK_STATUS;
	}

	@Override
	public boolean canUndo() {
		return change != null && !change.isEmpty();
	}

	@Override
	public IStatus undo(IProgressMonitor monitor, IAdaptable info) {
		annotations.undo(change);
		return Status.OK_STATUS;
	}

	@Override
	public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
		annotations.redo(change);
		return Status.OK_STATUS;
	}

	/** @return the change made, or null before {@link #execute} */
	public LabelChange change() {
		return change;
	}
}
