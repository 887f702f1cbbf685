// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.views;

import java.util.function.IntFunction;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.idx.plot.draw.Surface;
import org.idx.plot.draw.SvgSurface;
import org.idx.plot.render.ArgbRaster;
import org.idx.plot.svg.PngEncoder;

/**
 * A canvas that draws one chart of a few hundred shapes (so on the UI thread, from data a view
 * computed in a job) through a {@link Surface}: on screen, and with the same code as SVG or PNG for
 * export. Without a chart it shows a sentence in its place. Items of the chart (wells, bins, bars…)
 * can be clicked or enclosed by a drag of the left button, Shift adding; hovering an item shows its
 * description in the tool tip. Subclasses say how the chart is painted and which items a point or a
 * drag meets.
 *
 * @param <C> what the chart is drawn from
 */
public abstract class ChartCanvas<C> extends Canvas {

	/** How far (in pixels, x and y summed) the mouse may move between press and release for a click. */
	private static final int CLICK_SLOP = 3;

	private C chart;
	private String message;
	private IntFunction<String> describe = item -> null;
	private Point down;
	private Point dragTo;
	private int hovered = -1;

	/**
	 * @param parent  the parent composite
	 * @param message the sentence shown before there is a chart
	 */
	protected ChartCanvas(Composite parent, String message) {
		super(parent, SWT.DOUBLE_BUFFERED);
		this.message = message;
		setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		addListener(SWT.Paint, this::paint);
		addListener(SWT.Resize, event -> redraw());
		addListener(SWT.MouseDown, this::mouseDown);
		addListener(SWT.MouseMove, this::mouseMove);
		addListener(SWT.MouseUp, this::mouseUp);
		addListener(SWT.MouseExit, event -> {
			hovered = -1;
			setToolTipText(null);
		});
	}

	/**
	 * Paints the chart on a surface: the screen, a PNG snapshot or an SVG document.
	 *
	 * @param surface where to paint
	 * @param chart   what to paint
	 * @param width   the surface's width
	 * @param height  the surface's height
	 */
	protected abstract void paintChart(Surface surface, C chart, int width, int height);

	/**
	 * @param chart the chart shown
	 * @param x     a point on the canvas
	 * @param y     a point on the canvas
	 * @return the item drawn there (its tool tip is asked of {@link #describeWith}), or -1
	 */
	protected abstract int itemAt(C chart, int x, int y);

	/**
	 * A click (press and release of the left button at about the same place) on the chart.
	 *
	 * @param chart the chart shown
	 * @param at    where
	 * @param add   whether Shift was down
	 */
	protected abstract void clicked(C chart, Point at, boolean add);

	/**
	 * A drag of the left button over the chart, released.
	 *
	 * @param chart the chart shown
	 * @param from  where it started
	 * @param to    where it ended
	 * @param add   whether Shift was down
	 */
	protected abstract void dragged(C chart, Point from, Point to, boolean add);

	/**
	 * @param from where a drag started
	 * @param to   where the mouse is now
	 * @return the area the drag takes, drawn dashed while dragging: by default the rectangle between the points
	 */
	protected Rectangle dragArea(Point from, Point to) {
		return new Rectangle(Math.min(from.x, to.x), Math.min(from.y, to.y), Math.abs(to.x - from.x), Math.abs(to.y - from.y));
	}

	/** @param next the chart to draw, in place of the sentence or of the chart drawn before */
	public void setChart(C next) {
		chart = next;
		redraw();
	}

	/** @return the chart drawn, or null while a sentence is shown */
	public C chart() {
		return chart;
	}

	/** @param text the sentence shown in place of a chart, which is forgotten */
	public void setMessage(String text) {
		chart = null;
		message = text;
		redraw();
	}

	/** @return the sentence shown in place of the chart, or null when a chart is drawn */
	public String message() {
		return chart == null ? message : null;
	}

	/** @param describer the tool tip of an item (see {@link #itemAt}), or null for none */
	public void describeWith(IntFunction<String> describer) {
		describe = describer;
	}

	/** @return the chart as shown, as an SVG document, or null when none is drawn */
	public String svg() {
		if (chart == null) {
			return null;
		}
		Rectangle client = getClientArea();
		SvgSurface surface = new SvgSurface(client.width, client.height);
		paintChart(surface, chart, client.width, client.height);
		return surface.document();
	}

	/** @return the chart as shown, as a PNG file, or null when none is drawn */
	public byte[] png() {
		if (chart == null) {
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
				paintChart(surface, chart, client.width, client.height);
			} finally {
				surface.dispose();
				gc.dispose();
			}
			return PngEncoder.encode(raster(snapshot.getImageData()));
		} finally {
			snapshot.dispose();
		}
	}

	/**
	 * @param data the pixels of an SWT image
	 * @return them as an opaque ARGB raster (e.g. for {@link PngEncoder})
	 */
	public static ArgbRaster raster(ImageData data) {
		ArgbRaster raster = new ArgbRaster(data.width, data.height);
		int[] pixels = raster.pixels();
		int[] line = new int[data.width];
		PaletteData palette = data.palette;
		for (int y = 0; y < data.height; y++) {
			data.getPixels(0, y, data.width, line, 0);
			for (int x = 0; x < data.width; x++) {
				RGB rgb = palette.getRGB(line[x]);
				pixels[y * data.width + x] = 0xFF000000 | rgb.red << 16 | rgb.green << 8 | rgb.blue;
			}
		}
		return raster;
	}

	private void paint(Event event) {
		GC gc = event.gc;
		Rectangle client = getClientArea();
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(client);
		if (chart == null) {
			if (message != null) {
				gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
				Point extent = gc.textExtent(message);
				gc.drawText(message, Math.max(4, (client.width - extent.x) / 2), Math.max(4, (client.height - extent.y) / 2),
						true);
			}
			return;
		}
		GcSurface surface = new GcSurface(gc);
		try {
			paintChart(surface, chart, client.width, client.height);
		} finally {
			surface.dispose();
		}
		if (down != null && dragTo != null) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
			gc.setLineStyle(SWT.LINE_DASH);
			gc.drawRectangle(dragArea(down, dragTo));
			gc.setLineStyle(SWT.LINE_SOLID);
		}
	}

	private void mouseDown(Event event) {
		if (chart != null && event.button == 1) {
			down = new Point(event.x, event.y);
			dragTo = null;
		}
	}

	private void mouseMove(Event event) {
		if (down != null) {
			dragTo = new Point(event.x, event.y);
			redraw();
			return;
		}
		int item = chart == null ? -1 : itemAt(chart, event.x, event.y);
		if (item != hovered) {
			hovered = item;
			setToolTipText(item < 0 || describe == null ? null : describe.apply(item));
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
		if (chart == null) {
			return;
		}
		boolean add = (event.stateMask & SWT.SHIFT) != 0;
		Point end = new Point(event.x, event.y);
		if (Math.abs(end.x - start.x) + Math.abs(end.y - start.y) <= CLICK_SLOP) {
			clicked(chart, end, add);
		} else {
			dragged(chart, start, end, add);
		}
	}
}
