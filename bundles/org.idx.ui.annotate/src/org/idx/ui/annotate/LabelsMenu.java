// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.annotate;

import java.util.Map;

import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;
import org.idx.core.annotation.Annotations;

/** Annotate menu: one Assign item per label of the active table (the first nine with their keys). */
public final class LabelsMenu extends CompoundContributionItem {

	@Override
	protected IContributionItem[] getContributionItems() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		IEditorPart editor = window == null || window.getActivePage() == null ? null
				: window.getActivePage().getActiveEditor();
		Labelling.Target target = Labelling.target(editor);
		Annotations annotations = target == null ? null : Labelling.active(target.session());
		int count = annotations == null ? 1 : Math.min(9, annotations.labels().size());
		IContributionItem[] items = new IContributionItem[count];
		for (int i = 0; i < count; i++) {
			String label = annotations == null ? "Label as class 1 (makes a label column)"
					: "Label as " + annotations.labels().label(i).name().replace("&", "&&");
			CommandContributionItemParameter parameter = new CommandContributionItemParameter(window,
					"org.idx.ui.annotate.assign." + (i + 1), AssignLabelHandler.COMMAND, CommandContributionItem.STYLE_PUSH);
			parameter.label = label;
			parameter.parameters = Map.of(AssignLabelHandler.LABEL, Integer.toString(i + 1));
			items[i] = new CommandContributionItem(parameter);
		}
		return items;
	}
}
