// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plot;

import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.plot.axis.Scale;
import org.idx.plot.render.Palette;
import org.idx.plot.render.RenderMode;

/**
 * What the scatter shows: the table, the axis columns, the colour column and the scales. Columns
 * are immutable, so a spec can be handed to the render job as it is.
 *
 * @param table the table
 * @param x the x column
 * @param y the y column
 * @param color the colour column (categorical or numeric), or null for one colour
 * @param xScale linear or log10
 * @param yScale linear or log10
 * @param mode points, density or automatic
 * @param levelColors the colours of the levels of a categorical colour column and of its NA
 *        (a label set's colours and "unlabelled"), or null for the plot's categorical palette
 */
public record PlotSpec(DataTable table, NumericColumn x, NumericColumn y, Column color, Scale xScale, Scale yScale,
		RenderMode mode, Palette levelColors) {

	/** A spec coloured, if at all, by the plot's own palette. */
	public PlotSpec(DataTable table, NumericColumn x, NumericColumn y, Column color, Scale xScale, Scale yScale,
			RenderMode mode) {
		this(table, x, y, color, xScale, yScale, mode, null);
	}

	/** @return the colours of the levels of the categorical colour column */
	Palette levelPalette() {
		return levelColors != null ? levelColors : Palette.categorical();
	}

	/** @return whether the data (not only the mode) of the two specs is the same */
	boolean sameData(PlotSpec other) {
		return other != null && table == other.table && x == other.x && y == other.y && color == other.color
				&& xScale == other.xScale && yScale == other.yScale
				&& java.util.Objects.equals(levelColors, other.levelColors);
	}

	/** @return whether the two specs plot the same points at the same places */
	boolean samePoints(PlotSpec other) {
		return other != null && table == other.table && x == other.x && y == other.y && xScale == other.xScale
				&& yScale == other.yScale;
	}
}
