// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.anova;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Transform;
import org.idx.plot.axis.AxisMapping;
import org.idx.plot.axis.Tick;
import org.idx.plot.stats.BoxStats;

/** Draws a box plot with a GC: on the report's canvas and into the image Export PNG saves. */
final class BoxPlotPainter {

	private BoxPlotPainter() {
	}

	/**
	 * @param gc     the GC
	 * @param data   the box plot
	 * @param width  the drawing's width
	 * @param height the drawing's height
	 */
	static void paint(GC gc, BoxPlotData data, int width, int height) {
		BoxPlotLayout layout = new BoxPlotLayout(data, width, height);
		gc.setAntialias(SWT.ON);
		gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(0, 0, width, height);
		Color black = gc.getDevice().getSystemColor(SWT.COLOR_BLACK);
		gc.setForeground(black);
		gc.drawRectangle(layout.left(), layout.top(), layout.plotWidth(), layout.plotHeight());
		AxisMapping y = layout.y();
		int fontHeight = gc.getFontMetrics().getHeight();
		for (Tick tick : layout.ticks()) {
			if (!tick.major()) {
				continue;
			}
			int py = (int) Math.round(layout.top() + y.toPixel(tick.value()));
			gc.drawLine(layout.left() - 5, py, layout.left(), py);
			Point extent = gc.textExtent(tick.label());
			gc.drawText(tick.label(), layout.left() - 8 - extent.x, py - fontHeight / 2, true);
		}
		drawRotated(gc, data.valueName(), 4, layout.top() + layout.plotHeight() / 2 + gc.textExtent(data.valueName()).x / 2, -90);
		Color fill = new Color(gc.getDevice(), 0x9e, 0xca, 0xe1);
		try {
			for (int g = 0; g < data.boxes().length; g++) {
				BoxStats box = data.boxes()[g];
				int cx = (int) Math.round(layout.centre(g));
				int half = layout.boxWidth() / 2;
				if (box.n() > 0) {
					int q1 = (int) Math.round(layout.top() + y.toPixel(box.q1()));
					int q3 = (int) Math.round(layout.top() + y.toPixel(box.q3()));
					int median = (int) Math.round(layout.top() + y.toPixel(box.median()));
					int low = (int) Math.round(layout.top() + y.toPixel(box.lowerWhisker()));
					int high = (int) Math.round(layout.top() + y.toPixel(box.upperWhisker()));
					gc.drawLine(cx, high, cx, q3);
					gc.drawLine(cx, q1, cx, low);
					gc.drawLine(cx - half / 2, high, cx + half / 2, high);
					gc.drawLine(cx - half / 2, low, cx + half / 2, low);
					gc.setBackground(fill);
					gc.fillRectangle(cx - half, q3, 2 * half, Math.max(1, q1 - q3));
					gc.drawRectangle(cx - half, q3, 2 * half, Math.max(1, q1 - q3));
					gc.setLineWidth(2);
					gc.drawLine(cx - half, median, cx + half, median);
					gc.setLineWidth(1);
					int drawn = 0;
					for (double outlier : box.outlierValues()) {
						if (++drawn > 5000) {
							break; // enough to show where they are
						}
						int oy = (int) Math.round(layout.top() + y.toPixel(outlier));
						gc.drawOval(cx - 2, oy - 2, 4, 4);
					}
				}
				String name = data.names().get(g);
				drawRotated(gc, name, cx - gc.textExtent(name).x * 0.77, layout.top() + layout.plotHeight() + 6
						+ gc.textExtent(name).x * 0.64, -40);
			}
		} finally {
			fill.dispose();
		}
	}

	private static void drawRotated(GC gc, String text, double x, double y, float degrees) {
		Transform transform = new Transform(gc.getDevice());
		try {
			transform.translate((float) x, (float) y);
			transform.rotate(degrees);
			gc.setTransform(transform);
			gc.drawText(text, 0, 0, true);
		} finally {
			gc.setTransform(null);
			transform.dispose();
		}
	}
}
