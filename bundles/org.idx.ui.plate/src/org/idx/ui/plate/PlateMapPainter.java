// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plate;

import org.idx.plot.axis.TickLabels;
import org.idx.plot.draw.Surface;
import org.idx.plot.draw.Surface.Align;
import org.idx.plot.plate.PlateFormat;
import org.idx.plot.render.ColorRamp;
import org.idx.plot.render.Palette;

/**
 * Draws one plate: a grid of wells coloured by a per-well value on the viridis ramp, row letters
 * and column numbers, a legend, and the wells holding rows selected elsewhere outlined with their
 * count. It also maps pixels to wells, so the canvas and the SVG export share one geometry.
 */
final class PlateMapPainter {

	static final int LEFT = 30;
	static final int TOP = 22;
	static final int RIGHT = 8;
	static final int BOTTOM = 8;
	static final int LEGEND = 130;

	static final int EMPTY_FILL = 0xFFFFFFFF;
	static final int EMPTY_LINE = 0xFFC8C8C8;
	static final int TEXT = 0xFF404040;
	/** The scatter plot's highlight colour. */
	static final int HIGHLIGHT = 0xFFFF3D00;

	/**
	 * What to draw.
	 *
	 * @param grid the cells drawn (a standard format, or an HCS plate's own rows and columns)
	 * @param values the value per well (NaN where there is none)
	 * @param counts the rows per well (0 = empty well, drawn empty)
	 * @param selected the rows per well selected elsewhere, or null
	 * @param title the legend title, e.g. "mean area"
	 * @param min the value at the low end of the ramp
	 * @param max the value at the high end of the ramp
	 */
	record Picture(PlateGrid grid, double[] values, int[] counts, int[] selected, String title, double min,
			double max) {

		/** @return the format the values are indexed by */
		PlateFormat format() {
			return grid.format();
		}
	}

	/** The outline of a grid cell that is no well of the plate. */
	static final int NO_WELL_LINE = 0xFFE6E6E6;

	private final int width;
	private final PlateGrid format;
	private final double cell;

	/**
	 * @param grid the cells drawn
	 * @param width the drawing width
	 * @param height the drawing height
	 */
	PlateMapPainter(PlateGrid grid, int width, int height) {
		this.format = grid;
		this.width = width;
		double w = (width - LEFT - RIGHT - LEGEND) / (double) format.columns();
		double h = (height - TOP - BOTTOM) / (double) format.rows();
		cell = Math.max(1, Math.min(w, h));
	}

	/** @return the side of one well's cell in pixels */
	double cell() {
		return cell;
	}

	/**
	 * @param x a pixel x
	 * @param y a pixel y
	 * @return the well index under it, or -1
	 */
	int wellAt(double x, double y) {
		int column = (int) Math.floor((x - LEFT) / cell);
		int row = (int) Math.floor((y - TOP) / cell);
		if (x < LEFT || y < TOP || column >= format.columns() || row >= format.rows()) {
			return -1;
		}
		return format.well(row, column);
	}

	/**
	 * @param x0 one corner x
	 * @param y0 one corner y
	 * @param x1 the other corner x
	 * @param y1 the other corner y
	 * @return the wells whose centres lie in the rectangle, as {row0, col0, row1, col1} (inclusive), or null
	 */
	int[] wellsIn(double x0, double y0, double x1, double y1) {
		int c0 = (int) Math.ceil((Math.min(x0, x1) - LEFT) / cell - 0.5);
		int c1 = (int) Math.floor((Math.max(x0, x1) - LEFT) / cell - 0.5);
		int r0 = (int) Math.ceil((Math.min(y0, y1) - TOP) / cell - 0.5);
		int r1 = (int) Math.floor((Math.max(y0, y1) - TOP) / cell - 0.5);
		c0 = Math.max(0, c0);
		r0 = Math.max(0, r0);
		c1 = Math.min(format.columns() - 1, c1);
		r1 = Math.min(format.rows() - 1, r1);
		return c0 > c1 || r0 > r1 ? null : new int[] { r0, c0, r1, c1 };
	}

	/**
	 * @param well a well index
	 * @return the centre of its cell, {x, y}
	 */
	double[] centre(int well) {
		int at = format.cellOf(well);
		int row = Math.max(0, at) / format.columns();
		int column = Math.max(0, at) % format.columns();
		return new double[] { LEFT + (column + 0.5) * cell, TOP + (row + 0.5) * cell };
	}

