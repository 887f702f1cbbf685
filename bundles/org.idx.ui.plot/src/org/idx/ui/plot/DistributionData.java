// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plot;

import java.util.BitSet;
import java.util.List;

import org.idx.core.CategoricalColumn;
import org.idx.core.NumericColumn;
import org.idx.plot.stats.BarCounts;
import org.idx.plot.stats.Bins;
import org.idx.plot.stats.BoxStats;
import org.idx.plot.stats.Histogram;

/**
 * The counts a distribution chart draws, computed off the UI thread, with the same counts over
 * the rows selected elsewhere (the highlight overlay). The column arrays are kept so that a new
 * highlight only recounts.
 *
 * @param spec what it was computed for
 * @param values the numeric values per row (histogram, box plot), else null
 * @param codes the level codes per row: the value's (bar chart) or the group's (histogram, box plot), or null
 * @param levels the names of those levels (one empty name when there is no group)
 * @param histogram the histogram, or null
 * @param bars the bar counts, or null
 * @param boxes the box statistics per group, or null
 * @param highlight the rows selected elsewhere (empty for none)
 * @param selectedHistogram the histogram of the selected rows (one group), or null
 * @param selectedBars the bar counts of the selected rows, or null
 * @param selectedBoxes the box statistics of the selected rows per group, or null
 * @param millis how long the counting took
 */
record DistributionData(DistributionSpec spec, double[] values, int[] codes, List<String> levels, Histogram histogram,
		BarCounts bars, BoxStats[] boxes, BitSet highlight, Histogram selectedHistogram, BarCounts selectedBars,
		BoxStats[] selectedBoxes, long millis) {

	/**
	 * @param spec what to count
	 * @param highlight the rows selected elsewhere
	 * @param previous the data computed last (its arrays are reused when the spec has the same columns), or null
	 * @return the counts
	 */
	static DistributionData compute(DistributionSpec spec, BitSet highlight, DistributionData previous) {
		long start = System.nanoTime();
		boolean reuse = previous != null && previous.spec.table() == spec.table()
				&& previous.spec.value() == spec.value() && previous.spec.group() == spec.group()
				&& previous.spec.kind() == spec.kind();
		BitSet selected = highlight == null || highlight.isEmpty() ? null : highlight;
		return switch (spec.kind()) {
		case BAR -> {
			CategoricalColumn column = (CategoricalColumn) spec.value();
			int[] codes = reuse ? previous.codes : codes(column);
			BarCounts bars = reuse && previous.spec.sameCounts(spec) ? previous.bars
					: BarCounts.of(codes, column.levels().size(), null);
			BarCounts selectedBars = selected == null ? null : BarCounts.of(codes, column.levels().size(), selected);
			yield new DistributionData(spec, null, codes, column.levels(), null, bars, null, copy(highlight), null,
					selectedBars, null, millis(start));
		}
		case HISTOGRAM -> {
			double[] values = reuse ? previous.values : values((NumericColumn) spec.value());
			int[] codes = reuse ? previous.codes : spec.group() == null ? null : codes(spec.group());
			int groups = spec.group() == null ? 1 : spec.group().levels().size();
			Histogram histogram;
			if (reuse && previous.spec.sameCounts(spec)) {
				histogram = previous.histogram;
			} else {
				histogram = Histogram.of(values, Bins.spanning(values, spec.bins()), codes, groups, null);
			}
			Histogram selectedHistogram = selected == null ? null
					: Histogram.of(values, histogram.bins(), null, 1, selected);
			yield new DistributionData(spec, values, codes, levels(spec.group()), histogram, null, null, copy(highlight),
					selectedHistogram, null, null, millis(start));
		}
		case BOX -> {
			double[] values = reuse ? previous.values : values((NumericColumn) spec.value());
			int[] codes = reuse ? previous.codes : spec.group() == null ? null : codes(spec.group());
			int groups = spec.group() == null ? 1 : spec.group().levels().size();
			BoxStats[] boxes = reuse && previous.spec.sameCounts(spec) ? previous.boxes
					: BoxStats.of(values, codes, groups);
			BoxStats[] selectedBoxes = null;
			if (selected != null) {
				double[] only = new double[values.length];
				java.util.Arrays.fill(only, Double.NaN);
				for (int i = selected.nextSetBit(0); i >= 0 && i < values.length; i = selected.nextSetBit(i + 1)) {
					only[i] = values[i];
				}
				selectedBoxes = BoxStats.of(only, codes, groups);
			}
			yield new DistributionData(spec, values, codes, levels(spec.group()), null, null, boxes, copy(highlight),
					null, null, selectedBoxes, millis(start));
		}
		};
	}

	private static long millis(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static BitSet copy(BitSet rows) {
		return rows == null ? new BitSet() : (BitSet) rows.clone();
	}

	private static List<String> levels(CategoricalColumn group) {
		return group == null ? List.of("") : group.levels();
	}

	static double[] values(NumericColumn column) {
		double[] values = new double[column.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = column.value(i);
		}
		return values;
	}

	static int[] codes(CategoricalColumn column) {
		int[] codes = new int[column.size()];
		for (int i = 0; i < codes.length; i++) {
			codes[i] = column.code(i);
		}
		return codes;
	}
}
