// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plot;

import org.idx.core.annotation.LabelSet;
import org.idx.plot.render.Palette;

/**
 * The colours of a plot coloured by an annotation column: each label in its own colour (as the
 * user chose it in the Labels view), unlabelled rows in a light neutral grey that lets the labelled
 * points stand out.
 */
final class LabelPalette {

	/** The colour of unlabelled rows. */
	static final int UNLABELLED = 0xFFC4C4C4;

	private LabelPalette() {
	}

	/**
	 * @param labels a label set
	 * @return its colours by label position, NA unlabelled; null when the set is empty
	 */
	static Palette of(LabelSet labels) {
		if (labels.size() == 0) {
			return null;
		}
		int[] argb = new int[labels.size()];
		for (int i = 0; i < argb.length; i++) {
			argb[i] = 0xFF000000 | labels.label(i).rgb();
		}
		return Palette.of(UNLABELLED, argb);
	}
}
