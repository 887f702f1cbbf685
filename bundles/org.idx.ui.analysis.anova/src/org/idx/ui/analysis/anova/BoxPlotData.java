// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.anova;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.idx.analysis.anova.GroupLabels;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.plot.axis.PlotAxis;
import org.idx.plot.stats.BoxStats;

/**
 * The box plot of the values by group, in the report's group order: quartiles, whiskers and outliers
 * per group ({@link BoxStats}) of the rows the analysis used, and the value axis that holds them all.
 *
 * @param valueName the value column's name
 * @param names     the group names
 * @param boxes     one box per group
 * @param axis      the value axis
 */
record BoxPlotData(String valueName, List<String> names, BoxStats[] boxes, PlotAxis axis) {

	/**
	 * @param table  the table
	 * @param value  the value column
	 * @param group  the grouping column
	 * @param rows   the rows analysed, or null for all
	 * @param groups the report's group names, in order (rows of other groups are left out)
	 * @return the box plot
	 */
	static BoxPlotData of(DataTable table, NumericColumn value, Column group, BitSet rows, List<String> groups) {
		String[] labels = GroupLabels.of(group);
		Map<String, Integer> codeOf = new HashMap<>();
		for (int g = 0; g < groups.size(); g++) {
			codeOf.put(groups.get(g), g);
		}
		int n = table.rowCount();
		double[] values = new double[n];
		int[] codes = new int[n];
		for (int row = 0; row < n; row++) {
			Integer code = labels[row] == null || (rows != null && !rows.get(row)) ? null : codeOf.get(labels[row]);
			codes[row] = code == null ? -1 : code;
			double v = value.isNA(row) ? Double.NaN : value.value(row);
			values[row] = Double.isFinite(v) ? v : Double.NaN;
		}
		BoxStats[] boxes = BoxStats.of(values, codes, groups.size());
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (BoxStats box : boxes) {
			if (box.n() == 0) {
				continue;
			}
			min = Math.min(min, box.lowerWhisker());
			max = Math.max(max, box.upperWhisker());
			for (double outlier : box.outlierValues()) {
				min = Math.min(min, outlier);
				max = Math.max(max, outlier);
			}
		}
		if (!(min <= max)) {
			min = 0;
			max = 1;
		}
		double pad = max > min ? (max - min) * 0.05 : Math.max(1, Math.abs(min) * 0.05);
		return new BoxPlotData(value.name(), List.copyOf(groups), boxes, PlotAxis.linear(min - pad, max + pad));
	}
}
