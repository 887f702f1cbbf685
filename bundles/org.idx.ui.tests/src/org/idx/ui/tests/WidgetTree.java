// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import java.util.function.Predicate;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** Finds widgets in a real SWT widget tree, depth first. */
final class WidgetTree {

	private WidgetTree() {
	}

	/** @return the first control below (or equal to) {@code root} of the type that passes the test, or null */
	static <T extends Control> T find(Control root, Class<T> type, Predicate<T> test) {
		if (type.isInstance(root) && test.test(type.cast(root))) {
			return type.cast(root);
		}
		if (root instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				T found = find(child, type, test);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
