// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.List;

/**
 * A table of a rendered report, as Copy (tab-separated) and Export CSV write it.
 *
 * @param name    a short name, used in file names: {@code groups}, {@code posthoc}
 * @param title   the heading shown above the table
 * @param headers the column headers
 * @param rows    the cells, row by row, as text (numbers at full precision)
 */
public record ReportTable(String name, String title, List<String> headers, List<List<String>> rows) {

	public ReportTable {
		headers = List.copyOf(headers);
		rows = rows.stream().map(List::copyOf).toList();
	}

	/** @return the table as tab-separated text with a header line, one line per row */
	public String toTsv() {
		StringBuilder text = new StringBuilder(String.join("\t", headers)).append('\n');
		for (List<String> row : rows) {
			text.append(String.join("\t", row.stream().map(cell -> cell.replace('\t', ' ').replace('\n', ' ')).toList())).append('\n');
		}
		return text.toString();
	}

	/** @return the table as RFC 4180 CSV with a header line */
	public String toCsv() {
		StringBuilder text = new StringBuilder();
		line(text, headers);
		rows.forEach(row -> line(text, row));
		return text.toString();
	}

	private static void line(StringBuilder text, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			if (i > 0) {
				text.append(',');
			}
			if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
				text.append('"').append(cell.replace("\"", "\"\"")).append('"');
			} else {
				text.append(cell);
			}
		}
		text.append("\r\n");
	}
}
