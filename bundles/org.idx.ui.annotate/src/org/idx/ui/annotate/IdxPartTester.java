// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.annotate;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.ui.IWorkbenchPart;

/** {@code org.idx.ui.annotate.idxPart}: whether a workbench part is one of IDX's (its id starts with org.idx.). */
public final class IdxPartTester extends PropertyTester {

	@Override
	public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
		return receiver instanceof IWorkbenchPart part && part.getSite() != null
				&& part.getSite().getId().startsWith("org.idx.");
	}
}
