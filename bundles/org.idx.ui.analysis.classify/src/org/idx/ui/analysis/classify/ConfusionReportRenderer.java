// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.classify;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.idx.ui.analysis.ReportContext;
import org.idx.ui.analysis.ReportRenderer;
import org.idx.ui.analysis.ReportTable;

/**
 * The {@code confusion} report as R caret's {@code confusionMatrix} prints it: the matrix (rows =
 * prediction, columns = truth, diagonal emphasised), accuracy with its exact 95% CI, the no-information
 * rate and the p-value of accuracy &gt; NIR, kappa, McNemar's p, and the per-class statistics. Its tables
 * are what Copy and Export CSV of the report view write.
 */
public final class ConfusionReportRenderer implements ReportRenderer {

	private final List<ReportTable> tables = new ArrayList<>();

	@Override
	public Control createControl(Composite parent, ReportContext context) {
		ReportWidgets page = new ReportWidgets(parent);
		ReportWidgets.sentence(page.content(), "Truth: column '" + ReportTree.text(context.report().get("truth")) + "'; prediction: column '"
				+ ReportTree.text(context.report().get("prediction")) + "'.", false);
		ConfusionSection.show(page, new ConfusionReading(context.report()), tables);
		Messages.show(page, context.report());
		page.reflow();
		return page.control();
	}

	@Override
	public List<ReportTable> tables() {
		return tables;
	}
}
