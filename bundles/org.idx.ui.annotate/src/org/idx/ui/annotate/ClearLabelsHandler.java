// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.annotate;

import org.eclipse.core.commands.ExecutionEvent;

/** Clear Labels of Selection (key 0): the selected rows become unlabelled. */
public final class ClearLabelsHandler extends LabelCommand {

	/** The command id. */
	public static final String COMMAND = "org.idx.ui.annotate.clear";

	@Override
	public Object execute(ExecutionEvent event) {
		label(event, -1);
		return null;
	}
}
