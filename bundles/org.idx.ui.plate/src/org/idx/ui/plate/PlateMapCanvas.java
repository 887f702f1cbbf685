// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plate;

import java.util.BitSet;
import java.util.function.BiConsumer;
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
import org.idx.plot.draw.SvgSurface;
import org.idx.plot.render.ArgbRaster;
import org.idx.plot.svg.PngEncoder;
import org.idx.ui.views.GcSurface;

/**
 * The plate drawing: wells coloured by their value, a click selects a well's rows, Shift adds,
 * a drag selects the wells under a rectangle; hovering names the well in the tool tip. Painting is
 * cheap (one shape per well), so it happens on the UI thread; the data behind it is computed in a
 * job by the view.
 */
final class PlateMapCanvas extends Canvas {

	private PlateMapPainter.Picture picture;
	private String message = "Open a table to see its plate map.";
	private BiConsumer<BitSet, Boolean> onSelect = (wells, add) -> {
	};
	private IntFunction<String> describe = well -> null;
	private Point down;
	private Point dragTo;
	private int hovered = -1;

	PlateMapCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED);
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

	void setPicture(PlateMapPainter.Picture next) {
		picture = next;
		message = null;
		redraw();
	}

	void setMessage(String text) {
		picture = null;
		message = text;
		redraw();
	}

	String message() {
		return picture == null ? message : null;
	}

	PlateMapPainter.Picture picture() {
		return picture;
	}

	/** @param listener told the wells clicked or enclosed, and whether Shift was down */
	void onSelect(BiConsumer<BitSet, Boolean> listener) {
		onSelect = listener;
	}

	/** @param describer the tool tip of a well */
	void describeWith(IntFunction<String> describer) {
		describe = describer;
	}

	PlateMapPainter painter() {
		Rectangle client = getClientArea();
		return picture == null ? null : new PlateMapPainter(picture.grid(), client.width, client.height);
	}

	/**
	 * @param well a well index
	 * @return the centre of the well on the canvas, or null when no plate is shown
	 */
	Point wellCentre(int well) {
		PlateMapPainter painter = painter();
		if (painter == null) {
			return null;
		}
		double[] c = painter.centre(well);
		return new Point((int) Math.round(c[0]), (int) Math.round(c[1]));
	}

	private void paint(Event event) {
		GC gc = event.gc;
		Rectangle client = getClientArea();
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(client);
		if (picture == null) {
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
			painter().paint(surface, picture);
		} finally {
			surface.dispose();
		}
		if (down != null && dragTo != null) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
			gc.setLineStyle(SWT.LINE_DASH);
			gc.drawRectangle(Math.min(down.x, dragTo.x), Math.min(down.y, dragTo.y), Math.abs(dragTo.x - down.x),
					Math.abs(dragTo.y - down.y));
			gc.setLineStyle(SWT.LINE_SOLID);
		}
	}

	private void mouseDown(Event event) {
		if (picture != null && event.button == 1) {
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
		PlateMapPainter painter = painter();
		int well = painter == null ? -1 : painter.wellAt(event.x, event.y);
		if (well != hovered) {
			hovered = well;
			setToolTipText(well < 0 ? null : describe.apply(well));
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
		PlateMapPainter painter = painter();
		if (painter == null) {
			return;
		}
		boolean add = (event.stateMask & SWT.SHIFT) != 0;
		BitSet wells = new BitSet();
		if (Math.abs(event.x - start.x) + Math.abs(event.y - start.y) <= 3) {
			int well = painter.wellAt(event.x, event.y);
			if (well >= 0) {
				wells.set(well);
			}
		} else {
			int[] box = painter.wellsIn(start.x, start.y, event.x, event.y);
			if (box != null) {
				for (int r = box[0]; r <= box[2]; r++) {
					for (int c = box[1]; c <= box[3]; c++) {
						int well = picture.grid().well(r, c);
						if (well >= 0) {
							wells.set(well);
						}
					}
				}
			}
		}
		onSelect.accept(wells, add);
	}

	/** @return the plate as shown, as an SVG document, or null */
	String svg() {
		if (picture == null) {
			return null;
		}
		Rectangle client = getClientArea();
		SvgSurface surface = new SvgSurface(client.width, client.height);
		new PlateMapPainter(picture.grid(), client.width, client.height).paint(surface, picture);
		return surface.document();
	}

	/** @return the plate as shown, as a PNG file, or null */
	byte[] png() {
		if (picture == null) {
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
				painter().paint(surface, picture);
			} finally {
				surface.dispose();
				gc.dispose();
			}
			return PngEncoder.encode(raster(snapshot.getImageData()));
		} finally {
			snapshot.dispose();
		}
	}

	static ArgbRaster raster(ImageData data) {
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
}
