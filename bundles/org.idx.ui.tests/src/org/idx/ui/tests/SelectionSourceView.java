// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.idx.ui.selection.DatasetSelectionProvider;

/** A view that publishes whatever selection a test gives it, as a plot or image view would. */
public final class SelectionSourceView extends ViewPart {

	static final String ID = "org.idx.ui.tests.selectionSource";

	private final DatasetSelectionProvider provider = new DatasetSelectionProvider();
	private Label label;

	@Override
	public void createPartControl(Composite parent) {
		label = new Label(parent, SWT.NONE);
		label.setText("selection source");
		getSite().setSelectionProvider(provider);
	}

	DatasetSelectionProvider provider() {
		return provider;
	}

	@Override
	public void setFocus() {
		label.setFocus();
	}
}
