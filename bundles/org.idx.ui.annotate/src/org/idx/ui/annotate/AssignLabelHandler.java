// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.annotate;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Assign Selection to Label (keys 1-9): gives the selected rows the numbered label, or without a
 * number the label chosen in the Labels view. The first use on a table makes an annotation column
 * "label"; a number beyond the labels adds labels "class N" up to it.
 */
public final class AssignLabelHandler extends LabelCommand {

	/** The command id. */
	public static final String COMMAND = "org.idx.ui.annotate.assign";
	/** The parameter: the label number, 1-9. */
	public static final String LABEL = "org.idx.ui.annotate.label";

	@Override
	public Object execute(ExecutionEvent event) {
		String number = event.getParameter(LABEL);
		int label;
		if (number != null) {
			label = Integer.parseInt(number) - 1;
		} else {
			Labelling.Target target = Labelling.target(HandlerUtil.getActiveEditor(event));
			label = target == null ? 0 : Labelling.activeLabel(target.session());
		}
		label(event, label);
		return null;
	}
}
