// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plot;

import java.util.List;
import java.util.Locale;

import org.idx.plot.axis.AxisMapping;
import org.idx.plot.axis.PlotAxis;
import org.idx.plot.axis.Tick;
import org.idx.plot.draw.Surface;
import org.idx.plot.draw.Surface.Align;
import org.idx.plot.render.Palette;
import org.idx.plot.stats.BarCounts;
import org.idx.plot.stats.Bins;
import org.idx.plot.stats.BoxStats;
import org.idx.plot.stats.Histogram;

/**
 * Draws a histogram, bar chart or box plot with the scatter plot's frame (same margins, ticks and
 * colours) on any {@link Surface}, and maps pixels back to bins, levels and groups. The rows
 * selected elsewhere are drawn as a red-orange overlay: an inner bar with the selected count per
 * bin or level, a narrow box of the selected values beside each group's box.
 */
final class DistributionPainter {

	static final int LEFT = ScatterCanvas.LEFT;
	static final int TOP = ScatterCanvas.TOP;
	static final int BOTTOM = ScatterCanvas.BOTTOM;
	static final int RIGHT = ScatterCanvas.RIGHT;
	static final int LEGEND = ScatterCanvas.LEGEND;
	static final int FRAME = 0xFF505050;
	static final int HIGHLIGHT = 0xFFFF3D00;

	private final DistributionData data;
	private final int left;
	private final int top;
	private final int areaWidth;
	private final int areaHeight;
	private final PlotAxis yAxis;

	DistributionPainter(DistributionData data, int width, int height) {
		this.data = data;
		this.left = LEFT;
		this.top = TOP;
		int legend = hasLegend() ? LEGEND : 0;
		this.areaWidth = Math.max(2, width - LEFT - RIGHT - legend);
		this.areaHeight = Math.max(2, height - TOP - BOTTOM);
		this.yAxis = yAxis();
	}

	private boolean hasLegend() {
		return data.spec().kind() == DistributionKind.HISTOGRAM && data.histogram().groupCount() > 1
				|| !data.highlight().isEmpty();
	}

	/** @return the number of slots along x: bins, levels or groups */
	int slots() {
		return switch (data.spec().kind()) {
		case HISTOGRAM -> data.histogram().bins().count();
		case BAR -> data.bars().levelCount();
		case BOX -> data.boxes().length;
		};
	}

	/**
	 * @param x a pixel x
	 * @param y a pixel y
	 * @return the bin, level or group under it, or -1
	 */
	int slotAt(double x, double y) {
		if (x < left || x >= left + areaWidth || y < top || y >= top + areaHeight) {
			return -1;
		}
		return Math.min(slots() - 1, (int) ((x - left) / areaWidth * slots()));
	}

	/**
	 * @param x0 a pixel x
	 * @param x1 another pixel x
	 * @return the first and last slot between them, or null
	 */
	int[] slotsBetween(double x0, double x1) {
		double a = Math.max(left, Math.min(x0, x1));
		double b = Math.min(left + areaWidth - 1, Math.max(x0, x1));
		if (a > b) {
			return null;
		}
		int n = slots();
		return new int[] { Math.min(n - 1, (int) ((a - left) / areaWidth * n)),
				Math.min(n - 1, (int) ((b - left) / areaWidth * n)) };
	}

	/**
	 * @param slot a bin, level or group
	 * @return the middle of its bar or box, as a pixel {x, y}
	 */
	double[] centre(int slot) {
		double x = left + (slot + 0.5) * areaWidth / slots();
		return new double[] { x, top + areaHeight * 0.7 };
	}

	private PlotAxis yAxis() {
		switch (data.spec().kind()) {
		case HISTOGRAM: {
			Histogram h = data.histogram();
			long max = 0;
			for (int b = 0; b < h.bins().count(); b++) {
				if (data.spec().stacked() || h.groupCount() == 1) {
					max = Math.max(max, h.total(b));
				} else {
					for (int g = 0; g < h.groupCount(); g++) {
						max = Math.max(max, h.count(g, b));
					}
				}
			}
			return PlotAxis.linear(0, Math.max(1, max) * 1.05);
		}
		case BAR:
			return PlotAxis.linear(0, Math.max(1, data.bars().max()) * 1.05);
		default: {
			double lo = Double.POSITIVE_INFINITY;
			double hi = Double.NEGATIVE_INFINITY;
			for (BoxStats box : data.boxes()) {
				if (box.n() == 0) {
					continue;
				}
				lo = Math.min(lo, box.lowerWhisker());
				hi = Math.max(hi, box.upperWhisker());
				for (double v : box.outlierValues()) {
					lo = Math.min(lo, v);
					hi = Math.max(hi, v);
				}
			}
			if (!(lo <= hi)) {
				return PlotAxis.linear(0, 1);
			}
			if (lo == hi) {
				return PlotAxis.linear(lo - 0.5, hi + 0.5);
			}
			double pad = (hi - lo) * 0.04;
			return PlotAxis.linear(lo - pad, hi + pad);
		}
		}
	}

