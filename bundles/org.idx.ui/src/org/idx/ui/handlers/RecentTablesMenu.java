// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.handlers;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.idx.ui.editor.DatasetEditors;

/** File > Recent Tables: one item per recently opened table. */
public final class RecentTablesMenu extends CompoundContributionItem {

	@Override
	protected IContributionItem[] getContributionItems() {
		List<Path> recent = RecentTables.list();
		IContributionItem[] items = new IContributionItem[recent.size()];
		for (int i = 0; i < items.length; i++) {
			Path file = recent.get(i);
			Action open = new Action((i + 1) + " " + file.getFileName() + "  [" + file.getParent() + "]") {
				@Override
				public void run() {
					DatasetEditors.open(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
				}
			};
			items[i] = new ActionContributionItem(open);
		}
		return items;
	}
}