	void paint(Surface s, Picture picture) {
		ColorRamp ramp = ColorRamp.viridis();
		double radius = cell * 0.42;
		boolean round = cell >= 9;
		int every = Math.max(1, (int) Math.ceil(s.textHeight() / cell));
		int everyColumn = Math.max(1, (int) Math.ceil((s.textWidth("48") + 4) / cell));
		s.color(TEXT);
		for (int c = 0; c < format.columns(); c += everyColumn) {
			s.text(format.columnNames().get(c), LEFT + (c + 0.5) * cell, TOP - s.textHeight() - 2, Align.CENTER);
		}
		for (int r = 0; r < format.rows(); r += every) {
			s.text(format.rowNames().get(r), LEFT - 6, TOP + (r + 0.5) * cell - s.textHeight() / 2.0, Align.RIGHT);
		}
		for (int at = 0; at < format.rows() * format.columns(); at++) {
			int w = format.well(at / format.columns(), at % format.columns());
			double[] c = { LEFT + (at % format.columns() + 0.5) * cell, TOP + (at / format.columns() + 0.5) * cell };
			if (w < 0) {
				// A cell of the plate's grid that is no well: a faint cross, distinct from an empty well.
				s.color(NO_WELL_LINE);
				s.lineWidth(1);
				double d = Math.max(1, cell * 0.18);
				s.line(c[0] - d, c[1] - d, c[0] + d, c[1] + d);
				s.line(c[0] - d, c[1] + d, c[0] + d, c[1] - d);
				continue;
			}
			boolean empty = picture.counts()[w] == 0;
			double v = picture.values()[w];
			int fill = empty ? EMPTY_FILL : Double.isNaN(v) ? Palette.NA_COLOR : ramp.color(fraction(v, picture));
			s.color(fill);
			s.lineWidth(1);
			if (round) {
				s.fillCircle(c[0], c[1], radius);
			} else {
				s.fillRect(c[0] - cell / 2, c[1] - cell / 2, Math.max(1, cell - 1), Math.max(1, cell - 1));
			}
			if (empty && round) {
				s.color(EMPTY_LINE);
				s.drawCircle(c[0], c[1], radius);
			}
		}
		if (picture.selected() != null) {
			for (int w = 0; w < picture.selected().length; w++) {
				int n = picture.selected()[w];
				if (n == 0 || format.cellOf(w) < 0) {
					continue;
				}
				double[] c = centre(w);
				s.color(HIGHLIGHT);
				s.lineWidth(cell >= 14 ? 3 : 2);
				if (round) {
					s.drawCircle(c[0], c[1], radius + 1);
				} else {
					s.drawRect(c[0] - cell / 2, c[1] - cell / 2, cell, cell);
				}
				String label = Integer.toString(n);
				if (cell >= 24 && s.textWidth(label) < 2 * radius - 2) {
					s.color(0xFFFFFFFF);
					s.fillRect(c[0] - s.textWidth(label) / 2.0 - 1, c[1] - s.textHeight() / 2.0,
							s.textWidth(label) + 2, s.textHeight());
					s.color(HIGHLIGHT);
					s.text(label, c[0], c[1] - s.textHeight() / 2.0, Align.CENTER);
				}
			}
			s.lineWidth(1);
		}
		paintLegend(s, picture, ramp);
	}

	private static double fraction(double v, Picture picture) {
		return picture.max() > picture.min() ? (v - picture.min()) / (picture.max() - picture.min()) : 0.5;
	}

	private void paintLegend(Surface s, Picture picture, ColorRamp ramp) {
		double x = Math.min(width - LEGEND + 8, LEFT + format.columns() * cell + 16);
		double y = TOP;
		int line = s.textHeight();
		s.color(TEXT);
		s.text(picture.title(), x, y - line - 2, Align.LEFT);
		int bar = (int) Math.max(30, Math.min(180, format.rows() * cell - 3 * line));
		for (int i = 0; i < bar; i++) {
			s.color(ramp.color(1 - i / (double) (bar - 1)));
			s.fillRect(x, y + i, 14, 1);
		}
		s.color(TEXT);
		s.drawRect(x, y, 14, bar);
		if (Double.isFinite(picture.min())) {
			s.text(TickLabels.significant(picture.max(), 4), x + 20, y - 2, Align.LEFT);
			s.text(TickLabels.significant(picture.min(), 4), x + 20, y + bar - line + 2, Align.LEFT);
		}
		double yy = y + bar + 8;
		s.color(EMPTY_FILL);
		s.fillCircle(x + 7, yy + line / 2.0, 6);
		s.color(EMPTY_LINE);
		s.drawCircle(x + 7, yy + line / 2.0, 6);
		s.color(TEXT);
		s.text("no rows", x + 20, yy, Align.LEFT);
		if (format.present() != null) {
			yy += line + 4;
			s.color(NO_WELL_LINE);
			s.line(x + 3, yy + line / 2.0 - 4, x + 11, yy + line / 2.0 + 4);
			s.line(x + 3, yy + line / 2.0 + 4, x + 11, yy + line / 2.0 - 4);
			s.color(TEXT);
			s.text("no well", x + 20, yy, Align.LEFT);
		}
		if (picture.selected() != null) {
			yy += line + 4;
			s.color(HIGHLIGHT);
			s.lineWidth(2);
			s.drawCircle(x + 7, yy + line / 2.0, 6);
			s.lineWidth(1);
			s.color(TEXT);
			s.text("selected rows", x + 20, yy, Align.LEFT);
		}
	}
}
