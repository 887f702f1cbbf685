// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plot;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.NumericColumn;
import org.idx.core.NumericSummary;
import org.idx.plot.index.PointIndex;
import org.idx.plot.render.ColorRamp;
import org.idx.plot.render.Palette;
import org.idx.plot.render.PointColors;

/**
 * The arrays a scatter repaint reads, made from a {@link PlotSpec} off the UI thread: the x and
 * y values, the point colours, the rows painted in front and the spatial index for picking and
 * region selection.
 *
 * @param spec what they were made for
 * @param x x values per row, NaN for NA
 * @param y y values per row, NaN for NA
 * @param colors the colour of each point
 * @param foreground the rows painted above the others (and as points over a density): the
 *        labelled rows when the plot is coloured by labels, else null
 * @param index the spatial index over the plottable points
 */
record PlotData(PlotSpec spec, double[] x, double[] y, PointColors colors, BitSet foreground, PointIndex index) {

	/** The colour of points when nothing colours them. */
	static final int POINT_COLOR = 0xFF3B6EA8;

	/** Remembers the arrays of the columns of one table, so switching a combo does not copy again. */
	static final class Cache {
		private final Map<Column, Object> arrays = new IdentityHashMap<>();
		private PlotData last;

		synchronized PlotData get(PlotSpec spec) {
			if (last != null && last.spec.sameData(spec)) {
				return last;
			}
			if (last != null && last.spec.table() != spec.table()) {
				arrays.clear();
			} else {
				// A column replaced in the table (labels given: a new annotation column each time) is
				// not plotted again: keeping its copy would hold a row-sized array per labelling step.
				arrays.keySet().removeIf(column -> spec.table().findColumn(column.name()).orElse(null) != column);
			}
			double[] x = values(spec.x());
			double[] y = values(spec.y());
			PointIndex index = last != null && last.spec.samePoints(spec) ? last.index
					: PointIndex.build(x, y, spec.xScale(), spec.yScale());
			// A recolour keeps the column (columns are immutable): its labelled rows are the same.
			BitSet foreground = last != null && last.foreground != null && spec.levelColors() != null
					&& last.spec.color() == spec.color() ? last.foreground : foreground(spec);
			last = new PlotData(spec, x, y, colors(spec.color(), spec.levelPalette()), foreground, index);
			return last;
		}

		private double[] values(NumericColumn column) {
			return (double[]) arrays.computeIfAbsent(column, c -> {
				double[] values = new double[column.size()];
				for (int row = 0; row < values.length; row++) {
					values[row] = column.value(row);
				}
				return values;
			});
		}

		private int[] codes(CategoricalColumn column) {
			return (int[]) arrays.computeIfAbsent(column, c -> {
				int[] codes = new int[column.size()];
				for (int row = 0; row < codes.length; row++) {
					codes[row] = column.code(row);
				}
				return codes;
			});
		}

		/**
		 * @return the rows with a label when the plot is coloured by labels (the level colours are
		 *         a label set's), so that the grey unlabelled rows never cover them; else null
		 */
		private BitSet foreground(PlotSpec spec) {
			if (spec.levelColors() == null || !(spec.color() instanceof CategoricalColumn categorical)) {
				return null;
			}
			int[] codes = codes(categorical);
			BitSet labelled = new BitSet(codes.length);
			for (int row = 0; row < codes.length; row++) {
				if (codes[row] >= 0) {
					labelled.set(row);
				}
			}
			return labelled;
		}

		private PointColors colors(Column color, Palette levels) {
			if (color instanceof CategoricalColumn categorical) {
				return PointColors.indexed(codes(categorical), levels);
			}
			if (color instanceof NumericColumn numeric) {
				double[] range = range(numeric);
				return PointColors.continuous(values(numeric), ColorRamp.viridis(), range[0], range[1],
						Palette.NA_COLOR);
			}
			return PointColors.uniform(POINT_COLOR);
		}
	}

	/** @return the ramp's [min, max] for a numeric colour column, never empty */
	static double[] range(NumericColumn column) {
		NumericSummary summary = column.summary();
		double min = summary.min();
		double max = summary.max();
		if (!Double.isFinite(min) || !Double.isFinite(max)) {
			return new double[] { 0, 1 };
		}
		if (!(max > min)) {
			return new double[] { min - 0.5, min + 0.5 };
		}
		return new double[] { min, max };
	}
}