	void paint(Surface s) {
		AxisMapping ym = yAxis.map(areaHeight, true);
		switch (data.spec().kind()) {
		case HISTOGRAM -> paintHistogram(s, ym);
		case BAR -> paintBars(s, ym);
		case BOX -> paintBoxes(s, ym);
		}
		s.lineWidth(1);
		s.color(FRAME);
		s.drawRect(left - 1, top - 1, areaWidth + 1, areaHeight + 1);
		paintYAxis(s, ym);
		paintXAxis(s);
		paintLegend(s);
	}

	private double y(AxisMapping ym, double value) {
		return top + ym.toPixel(value);
	}

	private void paintHistogram(Surface s, AxisMapping ym) {
		Histogram h = data.histogram();
		int bins = h.bins().count();
		double w = areaWidth / (double) bins;
		Palette palette = Palette.categorical();
		boolean grouped = h.groupCount() > 1;
		double base = y(ym, 0);
		for (int b = 0; b < bins; b++) {
			double x = left + b * w;
			long below = 0;
			for (int g = 0; g < h.groupCount(); g++) {
				long c = h.count(g, b);
				if (c == 0) {
					continue;
				}
				int color = grouped ? palette.color(g) : PlotData.POINT_COLOR;
				if (grouped && !data.spec().stacked()) {
					s.color(0x66000000 | color & 0xFFFFFF);
					s.fillRect(x, y(ym, c), Math.max(1, w - 1), base - y(ym, c));
				} else {
					s.color(color);
					s.fillRect(x, y(ym, below + c), Math.max(1, w - 1), y(ym, below) - y(ym, below + c));
					below += c;
				}
			}
			if (data.selectedHistogram() != null) {
				long c = data.selectedHistogram().count(0, b);
				if (c > 0) {
					// At least 2 pixels, so that a few selected rows in a tall bin still show.
					double tall = Math.max(2, base - y(ym, c));
					s.color(HIGHLIGHT);
					s.fillRect(x + w * 0.2, base - tall, Math.max(1, w * 0.6 - 1), tall);
				}
			}
		}
	}

	private void paintBars(Surface s, AxisMapping ym) {
		BarCounts bars = data.bars();
		int n = bars.levelCount();
		double w = areaWidth / (double) Math.max(1, n);
		Palette palette = Palette.categorical();
		double base = y(ym, 0);
		for (int level = 0; level < n; level++) {
			double x = left + level * w;
			long c = bars.count(level);
			s.color(palette.color(level));
			s.fillRect(x + w * 0.1, y(ym, c), Math.max(1, w * 0.8), base - y(ym, c));
			if (data.selectedBars() != null && data.selectedBars().count(level) > 0) {
				long sc = data.selectedBars().count(level);
				double h = Math.max(2, base - y(ym, sc));
				s.color(HIGHLIGHT);
				s.fillRect(x + w * 0.3, base - h, Math.max(1, w * 0.4), h);
			}
		}
	}

	private void paintBoxes(Surface s, AxisMapping ym) {
		BoxStats[] boxes = data.boxes();
		double w = areaWidth / (double) Math.max(1, boxes.length);
		Palette palette = Palette.categorical();
		boolean grouped = boxes.length > 1;
		for (int g = 0; g < boxes.length; g++) {
			double centre = left + (g + 0.5) * w;
			boolean withSelection = data.selectedBoxes() != null && data.selectedBoxes()[g].n() > 0;
			double boxWidth = Math.max(3, Math.min(80, w * (withSelection ? 0.45 : 0.6)));
			double boxCentre = withSelection ? centre - w * 0.12 : centre;
			int color = grouped ? palette.color(g) : PlotData.POINT_COLOR;
			paintBox(s, ym, boxes[g], boxCentre, boxWidth, color, true);
			if (withSelection) {
				paintBox(s, ym, data.selectedBoxes()[g], centre + w * 0.25, Math.max(3, Math.min(30, w * 0.15)),
						HIGHLIGHT, false);
			}
		}
	}

	private void paintBox(Surface s, AxisMapping ym, BoxStats box, double cx, double bw, int color, boolean outliers) {
		if (box.n() == 0) {
			return;
		}
		double x0 = cx - bw / 2;
		double q1 = y(ym, box.q1());
		double q3 = y(ym, box.q3());
		s.lineWidth(1);
		s.color(0x55000000 | color & 0xFFFFFF);
		s.fillRect(x0, q3, bw, Math.max(1, q1 - q3));
		s.color(color);
		s.drawRect(x0, q3, bw, Math.max(1, q1 - q3));
		s.line(cx, q3, cx, y(ym, box.upperWhisker()));
		s.line(cx, q1, cx, y(ym, box.lowerWhisker()));
		s.line(cx - bw / 4, y(ym, box.upperWhisker()), cx + bw / 4, y(ym, box.upperWhisker()));
		s.line(cx - bw / 4, y(ym, box.lowerWhisker()), cx + bw / 4, y(ym, box.lowerWhisker()));
		s.lineWidth(2);
		s.line(x0, y(ym, box.median()), x0 + bw, y(ym, box.median()));
		s.lineWidth(1);
		if (outliers) {
			s.color(0xAA000000 | color & 0xFFFFFF);
			double last = Double.NaN;
			for (double v : sortedCopy(box.outlierValues())) {
				double py = y(ym, v);
				if (Double.isNaN(last) || Math.abs(py - last) >= 1) { // one mark per pixel row is all the eye can see
					s.drawCircle(cx, py, 2);
					last = py;
				}
			}
		}
	}

