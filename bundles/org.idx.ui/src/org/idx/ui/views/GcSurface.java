// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.views;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Transform;
import org.idx.plot.draw.Surface;

/**
 * A {@link Surface} that draws with an SWT {@link GC}: views paint their charts through it on
 * screen and through an {@link org.idx.plot.draw.SvgSurface} for export, with the same code.
 * {@link #dispose()} releases the colours it made (not the GC).
 */
public final class GcSurface implements Surface {

	private final GC gc;
	private final Map<Integer, Color> colors = new HashMap<>();

	/** @param gc the GC to draw with; the caller keeps owning it */
	public GcSurface(GC gc) {
		this.gc = gc;
		gc.setAntialias(org.eclipse.swt.SWT.ON);
		gc.setTextAntialias(org.eclipse.swt.SWT.ON);
	}

	@Override
	public void color(int argb) {
		Color color = colors.computeIfAbsent(argb,
				c -> new Color(gc.getDevice(), (c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF));
		gc.setForeground(color);
		gc.setBackground(color);
		gc.setAlpha(argb >>> 24);
	}

	@Override
	public void lineWidth(int width) {
		gc.setLineWidth(Math.max(1, width));
	}

	@Override
	public void fillRect(double x, double y, double width, double height) {
		int x0 = (int) Math.round(x);
		int y0 = (int) Math.round(y);
		gc.fillRectangle(x0, y0, (int) Math.round(x + width) - x0, (int) Math.round(y + height) - y0);
	}

	@Override
	public void drawRect(double x, double y, double width, double height) {
		gc.drawRectangle((int) Math.round(x), (int) Math.round(y), (int) Math.round(width), (int) Math.round(height));
	}

	@Override
	public void line(double x1, double y1, double x2, double y2) {
		gc.drawLine((int) Math.round(x1), (int) Math.round(y1), (int) Math.round(x2), (int) Math.round(y2));
	}

	@Override
	public void fillCircle(double cx, double cy, double radius) {
		int d = (int) Math.round(2 * radius);
		gc.fillOval((int) Math.round(cx - radius), (int) Math.round(cy - radius), d, d);
	}

	@Override
	public void drawCircle(double cx, double cy, double radius) {
		int d = (int) Math.round(2 * radius);
		gc.drawOval((int) Math.round(cx - radius), (int) Math.round(cy - radius), d, d);
	}

	@Override
	public void text(String text, double x, double y, Align align) {
		int width = align == Align.LEFT ? 0 : gc.textExtent(text).x;
		int left = (int) Math.round(align == Align.CENTER ? x - width / 2.0 : align == Align.RIGHT ? x - width : x);
		gc.drawText(text, left, (int) Math.round(y), true);
	}

	@Override
	public void verticalText(String text, double x, double y) {
		Point extent = gc.textExtent(text);
		Transform transform = new Transform(gc.getDevice());
		try {
			transform.translate((float) x, (float) (y + extent.x / 2.0));
			transform.rotate(-90);
			gc.setTransform(transform);
			gc.drawText(text, 0, 0, true);
		} finally {
			gc.setTransform(null);
			transform.dispose();
		}
	}

	@Override
	public int textWidth(String text) {
		return gc.textExtent(text).x;
	}

	@Override
	public int textHeight() {
		return gc.getFontMetrics().getHeight();
	}

	/** Releases the colours made while drawing. */
	public void dispose() {
		gc.setAlpha(255);
		colors.values().forEach(Color::dispose);
		colors.clear();
	}
}
