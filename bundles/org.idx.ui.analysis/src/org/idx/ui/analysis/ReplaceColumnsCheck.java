// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/**
 * The "replace the columns of an earlier run" check box of the dialogs that add result columns (run a
 * method, predict with a saved model): checked, the new columns take the place of those an earlier run
 * wrote; unchecked, they are added beside them as {@code NAME.1}, {@code NAME.2} ….
 */
final class ReplaceColumnsCheck {

	private final Button button;

	/**
	 * Adds the check box, checked, across a row of the parent's grid.
	 *
	 * @param parent  a composite with a {@link org.eclipse.swt.layout.GridLayout}
	 * @param columns the number of the grid's columns it spans
	 */
	ReplaceColumnsCheck(Composite parent, int columns) {
		button = new Button(parent, SWT.CHECK);
		button.setText("Replace the columns of an earlier run (otherwise add them as NAME.1, NAME.2 …)");
		button.setSelection(true);
		button.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, columns, 1));
	}

	/** @return whether the new columns replace those of an earlier run */
	boolean replace() {
		return button.getSelection();
	}
}
