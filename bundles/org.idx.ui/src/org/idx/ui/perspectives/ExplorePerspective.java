// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.perspectives;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The Explore perspective: the dataset editor in the middle, the linked views (plots, images,
 * gallery) to its right and the Error Log below. Views from other plug-ins join the folders
 * through {@code org.eclipse.ui.perspectiveExtensions} with the folder ids below.
 */
public final class ExplorePerspective implements IPerspectiveFactory {

	/** The perspective id. */
	public static final String ID = "org.idx.ui.perspective.explore";
	/** The folder right of the editor, for plot and image views. */
	public static final String FOLDER_VIEWS = "org.idx.ui.folder.views";
	/** The folder below the editor, for logs and reports. */
	public static final String FOLDER_BOTTOM = "org.idx.ui.folder.bottom";

	private static final String ERROR_LOG_VIEW = "org.eclipse.pde.runtime.LogView";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(true);
		IFolderLayout views = layout.createFolder(FOLDER_VIEWS, IPageLayout.RIGHT, 0.55f, IPageLayout.ID_EDITOR_AREA);
		views.addPlaceholder("org.idx.ui.plot.*");
		views.addPlaceholder("org.idx.ui.plate.*");
		views.addPlaceholder("org.idx.ui.image.*");
		IFolderLayout bottom = layout.createFolder(FOLDER_BOTTOM, IPageLayout.BOTTOM, 0.78f, IPageLayout.ID_EDITOR_AREA);
		bottom.addView(ERROR_LOG_VIEW);
		bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);
		layout.addShowViewShortcut(ERROR_LOG_VIEW);
		layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
	}
}
