// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterValues;
import org.idx.analysis.ReportWriter;
import org.idx.ui.dataset.Dataset;

/**
 * The report of one analysis run: what ran on which table with which parameters, which columns
 * it added, and the report itself as the JSON that {@code idx run --report} writes. The text can
 * be selected and copied.
 */
public final class ReportView extends ViewPart {

	/** The view id; each run opens its own instance (secondary id). */
	public static final String ID = "org.idx.ui.analysis.report";

	private Label heading;
	private Text report;

	@Override
	public void createPartControl(Composite parent) {
		Composite root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout());
		heading = new Label(root, SWT.WRAP);
		heading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		report = new Text(root, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		report.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		report.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
	}

	void show(MethodDescriptor method, Dataset dataset, ParameterValues values, List<String> added,
			Map<String, Object> content) {
		setPartName(method.name() + " — " + dataset.name());
		heading.setText(method.name() + " on " + dataset.source() + " with " + values.asMap()
				+ (added.isEmpty() ? "" : ". New columns: " + String.join(", ", added) + "."));
		report.setText(ReportWriter.toJson(content, true));
		heading.getParent().layout();
	}

	/** @return the report text, for tests */
	public String text() {
		return report.getText();
	}

	@Override
	public void setFocus() {
		report.setFocus();
	}
}
