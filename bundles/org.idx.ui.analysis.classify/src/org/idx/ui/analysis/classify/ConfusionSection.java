// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.classify;

import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.idx.ui.analysis.ReportTable;

/**
 * Shows a {@link ConfusionReading} as caret prints it: the matrix with its diagonal (the correct
 * predictions) in bold on a light green ground, the overall statistics in a sentence and a table, and the
 * per-class statistics.
 */
final class ConfusionSection {

	private static final int DIAGONAL_RGB = 0xD8F0D8;

	private ConfusionSection() {
	}

	/**
	 * @param page    the report page
	 * @param reading the confusion report
	 * @param tables  receives the report tables shown, for Copy and Export CSV
	 */
	static void show(ReportWidgets page, ConfusionReading reading, List<ReportTable> tables) {
		Composite body = page.section("Confusion matrix (n = " + reading.n() + ")", true);
		ReportWidgets.sentence(body, reading.overallSentence(), true);
		ReportTable matrix = reading.matrix();
		Table table = ReportWidgets.table(body, matrix, matrix.headers(), 20);
		emphasiseDiagonal(table, matrix.rows().size());
		ReportWidgets.sentence(body, "Rows: predicted class; columns: true class (reference). The diagonal counts the correct predictions.", false);
		ReportTable overall = reading.overall();
		ReportWidgets.table(page.section("Overall statistics", true), overall, List.of(), 10);
		ReportTable byClass = reading.byClass();
		Composite classes = page.section(byClass.title(), true);
		ReportWidgets.table(classes, byClass, List.of(), 20);
		tables.add(matrix);
		tables.add(overall);
		tables.add(byClass);
	}

	private static void emphasiseDiagonal(Table table, int levels) {
		Font bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
		Color ground = new Color(table.getDisplay(), (DIAGONAL_RGB >> 16) & 0xFF, (DIAGONAL_RGB >> 8) & 0xFF, DIAGONAL_RGB & 0xFF);
		for (int r = 0; r < levels && r < table.getItemCount(); r++) {
			if (r + 1 < table.getColumnCount()) {
				table.getItem(r).setFont(r + 1, bold);
				table.getItem(r).setBackground(r + 1, ground);
			}
		}
		for (int c = 0; c < table.getColumnCount(); c++) {
			table.getColumn(c).pack();
		}
		table.addListener(SWT.Dispose, event -> ground.dispose());
	}

	/**
	 * @param table a matrix table shown by {@link #show}
	 * @param row   a row
	 * @param column a column (0 is the row heading)
	 * @return whether the cell is drawn as a diagonal cell (for tests)
	 */
	static boolean emphasised(Table table, int row, int column) {
		return table.getItem(row).getFont(column).equals(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
	}
}
