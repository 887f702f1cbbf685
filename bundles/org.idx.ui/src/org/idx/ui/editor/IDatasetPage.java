// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.editor;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * A page of the dataset editor (the table grid, the summary, the input configuration...),
 * contributed through the {@code org.idx.ui.datasetPages} extension point. A page is created
 * once the table has been read, so it always sees a complete {@link org.idx.ui.dataset.Dataset}.
 */
public interface IDatasetPage {

	/**
	 * Creates the page's widgets.
	 *
	 * @param parent  the page's parent, owned by the editor
	 * @param context the dataset, the editor site and the editor's selection provider
	 * @return the page's top control, a child of {@code parent}
	 */
	Control createControl(Composite parent, DatasetPageContext context);

	/** Gives the keyboard focus to the page's main widget. */
	default void setFocus() {
		// optional
	}

	/** Releases what the page holds beyond its widgets (listeners, images). */
	default void dispose() {
		// optional
	}
}
