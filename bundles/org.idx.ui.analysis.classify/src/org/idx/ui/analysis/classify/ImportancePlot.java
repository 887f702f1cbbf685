// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.classify;

import java.util.List;

import org.idx.plot.axis.TickLabels;
import org.idx.plot.draw.Surface;
import org.idx.plot.render.Palette;

/**
 * The feature importance bar plot: one horizontal bar per feature, largest gain share at the top, coloured
 * by its {@link ImportanceGroups importance group}, with the share written at the bar's end, an axis of
 * gain shares and a legend of the groups. Draws on any {@link Surface} (screen and SVG alike); the last
 * drawing's geometry answers which feature is under a point.
 */
final class ImportancePlot {

	/** The height of one bar's row, in pixels. */
	static final int ROW = 20;
	private static final int TOP = 34;
	private static final int BOTTOM = 44;
	private static final int RIGHT = 60;
	private static final int GAP = 8;
	private static final int AXIS = 0xFF505050;
	private static final int TEXT = 0xFF202020;
	private static final Palette GROUPS = Palette.categorical();

	private final List<String> features;
	private final double[] gains;
	private final int[] groups;
	private double barLeft = Double.NaN;
	private double scale;
	private int width;

	/**
	 * @param features the feature names, largest gain first
	 * @param gains    their gain shares, largest first
	 */
	ImportancePlot(List<String> features, double[] gains) {
		this.features = List.copyOf(features);
		this.gains = gains.clone();
		this.groups = ImportanceGroups.of(this.gains);
	}

	/** @return the feature names, largest gain first */
	List<String> features() {
		return features;
	}

	/** @return the importance group of each feature (0 = most important) */
	int[] groups() {
		return groups.clone();
	}

	/** @return the number of importance groups */
	int groupCount() {
		return groups.length == 0 ? 0 : groups[groups.length - 1] + 1;
	}

	/** @return the height the plot needs to show every bar */
	int height() {
		return TOP + Math.max(1, features.size()) * ROW + BOTTOM;
	}

	/**
	 * @param group an importance group
	 * @return its colour (ARGB)
	 */
	static int color(int group) {
		return GROUPS.color(group);
	}

	/**
	 * Draws the plot.
	 *
	 * @param surface where to draw
	 * @param width   the width to fill
	 * @param height  the height to fill
	 */
	void paint(Surface surface, int width, int height) {
		this.width = width;
		surface.color(0xFFFFFFFF);
		surface.fillRect(0, 0, width, height);
		if (features.isEmpty()) {
			surface.color(TEXT);
			surface.text("No features.", 10, 10, Surface.Align.LEFT);
			return;
		}
		int labels = 0;
		for (String feature : features) {
			labels = Math.max(labels, surface.textWidth(feature));
		}
		barLeft = Math.min(labels, width / 3) + 2 * GAP;
		double max = gains[0] > 0 ? gains[0] : 1;
		double step = niceStep(max / 4);
		double axisMax = Math.ceil(max / step - 1e-9) * step;
		scale = Math.max(1, width - barLeft - RIGHT) / axisMax;
		int textHeight = surface.textHeight();

		// legend
		double x = barLeft;
		surface.color(TEXT);
		String title = "Importance group (1-D k-means of the gains):";
		surface.text(title, x, 8, Surface.Align.LEFT);
		x += surface.textWidth(title) + GAP;
		for (int g = 0; g < groupCount(); g++) {
			surface.color(color(g));
			surface.fillRect(x, 10, 12, 12);
			surface.color(TEXT);
			surface.text(Integer.toString(g + 1), x + 16, 8, Surface.Align.LEFT);
			x += 16 + surface.textWidth(Integer.toString(g + 1)) + GAP;
		}

		for (int i = 0; i < features.size(); i++) {
			double top = TOP + i * ROW;
			surface.color(TEXT);
			surface.text(clip(surface, features.get(i), barLeft - 2 * GAP), barLeft - GAP, top + (ROW - textHeight) / 2.0,
					Surface.Align.RIGHT);
			surface.color(color(groups[i]));
			double length = Math.max(1, gains[i] * scale);
			surface.fillRect(barLeft, top + 3, length, ROW - 6);
			surface.color(TEXT);
			surface.text(TickLabels.significant(gains[i], 3), barLeft + length + 4, top + (ROW - textHeight) / 2.0, Surface.Align.LEFT);
		}

		// axis of gain shares
		double axisY = TOP + features.size() * ROW + 2;
		surface.color(AXIS);
		surface.lineWidth(1);
		surface.line(barLeft, TOP, barLeft, axisY);
		surface.line(barLeft, axisY, barLeft + axisMax * scale, axisY);
		for (int t = 0; t * step <= axisMax + step * 1e-9; t++) {
			double value = t * step;
			double tx = barLeft + value * scale;
			surface.line(tx, axisY, tx, axisY + 4);
			surface.text(TickLabels.significant(value, 3), tx, axisY + 6, Surface.Align.CENTER);
		}
		surface.text("Gain (share of the total gain)", barLeft + axisMax * scale / 2, axisY + 8 + textHeight, Surface.Align.CENTER);
	}

	/**
	 * @param x a point's x, in the coordinates of the last {@link #paint}
	 * @param y its y
	 * @return the index of the feature whose row (label or bar) is under the point, or -1
	 */
	int featureAt(double x, double y) {
		if (Double.isNaN(barLeft) || y < TOP || x < 0 || x > width) {
			return -1;
		}
		int row = (int) Math.floor((y - TOP) / ROW);
		return row < features.size() ? row : -1;
	}

	/**
	 * @param feature a feature's index
	 * @return the centre of its bar in the last drawing, as {x, y}, or null before the first drawing
	 */
	int[] barCentre(int feature) {
		if (Double.isNaN(barLeft)) {
			return null;
		}
		return new int[] { (int) Math.round(barLeft + Math.max(1, gains[feature] * scale) / 2), TOP + feature * ROW + ROW / 2 };
	}

	private static String clip(Surface surface, String text, double room) {
		if (surface.textWidth(text) <= room) {
			return text;
		}
		String clipped = text;
		while (clipped.length() > 1 && surface.textWidth(clipped + "…") > room) {
			clipped = clipped.substring(0, clipped.length() - 1);
		}
		return clipped + "…";
	}

	/** @return 1, 2 or 5 times a power of ten, at least {@code raw} */
	private static double niceStep(double raw) {
		if (!(raw > 0)) {
			return 0.25;
		}
		double power = Math.pow(10, Math.floor(Math.log10(raw)));
		for (double m : new double[] { 1, 2, 5, 10 }) {
			if (m * power >= raw - 1e-12) {
				return m * power;
			}
		}
		return 10 * power;
	}
}
