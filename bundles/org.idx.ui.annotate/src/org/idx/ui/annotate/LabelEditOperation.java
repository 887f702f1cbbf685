// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.annotate;

import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.Label;

/**
 * Adding, renaming, recolouring or removing a label as an operation of the workbench's history,
 * so Edit &gt; Undo and Redo take it back and forth like labelling rows ({@link LabelOperation}).
 * Removing a label keeps the rows that had it, so undoing gives it back to exactly them.
 */
public final class LabelEditOperation extends AbstractOperation {

	/** What an edit does and how it is taken back. */
	private interface Edit {
		void apply();

		void revert();
	}

	private final Edit edit;

	private LabelEditOperation(String label, IUndoContext context, Edit edit) {
		super(label);
		this.edit = edit;
		addContext(context);
	}

	/**
	 * @param annotations the annotation column
	 * @param label       a label whose name is not used yet, appended
	 * @param context     the dataset editor's undo context
	 * @return the operation, not executed yet
	 */
	public static LabelEditOperation add(Annotations annotations, Label label, IUndoContext context) {
		return new LabelEditOperation("Add Label " + label.name(), context, new Edit() {
			private int index;

			@Override
			public void apply() {
				index = annotations.labels().size();
				annotations.addLabel(label);
			}

			@Override
			public void revert() {
				annotations.removeLabel(index);
			}
		});
	}

	/**
	 * @param annotations the annotation column
	 * @param index       the label's position
	 * @param name        its new name, not used by another label
	 * @param context     the dataset editor's undo context
	 * @return the operation, not executed yet
	 */
	public static LabelEditOperation rename(Annotations annotations, int index, String name, IUndoContext context) {
		String old = annotations.labels().label(index).name();
		return new LabelEditOperation("Rename Label " + old + " to " + name, context, new Edit() {
			@Override
			public void apply() {
				annotations.renameLabel(index, name);
			}

			@Override
			public void revert() {
				annotations.renameLabel(index, old);
			}
		});
	}

	/**
	 * @param annotations the annotation column
	 * @param index       the label's position
	 * @param rgb         its new colour, {@code 0xRRGGBB}
	 * @param context     the dataset editor's undo context
	 * @return the operation, not executed yet
	 */
	public static LabelEditOperation recolour(Annotations annotations, int index, int rgb, IUndoContext context) {
		int old = annotations.labels().label(index).rgb();
		return new LabelEditOperation("Recolour Label " + annotations.labels().label(index).name(), context,
				new Edit() {
					@Override
					public void apply() {
						annotations.recolourLabel(index, rgb);
					}

					@Override
					public void revert() {
						annotations.recolourLabel(index, old);
					}
				});
	}

	/**
	 * @param annotations the annotation column
	 * @param index       the position of the label to remove; its rows become unlabelled
	 * @param context     the dataset editor's undo context
	 * @return the operation, not executed yet
	 */
	public static LabelEditOperation remove(Annotations annotations, int index, IUndoContext context) {
		return new LabelEditOperation("Remove Label " + annotations.labels().label(index).name(), context,
				new Edit() {
					private Annotations.Removal removal;

					@Override
					public void apply() {
						removal = annotations.removeLabel(index);
					}

					@Override
					public void revert() {
						annotations.insertLabel(removal);
					}
				});
	}

	@Override
	public IStatus execute(IProgressMonitor monitor, IAdaptable info) {
		edit.apply();
		return Status.OK_STATUS;
	}

	@Override
	public IStatus undo(IProgressMonitor monitor, IAdaptable info) {
		edit.revert();
		return Status.OK_STATUS;
	}

	@Override
	public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
		edit.apply();
		return Status.OK_STATUS;
	}
}
