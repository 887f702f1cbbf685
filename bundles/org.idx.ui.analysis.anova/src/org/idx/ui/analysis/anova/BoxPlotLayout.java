// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.anova;

import java.util.List;

import org.idx.plot.axis.AxisMapping;
import org.idx.plot.axis.Tick;

/** Where the parts of a box plot go in a canvas of a given size (shared by the screen and the SVG). */
final class BoxPlotLayout {

	private static final int LEFT = 70, RIGHT = 12, TOP = 10, BOTTOM = 70;

	private final BoxPlotData data;
	private final int width;
	private final int height;

	BoxPlotLayout(BoxPlotData data, int width, int height) {
		this.data = data;
		this.width = width;
		this.height = height;
	}

	int left() {
		return LEFT;
	}

	int top() {
		return TOP;
	}

	int plotWidth() {
		return Math.max(10, width - LEFT - RIGHT);
	}

	int plotHeight() {
		return Math.max(10, height - TOP - BOTTOM);
	}

	/** @return the value axis mapped onto the plot height (larger values up), pixels from {@link #top()} */
	AxisMapping y() {
		return data.axis().map(plotHeight(), true);
	}

	List<Tick> ticks() {
		return data.axis().ticks(Math.max(2, plotHeight() / 40));
	}

	/** @return the horizontal centre of group {@code g} */
	double centre(int g) {
		double slot = plotWidth() / (double) Math.max(1, data.boxes().length);
		return LEFT + slot * (g + 0.5);
	}

	/** @return the width of a box */
	int boxWidth() {
		double slot = plotWidth() / (double) Math.max(1, data.boxes().length);
		return (int) Math.max(3, Math.min(60, slot * 0.6));
	}
}
