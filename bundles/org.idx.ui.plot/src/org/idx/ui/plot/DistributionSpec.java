// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plot;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.DataTable;

/**
 * What the distribution view shows. Columns are immutable, so a spec can be handed to the job.
 *
 * @param table the table
 * @param kind the chart
 * @param value the column shown: numeric for a histogram or box plot, categorical for a bar chart
 * @param group the grouping column (histogram, box plot), or null
 * @param bins the number of histogram bins
 * @param stacked whether the groups of a histogram are stacked (else overlaid)
 */
record DistributionSpec(DataTable table, DistributionKind kind, Column value, CategoricalColumn group, int bins,
		boolean stacked) {

	/** @return whether the counts of {@code other} are the same as this spec's (only the drawing may differ) */
	boolean sameCounts(DistributionSpec other) {
		return other != null && table == other.table && kind == other.kind && value == other.value
				&& group == other.group && bins == other.bins;
	}
}
