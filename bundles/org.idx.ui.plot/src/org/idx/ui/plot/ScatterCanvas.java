// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plot;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.idx.core.CategoricalColumn;
import org.idx.core.NumericColumn;
import org.idx.plot.axis.AxisMapping;
import org.idx.plot.axis.PlotAxis;
import org.idx.plot.axis.Scale;
import org.idx.plot.axis.Tick;
import org.idx.plot.axis.TickLabels;
import org.idx.plot.index.FillRule;
import org.idx.plot.index.RegionSelector;
import org.idx.plot.render.ArgbRaster;
import org.idx.plot.render.ColorRamp;
import org.idx.plot.render.Palette;
import org.idx.plot.render.RenderOptions;
import org.idx.plot.render.RenderResult;
import org.idx.plot.render.ScatterRasterizer;
import org.idx.plot.render.Viewport;
import org.idx.ui.views.ChartCanvas;

/**
 * The scatter plot widget: a plain SWT canvas that draws the frame (axes, ticks, labels, legend)
 * with a GC and blits the point layer, which {@link ScatterRasterizer} paints in a background job.
 * Repaint requests coalesce: the job always renders the newest request and drops results that a
 * newer request has made stale. Until the new layer arrives, the previous one is drawn scaled and
 * shifted to the current data window, so zoom and pan respond at once.
 * <p>
 * Mouse: click picks the nearest point, left drag selects a rectangle, Shift+Alt drag (or lasso
 * mode) a lasso, Shift adds to the selection, the wheel zooms around the cursor, right or middle
 * drag pans, double-click resets the view.
 */
final class ScatterCanvas extends Canvas {

	static final int LEFT = 66;
	static final int TOP = 14;
	static final int BOTTOM = 46;
	static final int RIGHT = 14;
	static final int LEGEND = 150;
	static final double PICK_RADIUS = 6;
	private static final int BACKGROUND = 0xFFFFFFFF;

	/** One repaint request: everything the job needs, immutable. */
	private record Request(PlotSpec spec, PlotAxis xAxis, PlotAxis yAxis, int width, int height, BitSet highlight,
			long serial) {
	}

	/** A finished point layer. */
	record Layer(Request request, PlotData data, Viewport viewport, ImageData image, RenderResult result,
			long millis) {
	}

	private static final boolean TRACE = Boolean.getBoolean("idx.plot.trace");

	private final Job job;
	private final org.eclipse.swt.widgets.Display display;
	private final PlotData.Cache cache = new PlotData.Cache();
	private final ScatterRasterizer rasterizer = new ScatterRasterizer();
	private volatile Request latest;
	private long serial;

	private PlotSpec spec;
	private String message = "Open a table to plot it.";
	private PlotAxis xAxis;
	private PlotAxis yAxis;
	private BitSet highlight = new BitSet();
	private boolean lassoMode;

	private Layer layer;
	private Image image;
	private int renders;
	private Runnable onRendered = () -> {
	};
	private BiConsumer<BitSet, Boolean> onSelect = (rows, add) -> {
	};

	// interaction
	private int downButton;
	private Point down;
	private List<Point> lasso;
	private Point dragTo;
	private PlotAxis panX;
	private PlotAxis panY;

	ScatterCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		display = getDisplay();
		setBackground(display.getSystemColor(SWT.COLOR_WHITE));
		job = Job.create("Drawing the scatter plot", this::render);
		job.setSystem(true);
		addListener(SWT.Paint, this::paint);
		addListener(SWT.Resize, event -> requestRender());
		addListener(SWT.MouseDown, this::mouseDown);
		addListener(SWT.MouseMove, this::mouseMove);
		addListener(SWT.MouseUp, this::mouseUp);
		addListener(SWT.MouseDoubleClick, event -> {
			if (event.button == 1) {
				resetView();
			}
		});
		addListener(SWT.MouseVerticalWheel, this::wheel);
		addListener(SWT.Dispose, event -> {
			job.cancel();
			if (image != null) {
				image.dispose();
			}
		});
	}

	// ---------------------------------------------------------------- model

	/** Shows a plot of {@code newSpec}; the data window is fitted unless only the mode changed. */
	void setSpec(PlotSpec newSpec) {
		boolean keepWindow = newSpec.samePoints(spec);
		spec = newSpec;
		message = null;
		if (!keepWindow) {
			xAxis = null;
			yAxis = null;
		}
		requestRender();
	}

	/** Shows a sentence in place of the plot. */
	void setMessage(String text) {
		spec = null;
		message = text;
		layer = null;
		xAxis = null;
		yAxis = null;
		disposeImage();
		latest = null;
		redraw();
	}

	void setHighlight(BitSet rows) {
		highlight = rows == null ? new BitSet() : (BitSet) rows.clone();
		requestRender();
	}

	BitSet highlight() {
		return (BitSet) highlight.clone();
	}

	void setLassoMode(boolean lasso) {
		lassoMode = lasso;
	}

	void onRendered(Runnable listener) {
		onRendered = listener;
	}

	void onSelect(BiConsumer<BitSet, Boolean> listener) {
		onSelect = listener;
	}

	void resetView() {
		xAxis = null;
		yAxis = null;
		requestRender();
	}

	String message() {
		return spec == null ? message : null;
	}

	PlotSpec spec() {
		return spec;
	}

	/** @return how many point layers have been shown */
	int renders() {
		return renders;
	}

	/** @return what the last shown repaint did, or null */
	RenderResult lastResult() {
		return layer == null ? null : layer.result;
	}

	/** @return how long the last shown point layer took in the job, in milliseconds */
	long lastRenderMillis() {
		return layer == null ? -1 : layer.millis;
	}

	/** @return the data shown, or null before the first layer */
	PlotData data() {
		return layer == null ? null : layer.data;
	}

	/** @return the viewport of the current data window, or null */
	Viewport viewport() {
		Rectangle area = plotArea();
		if (xAxis == null || yAxis == null || area.width <= 0 || area.height <= 0) {
			return null;
		}
		return new Viewport(xAxis, yAxis, area.width, area.height);
	}

	/**
	 * @param row a row
	 * @return where its point is drawn on the canvas, or null when it is not drawn
	 */
	Point canvasPosition(int row) {
		Viewport viewport = viewport();
		PlotData data = data();
		if (viewport == null || data == null) {
			return null;
		}
		double px = viewport.xMapping().toPixel(data.x()[row]);
		double py = viewport.yMapping().toPixel(data.y()[row]);
		if (!Double.isFinite(px) || !Double.isFinite(py)) {
			return null;
		}
		return new Point(LEFT + (int) Math.floor(px), TOP + (int) Math.floor(py));
	}

	Rectangle plotArea() {
		Rectangle client = getClientArea();
		int legend = spec != null && spec.color() != null ? LEGEND : 0;
		return new Rectangle(LEFT, TOP, Math.max(0, client.width - LEFT - RIGHT - legend),
				Math.max(0, client.height - TOP - BOTTOM));
	}

	// ---------------------------------------------------------------- rendering

	void requestRender() {
		if (isDisposed() || spec == null) {
			return;
		}
		Rectangle area = plotArea();
		if (area.width < 2 || area.height < 2) {
			return;
		}
		latest = new Request(spec, xAxis, yAxis, Math.min(area.width, 8000), Math.min(area.height, 8000),
				(BitSet) highlight.clone(), ++serial);
		job.cancel();
		job.schedule();
		redraw();
	}

	private IStatus render(IProgressMonitor monitor) {
		Request request = latest;
		if (request == null) {
			return Status.OK_STATUS;
		}
		long start = System.nanoTime();
		PlotData data = cache.get(request.spec);
		long prepared = System.nanoTime();
		if (monitor.isCanceled() || request != latest) {
			return Status.CANCEL_STATUS;
		}
		PlotAxis x = request.xAxis != null ? request.xAxis : PlotAxis.fitting(request.spec.xScale(), data.x(), 0.04);
		PlotAxis y = request.yAxis != null ? request.yAxis : PlotAxis.fitting(request.spec.yScale(), data.y(), 0.04);
		Viewport viewport = new Viewport(x, y, request.width, request.height);
		ArgbRaster raster = new ArgbRaster(request.width, request.height);
		raster.fill(BACKGROUND);
		RenderResult result = rasterizer.render(data.x(), data.y(), data.colors(), data.foreground(),
				request.highlight.isEmpty() ? null : request.highlight, viewport, raster,
				RenderOptions.defaults().withMode(request.spec.mode()));
		if (monitor.isCanceled() || request != latest) {
			return Status.CANCEL_STATUS;
		}
		long rastered = System.nanoTime();
		ImageData image = toImageData(raster);
		long millis = (System.nanoTime() - start) / 1_000_000;
		if (TRACE) {
			System.err.printf("idx.plot: %,d rows %dx%d %s: data %.1f ms, raster %.1f ms, image %.1f ms%n",
					data.x().length, request.width, request.height, result.mode(), (prepared - start) / 1e6,
					(rastered - prepared) / 1e6, (System.nanoTime() - rastered) / 1e6);
		}
		Layer done = new Layer(request, data, viewport, image, result, millis);
		if (!display.isDisposed()) {
			display.asyncExec(() -> install(done));
		}
		return Status.OK_STATUS;
	}

	static ImageData toImageData(ArgbRaster raster) {
		ImageData image = new ImageData(raster.width(), raster.height(), 32, new PaletteData(0xFF0000, 0xFF00, 0xFF));
		ByteBuffer.wrap(image.data).asIntBuffer().put(raster.pixels());
		return image;
	}

	private void install(Layer done) {
		if (isDisposed() || done.request != latest) {
			return;
		}
		if (xAxis == null) {
			xAxis = done.viewport.x();
		}
		if (yAxis == null) {
			yAxis = done.viewport.y();
		}
		long start = System.nanoTime();
		disposeImage();
		image = new Image(getDisplay(), done.image);
		layer = done;
		renders++;
		redraw();
		update();
		onRendered.run();
		if (TRACE) {
			System.err.printf("idx.plot: UI thread install + paint %.1f ms%n", (System.nanoTime() - start) / 1e6);
		}
	}

	private void disposeImage() {
		if (image != null) {
			image.dispose();
			image = null;
		}
	}

	// ---------------------------------------------------------------- painting

	private void paint(Event event) {
		GC gc = event.gc;
		Rectangle client = getClientArea();
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(client);
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
		if (spec == null) {
			if (message != null) {
				Point extent = gc.textExtent(message);
				gc.drawText(message, Math.max(4, (client.width - extent.x) / 2), Math.max(4, (client.height - extent.y) / 2),
						true);
			}
			return;
		}
		paintPlot(gc, client, image, layer);
	}

	/** Draws the whole plot (layer, frame, legend, drag outline) with {@code gc}; also used for PNG export. */
	void paintPlot(GC gc, Rectangle client, Image points, Layer shown) {
		Rectangle area = plotArea();
		if (area.width < 2 || area.height < 2) {
			return;
		}
		if (points != null && shown != null && xAxis != null && yAxis != null) {
			drawLayer(gc, area, points, shown);
		}
		gc.setClipping((Rectangle) null);
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
		gc.drawRectangle(area.x - 1, area.y - 1, area.width + 1, area.height + 1);
		if (xAxis != null && yAxis != null) {
			drawXAxis(gc, area);
			drawYAxis(gc, area);
		} else {
			gc.drawText("Drawing " + spec.x().name() + " against " + spec.y().name() + " …", area.x + 8, area.y + 8,
					true);
		}
		drawLegend(gc, area);
		drawDrag(gc);
	}

	private void drawLayer(GC gc, Rectangle area, Image points, Layer shown) {
		gc.setClipping(area);
		Viewport was = shown.viewport;
		if (was.x().equals(xAxis) && was.y().equals(yAxis) && was.width() == area.width
				&& was.height() == area.height) {
			gc.drawImage(points, area.x, area.y);
			return;
		}
		if (was.x().scale() != xAxis.scale() || was.y().scale() != yAxis.scale()) {
			return;
		}
		// The layer was drawn for another window: scale and shift it until the new one arrives.
		AxisMapping xm = xAxis.map(area.width, false);
		AxisMapping ym = yAxis.map(area.height, true);
		double x0 = xm.toPixel(was.x().min());
		double x1 = xm.toPixel(was.x().max());
		double y0 = ym.toPixel(was.y().max());
		double y1 = ym.toPixel(was.y().min());
		int w = (int) Math.round(x1 - x0);
		int h = (int) Math.round(y1 - y0);
		if (w > 0 && h > 0 && w < 40_000 && h < 40_000) {
			Rectangle bounds = points.getBounds();
			gc.drawImage(points, 0, 0, bounds.width, bounds.height, area.x + (int) Math.round(x0),
					area.y + (int) Math.round(y0), w, h);
		}
	}

	private void drawXAxis(GC gc, Rectangle area) {
		AxisMapping xm = xAxis.map(area.width, false);
		int baseline = area.y + area.height;
		for (Tick tick : xAxis.ticks(Math.max(2, area.width / 90))) {
			int px = area.x + (int) Math.floor(xm.toPixel(tick.value()));
			if (px < area.x - 1 || px > area.x + area.width) {
				continue;
			}
			gc.drawLine(px, baseline, px, baseline + (tick.major() ? 5 : 3));
			if (tick.major() && !tick.label().isEmpty()) {
				Point extent = gc.textExtent(tick.label());
				gc.drawText(tick.label(), px - extent.x / 2, baseline + 6, true);
			}
		}
		String title = spec.x().name() + (xAxis.scale() == Scale.LOG10 ? " (log)" : "");
		Point extent = gc.textExtent(title);
		gc.drawText(title, area.x + (area.width - extent.x) / 2, baseline + 24, true);
	}

	private void drawYAxis(GC gc, Rectangle area) {
		AxisMapping ym = yAxis.map(area.height, true);
		for (Tick tick : yAxis.ticks(Math.max(2, area.height / 60))) {
			int py = area.y + (int) Math.floor(ym.toPixel(tick.value()));
			if (py < area.y - 1 || py > area.y + area.height) {
				continue;
			}
			gc.drawLine(area.x - (tick.major() ? 5 : 3), py, area.x - 1, py);
			if (tick.major() && !tick.label().isEmpty()) {
				Point extent = gc.textExtent(tick.label());
				gc.drawText(tick.label(), Math.max(16, area.x - 7 - extent.x), py - extent.y / 2, true);
			}
		}
		String title = spec.y().name() + (yAxis.scale() == Scale.LOG10 ? " (log)" : "");
		Point extent = gc.textExtent(title);
		Transform transform = new Transform(getDisplay());
		try {
			transform.translate(1, area.y + (area.height + extent.x) / 2f);
			transform.rotate(-90);
			gc.setTransform(transform);
			gc.drawText(title, 0, 0, true);
		} finally {
			gc.setTransform(null);
			transform.dispose();
		}
	}

	private void drawLegend(GC gc, Rectangle area) {
		if (spec.color() == null) {
			return;
		}
		int x = area.x + area.width + 12;
		int y = area.y;
		int line = gc.getFontMetrics().getHeight() + 2;
		gc.drawText(shorten(gc, spec.color().name(), LEGEND - 14), x, y, true);
		y += line + 2;
		if (spec.color() instanceof CategoricalColumn categorical) {
			Palette palette = spec.levelPalette();
			List<String> levels = categorical.levels();
			int room = Math.max(1, (area.height - line * 2) / line);
			int shown = levels.size() > room ? room - 1 : levels.size();
			for (int code = 0; code < shown; code++) {
				swatch(gc, palette.color(code), x, y + 2, line - 6);
				gc.drawText(shorten(gc, levels.get(code), LEGEND - 34), x + line, y, true);
				y += line;
			}
			if (shown < levels.size()) {
				gc.drawText(String.format(Locale.ROOT, "+ %d more", levels.size() - shown), x + line, y, true);
				y += line;
			}
			if (categorical.naCount() > 0) {
				// Label colours call NA "unlabelled".
				swatch(gc, palette.color(CategoricalColumn.NA_CODE), x, y + 2, line - 6);
				gc.drawText(spec.levelColors() != null ? "unlabelled" : "NA", x + line, y, true);
			}
		} else if (spec.color() instanceof NumericColumn numeric) {
			double[] range = PlotData.range(numeric);
			ColorRamp ramp = ColorRamp.viridis();
			int barHeight = Math.max(20, Math.min(200, area.height - line * 3));
			for (int i = 0; i < barHeight; i++) {
				Color color = color(ramp.color(1 - i / (double) (barHeight - 1)));
				gc.setForeground(color);
				gc.drawLine(x, y + i, x + 14, y + i);
				color.dispose();
			}
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
			gc.drawRectangle(x, y, 14, barHeight);
			gc.drawText(TickLabels.format(range[1]), x + 20, y - 2, true);
			gc.drawText(TickLabels.format(range[0]), x + 20, y + barHeight - line + 2, true);
			if (numeric.naCount() > 0) {
				swatch(gc, Palette.NA_COLOR, x, y + barHeight + 6, line - 6);
				gc.drawText("NA", x + 20, y + barHeight + 4, true);
			}
		}
	}

	private void swatch(GC gc, int argb, int x, int y, int size) {
		Color color = color(argb);
		Color old = gc.getBackground();
		gc.setBackground(color);
		gc.fillRectangle(x, y, size, size);
		gc.setBackground(old);
		color.dispose();
	}

	private Color color(int argb) {
		return new Color(getDisplay(), (argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
	}

	private static String shorten(GC gc, String text, int width) {
		if (gc.textExtent(text).x <= width) {
			return text;
		}
		String s = text;
		while (s.length() > 1 && gc.textExtent(s + "…").x > width) {
			s = s.substring(0, s.length() - 1);
		}
		return s + "…";
	}

	private void drawDrag(GC gc) {
		if (down == null || downButton != 1) {
			return;
		}
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
		gc.setLineStyle(SWT.LINE_DASH);
		if (lasso != null && lasso.size() > 1) {
			int[] points = new int[lasso.size() * 2];
			for (int i = 0; i < lasso.size(); i++) {
				points[2 * i] = lasso.get(i).x;
				points[2 * i + 1] = lasso.get(i).y;
			}
			gc.drawPolygon(points);
		} else if (lasso == null && dragTo != null) {
			gc.drawRectangle(Math.min(down.x, dragTo.x), Math.min(down.y, dragTo.y), Math.abs(dragTo.x - down.x),
					Math.abs(dragTo.y - down.y));
		}
		gc.setLineStyle(SWT.LINE_SOLID);
	}

	// ---------------------------------------------------------------- mouse

	private void mouseDown(Event event) {
		if (spec == null || xAxis == null) {
			return;
		}
		downButton = event.button;
		down = new Point(event.x, event.y);
		dragTo = null;
		lasso = null;
		if (event.button == 1 && (lassoMode || (event.stateMask & (SWT.SHIFT | SWT.ALT)) == (SWT.SHIFT | SWT.ALT))) {
			lasso = new ArrayList<>();
			lasso.add(down);
		}
		panX = xAxis;
		panY = yAxis;
	}

	private void mouseMove(Event event) {
		if (down == null) {
			return;
		}
		if (downButton == 1) {
			dragTo = new Point(event.x, event.y);
			if (lasso != null) {
				Point last = lasso.get(lasso.size() - 1);
				if (Math.abs(last.x - event.x) + Math.abs(last.y - event.y) >= 2) {
					lasso.add(dragTo);
				}
			}
			redraw();
		} else if (downButton == 2 || downButton == 3) {
			Rectangle area = plotArea();
			xAxis = shift(panX, panX.map(area.width, false), down.x - event.x);
			yAxis = shift(panY, panY.map(area.height, true), down.y - event.y);
			requestRender();
		}
	}

	private static PlotAxis shift(PlotAxis axis, AxisMapping mapping, double pixels) {
		double t0 = axis.scale().transform(axis.min());
		double t1 = axis.scale().transform(axis.max());
		double delta = mapping.pixelToTransformed(pixels) - mapping.pixelToTransformed(0);
		return axis(axis.scale(), t0 + delta, t1 + delta, axis);
	}

	private static PlotAxis axis(Scale scale, double t0, double t1, PlotAxis fallback) {
		try {
			return new PlotAxis(scale, scale.inverse(t0), scale.inverse(t1));
		} catch (IllegalArgumentException e) {
			return fallback;
		}
	}

	private void mouseUp(Event event) {
		if (down == null) {
			return;
		}
		Point start = down;
		int button = downButton;
		List<Point> outline = lasso;
		down = null;
		dragTo = null;
		lasso = null;
		redraw();
		if (button != 1) {
			return;
		}
		boolean add = (event.stateMask & SWT.SHIFT) != 0;
		PlotData data = data();
		Viewport viewport = viewport();
		if (data == null || viewport == null || data.index().xScale() != viewport.x().scale()
				|| data.index().yScale() != viewport.y().scale()) {
			return;
		}
		Rectangle area = plotArea();
		BitSet rows;
		boolean moved = Math.abs(event.x - start.x) + Math.abs(event.y - start.y) > 3;
		if (!moved) {
			int row = data.index().nearest(viewport, event.x - area.x, event.y - area.y, PICK_RADIUS, null);
			rows = new BitSet();
			if (row >= 0) {
				rows.set(row);
			}
		} else if (outline != null && outline.size() >= 3) {
			outline.add(new Point(event.x, event.y));
			double[] xs = new double[outline.size()];
			double[] ys = new double[outline.size()];
			for (int i = 0; i < xs.length; i++) {
				xs[i] = outline.get(i).x - area.x;
				ys[i] = outline.get(i).y - area.y;
			}
			rows = RegionSelector.lasso(data.index(), viewport, xs, ys, FillRule.EVEN_ODD);
		} else {
			rows = RegionSelector.rectangle(data.index(), viewport, start.x - area.x, start.y - area.y,
					event.x - area.x, event.y - area.y);
		}
		onSelect.accept(rows, add);
	}

	private void wheel(Event event) {
		if (spec == null || xAxis == null || event.count == 0) {
			return;
		}
		Rectangle area = plotArea();
		double factor = Math.pow(0.85, event.count > 0 ? 1 : -1);
		xAxis = zoom(xAxis, xAxis.map(area.width, false), event.x - area.x, factor);
		yAxis = zoom(yAxis, yAxis.map(area.height, true), event.y - area.y, factor);
		event.doit = false;
		requestRender();
	}

	private static PlotAxis zoom(PlotAxis axis, AxisMapping mapping, double pixel, double factor) {
		double centre = mapping.pixelToTransformed(pixel);
		double t0 = axis.scale().transform(axis.min());
		double t1 = axis.scale().transform(axis.max());
		return axis(axis.scale(), centre + (t0 - centre) * factor, centre + (t1 - centre) * factor, axis);
	}

	// ---------------------------------------------------------------- export

	/** @return the plot as it is shown (frame, legend and points) as a PNG file */
	byte[] png() {
		Rectangle client = getClientArea();
		Image snapshot = new Image(getDisplay(), Math.max(1, client.width), Math.max(1, client.height));
		try {
			GC gc = new GC(snapshot);
			try {
				gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
				gc.fillRectangle(0, 0, client.width, client.height);
				paintPlot(gc, client, image, layer);
			} finally {
				gc.dispose();
			}
			return org.idx.plot.svg.PngEncoder.encode(ChartCanvas.raster(snapshot.getImageData()));
		} finally {
			snapshot.dispose();
		}
	}

	/** @return the plot in the current data window as SVG (circles up to 20,000 points, else an image) */
	String svg() {
		PlotData data = data();
		Viewport viewport = viewport();
		if (data == null || viewport == null) {
			return null;
		}
		return org.idx.plot.svg.SvgWriter.scatter(data.x(), data.y(), data.colors(), data.foreground(),
				highlight.isEmpty() ? null : highlight, viewport, RenderOptions.defaults().withMode(spec.mode()),
				20_000);
	}
}
