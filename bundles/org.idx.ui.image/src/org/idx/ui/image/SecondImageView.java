// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.image;

import org.idx.core.ColumnRole;

/**
 * The second image viewer: the mask column's image of the focused row (e.g. the segmentation), labels
 * in random colours by default.
 */
public final class SecondImageView extends ImageView {

	/** The view id. */
	public static final String ID = "org.idx.ui.image.second";

	/** Creates the view. */
	public SecondImageView() {
		super(ColumnRole.MASK_IMAGE);
	}
}
