// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plot;

import java.util.function.IntFunction;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.idx.plot.draw.SvgSurface;
import org.idx.plot.svg.PngEncoder;
import org.idx.ui.views.GcSurface;

/**
 * The distribution chart widget: paints the counts the view computed (a few hundred shapes, so on
 * the UI thread), a click picks the bin, level or group under the mouse, a horizontal drag a range
 * of them, Shift adds; hovering shows the counts in the tool tip.
 */
final class DistributionCanvas extends Canvas {

	/** Told the first and last slot picked and whether Shift was down. */
	interface SlotListener {
		void picked(int from, int to, boolean add);
	}

	private DistributionData data;
	private String message = "Open a table to see its distributions.";
	private SlotListener onPick = (from, to, add) -> {
	};
	private IntFunction<String> describe = slot -> null;
	private Point down;
	private Point dragTo;
	private int hovered = -1;

	DistributionCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED);
		setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		addListener(SWT.Paint, this::paint);
		addListener(SWT.Resize, event -> redraw());
		addListener(SWT.MouseDown, event -> {
			if (data != null && event.button == 1) {
				down = new Point(event.x, event.y);
			}
		});
		addListener(SWT.MouseMove, this::mouseMove);
		addListener(SWT.MouseUp, this::mouseUp);
		addListener(SWT.MouseExit, event -> {
			hovered = -1;
			setToolTipText(null);
		});
	}

	void setData(DistributionData next) {
		data = next;
		message = null;
		redraw();
	}

	void setMessage(String text) {
		data = null;
		message = text;
		redraw();
	}

	String message() {
		return data == null ? message : null;
	}

	DistributionData data() {
		return data;
	}

	void onPick(SlotListener listener) {
		onPick = listener;
	}

	void describeWith(IntFunction<String> describer) {
		describe = describer;
	}

	DistributionPainter painter() {
		Rectangle client = getClientArea();
		return data == null ? null : new DistributionPainter(data, client.width, client.height);
	}

	private void paint(Event event) {
		GC gc = event.gc;
		Rectangle client = getClientArea();
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(client);
		if (data == null) {
			if (message != null) {
				gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
				Point extent = gc.textExtent(message);
				gc.drawText(message, Math.max(4, (client.width - extent.x) / 2),
						Math.max(4, (client.height - extent.y) / 2), true);
			}
			return;
		}
		GcSurface surface = new GcSurface(gc);
		try {
			painter().paint(surface);
		} finally {
			surface.dispose();
		}
		if (down != null && dragTo != null) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
			gc.setLineStyle(SWT.LINE_DASH);
			gc.drawRectangle(Math.min(down.x, dragTo.x), DistributionPainter.TOP, Math.abs(dragTo.x - down.x),
					client.height - DistributionPainter.TOP - DistributionPainter.BOTTOM);
			gc.setLineStyle(SWT.LINE_SOLID);
		}
	}

	private void mouseMove(Event event) {
		if (down != null) {
			dragTo = new Point(event.x, event.y);
			redraw();
			return;
		}
		DistributionPainter painter = painter();
		int slot = painter == null ? -1 : painter.slotAt(event.x, event.y);
		if (slot != hovered) {
			hovered = slot;
			setToolTipText(slot < 0 ? null : describe.apply(slot));
		}
	}

	private void mouseUp(Event event) {
		if (down == null) {
			return;
		}
		Point start = down;
		down = null;
		dragTo = null;
		redraw();
		DistributionPainter painter = painter();
		if (painter == null) {
			return;
		}
		boolean add = (event.stateMask & SWT.SHIFT) != 0;
		if (Math.abs(event.x - start.x) + Math.abs(event.y - start.y) <= 3) {
			int slot = painter.slotAt(event.x, event.y);
			if (slot >= 0) {
				onPick.picked(slot, slot, add);
			} else if (!add) {
				onPick.picked(-1, -1, false);
			}
		} else {
			int[] range = painter.slotsBetween(start.x, event.x);
			if (range != null) {
				onPick.picked(range[0], range[1], add);
			}
		}
	}

	/**
	 * @param slot a bin, level or group
	 * @return the middle of its bar or box on the canvas, or null when nothing is drawn
	 */
	Point slotCentre(int slot) {
		DistributionPainter painter = painter();
		if (painter == null) {
			return null;
		}
		double[] c = painter.centre(slot);
		return new Point((int) Math.round(c[0]), (int) Math.round(c[1]));
	}

	/** @return the chart as shown, as SVG, or null */
	String svg() {
		if (data == null) {
			return null;
		}
		Rectangle client = getClientArea();
		SvgSurface surface = new SvgSurface(client.width, client.height);
		new DistributionPainter(data, client.width, client.height).paint(surface);
		return surface.document();
	}

	/** @return the chart as shown, as PNG, or null */
	byte[] png() {
		if (data == null) {
			return null;
		}
		Rectangle client = getClientArea();
		Image snapshot = new Image(getDisplay(), Math.max(1, client.width), Math.max(1, client.height));
		try {
			GC gc = new GC(snapshot);
			GcSurface surface = new GcSurface(gc);
			try {
				gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
				gc.fillRectangle(0, 0, client.width, client.height);
				painter().paint(surface);
			} finally {
				surface.dispose();
				gc.dispose();
			}
			return PngEncoder.encode(ScatterCanvas.raster(snapshot.getImageData()));
		} finally {
			snapshot.dispose();
		}
	}
}
