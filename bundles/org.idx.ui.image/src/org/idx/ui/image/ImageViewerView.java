// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.image;

import org.idx.core.ColumnRole;

/** The Image Viewer: the image column's image of the focused row, optionally with the mask's outlines. */
public final class ImageViewerView extends ImageView {

	/** The view id. */
	public static final String ID = "org.idx.ui.image.viewer";

	/** Creates the view. */
	public ImageViewerView() {
		super(ColumnRole.IMAGE);
	}
}