	private static double[] sortedCopy(double[] values) {
		double[] copy = values.clone();
		java.util.Arrays.sort(copy);
		return copy;
	}

	private void paintYAxis(Surface s, AxisMapping ym) {
		s.color(FRAME);
		for (Tick tick : yAxis.ticks(Math.max(2, areaHeight / 60))) {
			double py = y(ym, tick.value());
			if (py < top - 1 || py > top + areaHeight) {
				continue;
			}
			s.line(left - (tick.major() ? 5 : 3), py, left - 1, py);
			if (tick.major() && !tick.label().isEmpty()) {
				s.text(tick.label(), left - 7, py - s.textHeight() / 2.0, Align.RIGHT);
			}
		}
		String title = data.spec().kind() == DistributionKind.BOX ? data.spec().value().name() : "count";
		s.verticalText(title, 1, top + areaHeight / 2.0);
	}

	private void paintXAxis(Surface s) {
		double baseline = top + areaHeight;
		s.color(FRAME);
		String title;
		if (data.spec().kind() == DistributionKind.HISTOGRAM) {
			Bins bins = data.histogram().bins();
			PlotAxis x = PlotAxis.linear(bins.min(), bins.max());
			AxisMapping xm = x.map(areaWidth, false);
			for (Tick tick : x.ticks(Math.max(2, areaWidth / 90))) {
				double px = left + xm.toPixel(tick.value());
				if (px < left - 1 || px > left + areaWidth) {
					continue;
				}
				s.line(px, baseline, px, baseline + (tick.major() ? 5 : 3));
				if (tick.major() && !tick.label().isEmpty()) {
					s.text(tick.label(), px, baseline + 6, Align.CENTER);
				}
			}
			title = data.spec().value().name();
		} else {
			List<String> names = data.levels();
			int n = slots();
			double w = areaWidth / (double) Math.max(1, n);
			int widest = 1;
			for (String name : names) {
				widest = Math.max(widest, Math.min(s.textWidth(name), 120));
			}
			int every = Math.max(1, (int) Math.ceil((Math.min(widest, Math.max(w, 40)) + 6) / w));
			for (int i = 0; i < n; i += every) {
				double px = left + (i + 0.5) * w;
				s.line(px, baseline, px, baseline + 4);
				String label = names.get(i).isEmpty() ? "all rows" : names.get(i);
				s.text(shorten(s, label, (int) Math.max(w * every - 4, 20)), px, baseline + 6, Align.CENTER);
			}
			title = data.spec().kind() == DistributionKind.BAR ? data.spec().value().name()
					: data.spec().group() == null ? "" : data.spec().group().name();
		}
		s.text(title, left + areaWidth / 2.0, baseline + 24, Align.CENTER);
	}

	private void paintLegend(Surface s) {
		if (!hasLegend()) {
			return;
		}
		double x = left + areaWidth + 12;
		double y = top;
		int line = s.textHeight() + 2;
		if (data.spec().kind() == DistributionKind.HISTOGRAM && data.histogram().groupCount() > 1) {
			s.color(FRAME);
			s.text(shorten(s, data.spec().group().name(), LEGEND - 14), x, y, Align.LEFT);
			y += line + 2;
			Palette palette = Palette.categorical();
			int room = Math.max(1, (areaHeight - line * 4) / line);
			int shown = Math.min(room, data.levels().size());
			for (int g = 0; g < shown; g++) {
				s.color(data.spec().stacked() ? palette.color(g) : 0x99000000 | palette.color(g) & 0xFFFFFF);
				s.fillRect(x, y + 2, line - 6, line - 6);
				s.color(FRAME);
				s.text(shorten(s, data.levels().get(g), LEGEND - 34), x + line, y, Align.LEFT);
				y += line;
			}
			if (shown < data.levels().size()) {
				s.text(String.format(Locale.ROOT, "+ %d more", data.levels().size() - shown), x + line, y, Align.LEFT);
				y += line;
			}
			y += line / 2;
		}
		if (!data.highlight().isEmpty()) {
			s.color(HIGHLIGHT);
			s.fillRect(x, y + 2, line - 6, line - 6);
			s.color(FRAME);
			s.text(String.format(Locale.ROOT, "%,d selected", data.highlight().cardinality()), x + line, y, Align.LEFT);
		}
	}

	private static String shorten(Surface s, String text, int room) {
		if (s.textWidth(text) <= room) {
			return text;
		}
		String t = text;
		while (t.length() > 1 && s.textWidth(t + "…") > room) {
			t = t.substring(0, t.length() - 1);
		}
		return t + "…";
	}
}
