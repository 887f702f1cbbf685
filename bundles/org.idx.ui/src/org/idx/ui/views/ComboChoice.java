// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.views;

import org.eclipse.swt.widgets.Combo;

/**
 * The choice of a name in a read-only {@link Combo} of names (columns, kinds, plates) that views
 * refill when their table changes: what is chosen, and choosing a name again with a fallback when
 * it is gone.
 */
public final class ComboChoice {

	private ComboChoice() {
	}

	/**
	 * @param combo a combo
	 * @return the chosen item, or null when none is
	 */
	public static String selected(Combo combo) {
		int index = combo.getSelectionIndex();
		return index < 0 ? null : combo.getItem(index);
	}

	/**
	 * Chooses {@code name}, or the item at {@code fallback} when the combo does not hold it; nothing
	 * when the fallback is out of range either.
	 *
	 * @param combo    a combo
	 * @param name     the item to choose, or null
	 * @param fallback the index to choose otherwise
	 */
	public static void select(Combo combo, String name, int fallback) {
		int index = name == null ? -1 : combo.indexOf(name);
		if (index < 0) {
			index = fallback;
		}
		if (index >= 0 && index < combo.getItemCount()) {
			combo.select(index);
		}
	}
}
