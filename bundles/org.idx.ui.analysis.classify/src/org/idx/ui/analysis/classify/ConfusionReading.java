// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.idx.ui.analysis.ReportTable;

/**
 * A confusion report (the {@code confusion} map of {@code /work/shared/spec/cli.md}, also the
 * {@code confusion} part of the {@code xgboost} report) read as R caret's {@code confusionMatrix} prints
 * it: the matrix (rows = prediction, columns = truth), the overall statistics and the per-class statistics.
 * No widgets: {@link ConfusionSection} shows what this reads.
 */
final class ConfusionReading {

	/** caret's overall statistics, in its order, with how they are shown. */
	private static final List<String[]> OVERALL = List.of(new String[] { "Accuracy", "Accuracy" },
			new String[] { "AccuracyLower", "95% CI lower" }, new String[] { "AccuracyUpper", "95% CI upper" },
			new String[] { "AccuracyNull", "No Information Rate" }, new String[] { "AccuracyPValue", "P-Value [Acc > NIR]" },
			new String[] { "Kappa", "Kappa" }, new String[] { "McnemarPValue", "Mcnemar's Test P-Value" });

	private final Map<String, Object> confusion;

	/** @param confusion the confusion map */
	ConfusionReading(Map<String, Object> confusion) {
		this.confusion = confusion;
	}

	/** @return the class levels, in matrix order */
	List<String> levels() {
		return ReportTree.list(confusion.get("levels")).stream().map(ReportTree::text).toList();
	}

	/** @return the number of rows evaluated */
	String n() {
		return ReportTree.cell(confusion.get("n"));
	}

	/** @return the positive class (two classes), or null */
	String positive() {
		Object positive = confusion.get("positive");
		return positive == null ? null : String.valueOf(positive);
	}

	/** @return the matrix: one row per predicted level, one column per true level */
	ReportTable matrix() {
		List<String> levels = levels();
		List<String> headers = new ArrayList<>();
		headers.add("Prediction \\ Reference");
		headers.addAll(levels);
		List<List<String>> rows = new ArrayList<>();
		List<Object> table = ReportTree.list(confusion.get("table"));
		for (int r = 0; r < table.size() && r < levels.size(); r++) {
			List<String> row = new ArrayList<>();
			row.add(levels.get(r));
			ReportTree.list(table.get(r)).forEach(count -> row.add(ReportTree.cell(count)));
			rows.add(row);
		}
		return new ReportTable("confusion_matrix", "Confusion matrix (rows = prediction, columns = truth)", headers, rows);
	}

	/** @return the overall statistics, one per row, in caret's order */
	ReportTable overall() {
		Map<String, Object> overall = ReportTree.map(confusion.get("overall"));
		List<List<String>> rows = new ArrayList<>();
		for (String[] statistic : OVERALL) {
			rows.add(List.of(statistic[1], overall == null ? "" : ReportTree.cell(overall.get(statistic[0]))));
		}
		return new ReportTable("overall", "Overall statistics", List.of("statistic", "value"), rows);
	}

	/** @return the overall statistics in one sentence: accuracy with its CI, NIR and p, kappa, McNemar */
	String overallSentence() {
		Map<String, Object> overall = ReportTree.map(confusion.get("overall"));
		if (overall == null) {
			return "";
		}
		return "Accuracy " + ReportTree.readable(overall.get("Accuracy")) + " (95% CI " + ReportTree.readable(overall.get("AccuracyLower"))
				+ " – " + ReportTree.readable(overall.get("AccuracyUpper")) + "), no-information rate "
				+ ReportTree.readable(overall.get("AccuracyNull")) + ", P [Acc > NIR] = " + ReportTree.readable(overall.get("AccuracyPValue"))
				+ ", Kappa " + ReportTree.readable(overall.get("Kappa")) + ", McNemar P = " + ReportTree.readable(overall.get("McnemarPValue"))
				+ " (n = " + n() + ").";
	}

	/** @return caret's per-class statistics: one row per class (only the positive class with two classes) */
	ReportTable byClass() {
		Map<String, Object> byClass = ReportTree.map(confusion.get("byClass"));
		List<String> statistics = new ArrayList<>();
		List<List<String>> rows = new ArrayList<>();
		if (byClass != null) {
			for (Map.Entry<String, Object> entry : byClass.entrySet()) {
				Map<String, Object> values = ReportTree.map(entry.getValue());
				if (values == null) {
					continue;
				}
				if (statistics.isEmpty()) {
					statistics.addAll(values.keySet());
				}
				List<String> row = new ArrayList<>();
				row.add(entry.getKey());
				statistics.forEach(statistic -> row.add(ReportTree.cell(values.get(statistic))));
				rows.add(row);
			}
		}
		List<String> headers = new ArrayList<>();
		headers.add("class");
		headers.addAll(statistics);
		String positive = positive();
		return new ReportTable("by_class", positive == null ? "Statistics by class (one class against the rest)"
				: "Statistics of the positive class '" + positive + "'", headers, rows);
	}
}
