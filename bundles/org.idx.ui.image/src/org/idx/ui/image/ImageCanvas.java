// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.image;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * Shows one rendered image (ARGB pixels made off the UI thread) with zoom and pan, and markers at
 * object positions. Only the part in view is resampled, at screen resolution, so a paint costs the
 * same for a 256&sup2; and a 4096&sup2; image. The pixels may be a coarser level of the image than its
 * full resolution (a pyramid level): zoom, pan, markers and pointer positions are always in
 * full-resolution pixels, and the pixels are stretched over the full-resolution extent. Over them may lie
 * a detail window: the pixels of a finer level for the part in view ({@link #setDetail}), drawn where it
 * reaches, the coarser pixels elsewhere. The wheel zooms about the cursor, a drag pans, a double
 * click fits; a click near a marker reports that marker's row. When there is nothing to show, the
 * canvas shows a sentence saying why.
 */
public final class ImageCanvas extends Canvas {

	/** How a marker is drawn. */
	public enum MarkerKind {
		/** Another object of the image. */
		OBJECT,
		/** A selected row of the image. */
		SELECTED,
		/** The focused row. */
		FOCUS
	}

	private static final int PICK_RADIUS = 8;
	private static final int DRAG_THRESHOLD = 3;
	private static final int BACKGROUND = 0x303030;

	private int[] argb;
	private int pixelsWidth;
	private int pixelsHeight;
	private int imageWidth;
	private int imageHeight;
	private double scale = 1;
	private double originX;
	private double originY;
	private boolean fitted = true;

	private int[] detail;
	private int detailLevelWidth;
	private int detailLevelHeight;
	private int detailX;
	private int detailY;
	private int detailWidth;
	private int detailHeight;

	private String message;
	private String notice;

	private int[] markerRows = new int[0];
	private double[] markerX = new double[0];
	private double[] markerY = new double[0];
	private MarkerKind[] markerKinds = new MarkerKind[0];

	private Image view;
	private Point dragStart;
	private double dragOriginX;
	private double dragOriginY;
	private boolean dragged;

	private Consumer<double[]> onPointer = p -> {
	};
	private Runnable onZoom = () -> {
	};
	private Runnable onView = () -> {
	};
	private BiConsumer<Integer, Integer> onMarker = (row, state) -> {
	};

	/** @param parent the parent */
	public ImageCanvas(Composite parent) {
		super(parent, SWT.NO_BACKGROUND | SWT.DOUBLE_BUFFERED);
		addListener(SWT.Paint, event -> paint(event.gc, getClientArea()));
		addListener(SWT.Resize, event -> {
			if (fitted) {
				fit();
				onZoom.run();
			}
			dropView();
			onView.run();
		});
		addListener(SWT.MouseVerticalWheel, this::wheel);
		addListener(SWT.MouseDown, this::mouseDown);
		addListener(SWT.MouseMove, this::mouseMove);
		addListener(SWT.MouseUp, this::mouseUp);
		addListener(SWT.MouseExit, event -> onPointer.accept(null));
		addListener(SWT.MouseDoubleClick, event -> zoomToFit());
		addListener(SWT.Dispose, event -> dropView());
	}

	// ---------------------------------------------------------------- content

	/**
	 * Shows an image.
	 *
	 * @param pixels   opaque ARGB pixels, row-major, taken over
	 * @param width    width
	 * @param height   height
	 * @param keepView whether to keep zoom and pan (a new plane of the same image); else fit
	 */
	public void setImage(int[] pixels, int width, int height, boolean keepView) {
		setImage(pixels, width, height, width, height, keepView);
	}

	/**
	 * Shows an image whose pixels may be a coarser level than its full resolution.
	 *
	 * @param pixels      opaque ARGB pixels, row-major, {@code width * height}, taken over
	 * @param width       the pixels' width
	 * @param height      the pixels' height
	 * @param fullWidth   the image's full-resolution width (the unit of positions)
	 * @param fullHeight  the image's full-resolution height
	 * @param keepView    whether to keep zoom and pan (the same image again); else fit
	 */
	public void setImage(int[] pixels, int width, int height, int fullWidth, int fullHeight, boolean keepView) {
		if ((long) width * height != pixels.length) {
			throw new IllegalArgumentException(pixels.length + " pixels for " + width + "x" + height);
		}
		boolean sameSize = argb != null && fullWidth == imageWidth && fullHeight == imageHeight;
		if (!(keepView && sameSize)) {
			detail = null;
		}
		argb = pixels;
		pixelsWidth = width;
		pixelsHeight = height;
		imageWidth = fullWidth;
		imageHeight = fullHeight;
		message = null;
		if (!(keepView && sameSize)) {
			fit();
			onZoom.run();
		}
		dropView();
		redraw();
	}

	/**
	 * Shows the pixels of a finer level over part of the image (the tiles in view of a level too large to
	 * show whole); the image's own pixels stay drawn around it.
	 *
	 * @param pixels      opaque ARGB pixels of the window, row-major, {@code width * height}, taken over
	 * @param levelWidth  the width of the level's plane
	 * @param levelHeight the height of the level's plane
	 * @param x           the window's left column in the level
	 * @param y           the window's top row in the level
	 * @param width       the window's width
	 * @param height      the window's height
	 */
	public void setDetail(int[] pixels, int levelWidth, int levelHeight, int x, int y, int width, int height) {
		if ((long) width * height != pixels.length) {
			throw new IllegalArgumentException(pixels.length + " pixels for " + width + "x" + height);
		}
		detail = pixels;
		detailLevelWidth = levelWidth;
		detailLevelHeight = levelHeight;
		detailX = x;
		detailY = y;
		detailWidth = width;
		detailHeight = height;
		dropView();
		redraw();
	}

	/** Drops the detail window: the image's own pixels are drawn everywhere. */
	public void clearDetail() {
		if (detail != null) {
			detail = null;
			dropView();
			redraw();
		}
	}

	/** @return whether a detail window is drawn */
	public boolean hasDetail() {
		return detail != null;
	}

	/**
	 * @return the full-resolution rectangle in view: left, top, right, bottom (may reach past the image)
	 */
	public double[] visibleArea() {
		Rectangle area = getClientArea();
		double[] a = imagePosition(0, 0);
		double[] b = imagePosition(area.width, area.height);
		return new double[] { a[0], a[1], b[0], b[1] };
	}

	/** @param text a sentence shown instead of the image (the image is dropped), or null */
	public void setMessage(String text) {
		message = text;
		if (text != null) {
			argb = null;
			detail = null;
			setMarkers(new int[0], new double[0], new double[0], new MarkerKind[0]);
		}
		dropView();
		redraw();
	}

	/** @return the sentence shown instead of an image, or null */
	public String message() {
		return message;
	}

	/** @param text a sentence shown over the image (e.g. an anchor outside it), or null */
	public void setNotice(String text) {
		notice = text;
		redraw();
	}

	/** @return the sentence shown over the image, or null */
	public String notice() {
		return notice;
	}

	/** @return whether an image is shown */
	public boolean hasImage() {
		return argb != null;
	}

	/**
	 * @param rows  the row of each marker
	 * @param x     image x of each marker
	 * @param y     image y of each marker
	 * @param kinds how each is drawn
	 */
	public void setMarkers(int[] rows, double[] x, double[] y, MarkerKind[] kinds) {
		markerRows = rows;
		markerX = x;
		markerY = y;
		markerKinds = kinds;
		redraw();
	}

	/** @param listener told the image pixel under the pointer ({x, y}) or null when it leaves the image */
	public void onPointer(Consumer<double[]> listener) {
		onPointer = listener;
	}

	/** @param listener told when the scale changes (zoom, fit, a resize of a fitted view) */
	public void onZoom(Runnable listener) {
		onZoom = listener;
	}

	/** @param listener told when the part in view changes (zoom, pan, resize) */
	public void onView(Runnable listener) {
		onView = listener;
	}

	/** @param listener told the row of a clicked marker and the click's state mask */
	public void onMarker(BiConsumer<Integer, Integer> listener) {
		onMarker = listener;
	}

	// ---------------------------------------------------------------- zoom and pan

	/** Fits the whole image in the canvas. */
	public void zoomToFit() {
		fit();
		dropView();
		redraw();
		onZoom.run();
		onView.run();
	}

	/** Shows one image pixel per screen pixel, keeping the centre. */
	public void zoomActual() {
		Rectangle area = getClientArea();
		zoomAbout(1 / scale, area.width / 2.0, area.height / 2.0);
	}

	/**
	 * @param factor zoom factor
	 * @param cx     canvas x kept in place
	 * @param cy     canvas y kept in place
	 */
	public void zoomAbout(double factor, double cx, double cy) {
		double next = Math.clamp(scale * factor, 1.0 / 64, 64);
		double f = next / scale;
		originX = cx - (cx - originX) * f;
		originY = cy - (cy - originY) * f;
		scale = next;
		fitted = false;
		dropView();
		redraw();
		onZoom.run();
		onView.run();
	}

	/**
	 * Pans, as a drag does.
	 *
	 * @param dx canvas pixels to the right
	 * @param dy canvas pixels down
	 */
	public void panBy(double dx, double dy) {
		originX += dx;
		originY += dy;
		fitted = false;
		dropView();
		redraw();
		onView.run();
	}

	/** @return canvas pixels per image pixel */
	public double scale() {
		return scale;
	}

	private void fit() {
		Rectangle area = getClientArea();
		if (imageWidth <= 0 || area.width <= 0 || area.height <= 0) {
			scale = 1;
			originX = 0;
			originY = 0;
		} else {
			scale = Math.min((double) area.width / imageWidth, (double) area.height / imageHeight);
			originX = (area.width - imageWidth * scale) / 2;
			originY = (area.height - imageHeight * scale) / 2;
		}
		fitted = true;
	}

	/**
	 * @param x image x
	 * @param y image y
	 * @return where that image position is on the canvas
	 */
	public Point canvasPosition(double x, double y) {
		return new Point((int) Math.round(originX + x * scale), (int) Math.round(originY + y * scale));
	}

	/**
	 * @param cx canvas x
	 * @param cy canvas y
	 * @return the image position there (may lie outside the image)
	 */
	public double[] imagePosition(int cx, int cy) {
		return new double[] { (cx - originX) / scale, (cy - originY) / scale };
	}

	private void wheel(Event event) {
		if (argb != null) {
			zoomAbout(event.count > 0 ? 1.25 : 0.8, event.x, event.y);
		}
	}

	private void mouseDown(Event event) {
		if (event.button == 1 || event.button == 2) {
			dragStart = new Point(event.x, event.y);
			dragOriginX = originX;
			dragOriginY = originY;
			dragged = false;
		}
	}

	private void mouseMove(Event event) {
		if (dragStart != null) {
			int dx = event.x - dragStart.x;
			int dy = event.y - dragStart.y;
			if (dragged || Math.abs(dx) > DRAG_THRESHOLD || Math.abs(dy) > DRAG_THRESHOLD) {
				dragged = true;
				originX = dragOriginX + dx;
				originY = dragOriginY + dy;
				fitted = false;
				dropView();
				redraw();
				onView.run();
			}
		}
		if (argb != null) {
			double[] p = imagePosition(event.x, event.y);
			boolean inside = p[0] >= 0 && p[1] >= 0 && p[0] < imageWidth && p[1] < imageHeight;
			onPointer.accept(inside ? new double[] { Math.floor(p[0]), Math.floor(p[1]) } : null);
		}
	}

	private void mouseUp(Event event) {
		boolean click = dragStart != null && !dragged && event.button == 1;
		dragStart = null;
		if (click) {
			int row = markerAt(event.x, event.y);
			if (row >= 0) {
				onMarker.accept(row, event.stateMask);
			}
		}
	}

	/**
	 * @param cx canvas x
	 * @param cy canvas y
	 * @return the row of the nearest marker within a few pixels, or -1
	 */
	public int markerAt(int cx, int cy) {
		int best = -1;
		double bestDistance = PICK_RADIUS * PICK_RADIUS;
		for (int i = 0; i < markerRows.length; i++) {
			double dx = originX + markerX[i] * scale - cx;
			double dy = originY + markerY[i] * scale - cy;
			double d = dx * dx + dy * dy;
			if (d <= bestDistance) {
				bestDistance = d;
				best = markerRows[i];
			}
		}
		return best;
	}

	// ---------------------------------------------------------------- painting

	private void dropView() {
		if (view != null) {
			view.dispose();
			view = null;
		}
	}

	/**
	 * Paints what the canvas shows into a GC (the canvas itself, or an image for export).
	 *
	 * @param gc   where to paint
	 * @param area the canvas area
	 */
	void paint(GC gc, Rectangle area) {
		Color background = new Color(BACKGROUND >> 16, BACKGROUND >> 8 & 0xFF, BACKGROUND & 0xFF);
		gc.setBackground(background);
		gc.fillRectangle(area);
		if (argb == null || area.width <= 0 || area.height <= 0) {
			if (message != null) {
				drawSentence(gc, area, message, false);
			}
			return;
		}
		if (view == null || view.getBounds().width != area.width || view.getBounds().height != area.height) {
			dropView();
			view = new Image(getDisplay(), resample(area.width, area.height));
		}
		gc.drawImage(view, 0, 0);
		drawMarkers(gc);
		if (notice != null) {
			drawSentence(gc, area, notice, true);
		}
	}

	/**
	 * Nearest-neighbour resampling of the part in view into a 24-bit image of the canvas size: the detail
	 * window's pixels where it reaches, the image's pixels elsewhere.
	 */
	private ImageData resample(int width, int height) {
		ImageData data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
		int[] sourceX = new int[width];
		int[] detailCol = new int[width];
		for (int x = 0; x < width; x++) {
			double ix = (x + 0.5 - originX) / scale;
			sourceX[x] = ix < 0 || ix >= imageWidth ? -1 : (int) Math.min(pixelsWidth - 1, (long) (ix * pixelsWidth / imageWidth));
			detailCol[x] = -1;
			if (detail != null && sourceX[x] >= 0) {
				long lx = (long) (ix * detailLevelWidth / imageWidth) - detailX;
				detailCol[x] = lx >= 0 && lx < detailWidth ? (int) lx : -1;
			}
		}
		byte[] bytes = data.data;
		int stride = data.bytesPerLine;
		byte br = (byte) (BACKGROUND >> 16);
		byte bg = (byte) (BACKGROUND >> 8);
		byte bb = (byte) BACKGROUND;
		for (int y = 0; y < height; y++) {
			double iy = (y + 0.5 - originY) / scale;
			int line = y * stride;
			int rowStart = iy < 0 || iy >= imageHeight ? -1
					: (int) Math.min(pixelsHeight - 1, (long) (iy * pixelsHeight / imageHeight)) * pixelsWidth;
			int detailRow = -1;
			if (detail != null && rowStart >= 0) {
				long ly = (long) (iy * detailLevelHeight / imageHeight) - detailY;
				detailRow = ly >= 0 && ly < detailHeight ? (int) ly * detailWidth : -1;
			}
			for (int x = 0; x < width; x++) {
				int at = line + x * 3;
				int sx = sourceX[x];
				if (rowStart < 0 || sx < 0) {
					bytes[at] = br;
					bytes[at + 1] = bg;
					bytes[at + 2] = bb;
				} else {
					int p = detailRow >= 0 && detailCol[x] >= 0 ? detail[detailRow + detailCol[x]] : argb[rowStart + sx];
					bytes[at] = (byte) (p >> 16);
					bytes[at + 1] = (byte) (p >> 8);
					bytes[at + 2] = (byte) p;
				}
			}
		}
		return data;
	}

	private void drawMarkers(GC gc) {
		if (markerRows.length == 0) {
			return;
		}
		gc.setAntialias(SWT.ON);
		gc.setLineWidth(1);
		Color object = new Color(255, 90, 200);
		Color selected = new Color(0, 230, 255);
		Color focus = new Color(255, 230, 0);
		Color shadow = new Color(0, 0, 0);
		int focusIndex = -1;
		gc.setAlpha(170);
		for (int i = 0; i < markerRows.length; i++) {
			if (markerKinds[i] == MarkerKind.OBJECT) {
				Point p = canvasPosition(markerX[i], markerY[i]);
				gc.setForeground(object);
				gc.drawLine(p.x - 2, p.y, p.x + 2, p.y);
				gc.drawLine(p.x, p.y - 2, p.x, p.y + 2);
			}
		}
		gc.setAlpha(255);
		for (int i = 0; i < markerRows.length; i++) {
			Point p = canvasPosition(markerX[i], markerY[i]);
			if (markerKinds[i] == MarkerKind.SELECTED) {
				gc.setForeground(shadow);
				gc.drawOval(p.x - 6, p.y - 6, 12, 12);
				gc.setForeground(selected);
				gc.setLineWidth(2);
				gc.drawOval(p.x - 5, p.y - 5, 10, 10);
				gc.setLineWidth(1);
			} else if (markerKinds[i] == MarkerKind.FOCUS) {
				focusIndex = i;
			}
		}
		if (focusIndex >= 0) {
			Point p = canvasPosition(markerX[focusIndex], markerY[focusIndex]);
			gc.setLineWidth(3);
			gc.setForeground(shadow);
			gc.drawOval(p.x - 9, p.y - 9, 18, 18);
			gc.setLineWidth(2);
			gc.setForeground(focus);
			gc.drawOval(p.x - 9, p.y - 9, 18, 18);
			gc.drawLine(p.x - 14, p.y, p.x - 10, p.y);
			gc.drawLine(p.x + 10, p.y, p.x + 14, p.y);
			gc.drawLine(p.x, p.y - 14, p.x, p.y - 10);
			gc.drawLine(p.x, p.y + 10, p.x, p.y + 14);
			gc.setLineWidth(1);
		}
	}

	private void drawSentence(GC gc, Rectangle area, String text, boolean banner) {
		int margin = 12;
		int width = Math.max(50, area.width - 2 * margin);
		String wrapped = wrap(gc, text, width);
		Point extent = gc.textExtent(wrapped);
		if (banner) {
			gc.setAlpha(200);
			gc.setBackground(new Color(120, 30, 20));
			gc.fillRectangle(0, 0, area.width, extent.y + 8);
			gc.setAlpha(255);
			gc.setForeground(new Color(255, 255, 255));
			gc.drawText(wrapped, margin, 4, true);
		} else {
			gc.setForeground(new Color(230, 230, 230));
			gc.drawText(wrapped, Math.max(margin, (area.width - extent.x) / 2), Math.max(margin, (area.height - extent.y) / 2),
					true);
		}
	}

	private static String wrap(GC gc, String text, int width) {
		StringBuilder out = new StringBuilder();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (!line.isEmpty() && gc.textExtent(candidate).x > width) {
				out.append(line).append('\n');
				line.setLength(0);
				line.append(word);
			} else {
				line.setLength(0);
				line.append(candidate);
			}
		}
		return out.append(line).toString();
	}

	/** @return a picture of what the canvas shows now, markers included */
	public ImageData snapshot() {
		Rectangle area = getClientArea();
		Image image = new Image(getDisplay(), Math.max(1, area.width), Math.max(1, area.height));
		GC gc = new GC(image);
		try {
			paint(gc, new Rectangle(0, 0, Math.max(1, area.width), Math.max(1, area.height)));
		} finally {
			gc.dispose();
		}
		ImageData data = image.getImageData();
		image.dispose();
		return data;
	}
}
