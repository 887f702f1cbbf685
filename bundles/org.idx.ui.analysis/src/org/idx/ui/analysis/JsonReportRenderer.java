// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.idx.analysis.ReportWriter;

/** The renderer of methods that contribute none: the report as indented JSON, selectable and copyable. */
public final class JsonReportRenderer implements ReportRenderer {

	private Text text;

	@Override
	public Control createControl(Composite parent, ReportContext context) {
		text = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		text.setFont(JFaceResources.getTextFont());
		text.setText(ReportWriter.toJson(context.report(), true));
		return text;
	}

	@Override
	public List<ReportTable> tables() {
		return List.of();
	}

	/** @return the JSON shown */
	public String text() {
		return text.getText();
	}
}
