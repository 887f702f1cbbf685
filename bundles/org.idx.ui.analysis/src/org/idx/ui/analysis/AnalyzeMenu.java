// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.idx.analysis.MethodCategory;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.editor.DatasetEditors;

/**
 * Analyze: one item per contributed method, grouped by category, then Predict with Saved Model. Items
 * are enabled when the active editor holds a table; choosing a method opens its parameter dialog.
 */
public final class AnalyzeMenu extends CompoundContributionItem {

	@Override
	protected IContributionItem[] getContributionItems() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		Dataset dataset = window == null ? null : DatasetEditors.datasetOf(window.getActivePage().getActiveEditor());
		List<IContributionItem> items = new ArrayList<>();
		List<MethodDescriptor> methods = MethodRegistry.fromPlatform().methods();
		for (MethodCategory category : MethodCategory.values()) {
			List<MethodDescriptor> inCategory = methods.stream().filter(m -> m.category() == category).toList();
			if (inCategory.isEmpty()) {
				continue;
			}
			if (!items.isEmpty()) {
				items.add(new Separator());
			}
			for (MethodDescriptor method : inCategory) {
				Action run = new Action(method.name() + "...") {
					@Override
					public void run() {
						RunAnalysis.open(window, dataset, method);
					}
				};
				run.setToolTipText(method.description());
				run.setEnabled(dataset != null);
				items.add(new ActionContributionItem(run));
			}
		}
		if (!items.isEmpty()) {
			items.add(new Separator());
			Action predict = new Action("Predict with Saved Model...") {
				@Override
				public void run() {
					RunAnalysis.openSavedModels(window, dataset);
				}
			};
			predict.setToolTipText("Apply a model trained earlier on this table (kept with its session) to its rows");
			predict.setEnabled(dataset != null);
			items.add(new ActionContributionItem(predict));
		}
		if (items.isEmpty()) {
			Action none = new Action("No analysis methods are installed") {
			};
			none.setEnabled(false);
			items.add(new ActionContributionItem(none));
		}
		return items.toArray(IContributionItem[]::new);
	}
}
