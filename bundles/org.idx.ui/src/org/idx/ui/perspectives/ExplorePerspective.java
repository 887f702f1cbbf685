// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.perspectives;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The Explore perspective: the dataset editor on the left with the Error Log below it, the plots to
 * its right (the Scatter Plot in front) and the images below the plots. The perspective defines the
 * folders and puts the Scatter Plot first in the plots' folder, so that it is the visible tab on a
 * fresh workspace and after Reset Perspective; other plug-ins' views join the folders through
 * {@code org.eclipse.ui.perspectiveExtensions} (relationship {@code stack}, relative to a folder id
 * below) and stand behind it, whatever order the extension registry gives them.
 */
public final class ExplorePerspective implements IPerspectiveFactory {

	/** The perspective id. */
	public static final String ID = "org.idx.ui.perspective.explore";
	/** The folder right of the editor, for plots (scatter, distribution, plate map). */
	public static final String FOLDER_VIEWS = "org.idx.ui.folder.views";
	/** The folder below the plots, for image viewers. Shown once a view is stacked into it. */
	public static final String FOLDER_IMAGES = "org.idx.ui.folder.images";
	/** The folder below the editor, for logs, reports, the gallery and labels. */
	public static final String FOLDER_BOTTOM = "org.idx.ui.folder.bottom";
	/**
	 * The view in front of the plots' folder: the Scatter Plot of {@code org.idx.ui.plot}. Named here by
	 * id only, as Eclipse's own perspectives name other plug-ins' views; without that plug-in the folder
	 * simply starts with the next view stacked into it.
	 */
	public static final String SCATTER_VIEW = "org.idx.ui.plot.scatter";

	private static final String ERROR_LOG_VIEW = "org.eclipse.pde.runtime.LogView";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		layout.setEditorAreaVisible(true);
		IFolderLayout views = layout.createFolder(FOLDER_VIEWS, IPageLayout.RIGHT, 0.55f, IPageLayout.ID_EDITOR_AREA);
		views.addView(SCATTER_VIEW);
		layout.createPlaceholderFolder(FOLDER_IMAGES, IPageLayout.BOTTOM, 0.6f, FOLDER_VIEWS);
		IFolderLayout bottom = layout.createFolder(FOLDER_BOTTOM, IPageLayout.BOTTOM, 0.78f, IPageLayout.ID_EDITOR_AREA);
		bottom.addView(ERROR_LOG_VIEW);
		bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);
		layout.addShowViewShortcut(ERROR_LOG_VIEW);
		layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
	}
}
