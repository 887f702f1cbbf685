// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.clickCell;
import static org.idx.ui.tests.Workbench.findGrid;
import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.idx.images.MultiscaleSource;
import org.idx.images.testing.ZarrFixture;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.image.ImageView;
import org.idx.ui.image.ImageViewerView;
import org.idx.ui.image.SecondImageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image viewers on a table whose images are a multiscale OME-Zarr (2048x2048, 4 levels) with a label
 * image and no mask column: fitted, the viewer reads a coarse level; zoomed in, a finer one; the markers,
 * the pixel readout and the clicks stay on the objects (full-resolution pixels) at every level; the mask
 * viewer shows the image's label image.
 */
class ZarrViewerUiTest {

	private static final int SIZE = 2048;
	/**
	 * The objects: x, y; each is a disc of radius 40, bright in the image (2500 at the rim to 4500 at the
	 * centre) and label row + 1 in the label image.
	 */
	private static final int[][] OBJECTS = { { 300, 400 }, { 1500, 700 }, { 1024, 1600 }, { 700, 900 }, { 1750, 1500 },
			{ 450, 1750 }, { 1200, 250 }, { 1000, 1100 } };
	private static final int RADIUS = 40;

	@TempDir
	Path folder;

	@BeforeEach
	void bigWindow() {
		page().getWorkbenchWindow().getShell().setSize(1280, 800);
	}

	@AfterEach
	void closeAll() {
		page().closeAllEditors(false);
		for (String id : new String[] { ImageViewerView.ID, SecondImageView.ID }) {
			IViewReference ref = page().findViewReference(id);
			if (ref != null) {
				page().hideView(ref);
			}
		}
	}

	private static int object(long y, long x) {
		for (int i = 0; i < OBJECTS.length; i++) {
			long dx = x - OBJECTS[i][0];
			long dy = y - OBJECTS[i][1];
			if (dx * dx + dy * dy <= RADIUS * RADIUS) {
				return i + 1;
			}
		}
		return 0;
	}

	/** Background: a ramp (x + y) / 4 on a checkerboard of 64-pixel squares (+300), below 1400. */
	private static int sample(long y, long x) {
		int o = object(y, x);
		if (o > 0) {
			long dx = x - OBJECTS[o - 1][0];
			long dy = y - OBJECTS[o - 1][1];
			return (int) (4500 - 2000 * (dx * dx + dy * dy) / (RADIUS * RADIUS));
		}
		return (int) ((x + y) / 4 + (x / 64 + y / 64) % 2 * 300);
	}

	private Path writeTable() throws Exception {
		Map<String, byte[]> objects = ZarrFixture.image("cyx", new long[] { 1, SIZE, SIZE }, new int[] { 1, 256, 256 }).levels(4)
				.codec(ZarrFixture.Codec.ZSTD).samples(p -> sample(p[1], p[2])).write("cells.ome.zarr");
		ZarrFixture.group(objects, "cells.ome.zarr/labels", 2, "{\"labels\":[\"nuclei\"]}");
		objects.putAll(ZarrFixture.image("cyx", new long[] { 1, SIZE, SIZE }, new int[] { 1, 512, 512 }).levels(3).type("uint8")
				.samples(p -> object(p[1], p[2])).attributes(",\"image-label\":{\"version\":\"0.4\"}")
				.write("cells.ome.zarr/labels/nuclei"));
		ZarrFixture.writeTo(objects, folder);
		StringBuilder csv = new StringBuilder("image,x,y\n");
		for (int[] o : OBJECTS) {
			csv.append("cells.ome.zarr,").append(o[0]).append(',').append(o[1]).append('\n');
		}
		Path table = folder.resolve("zarr-cells.csv");
		Files.writeString(table, csv);
		return table;
	}

	private static ImageView showViewer(String id) throws Exception {
		return (ImageView) page().showView(id, null, IWorkbenchPage.VIEW_VISIBLE);
	}

	/** Moves the pointer over a full-resolution position and returns the value the status line reads there. */
	private static String valueAt(ImageView view, double x, double y) {
		Point at = view.canvas().canvasPosition(x, y);
		Event move = new Event();
		move.x = at.x;
		move.y = at.y;
		move.widget = view.canvas();
		view.canvas().notifyListeners(SWT.MouseMove, move);
		String status = view.statusText();
		// At a zoom below 1 a screen pixel covers several image pixels: the readout names the one under its corner.
		double[] under = view.canvas().imagePosition(at.x, at.y);
		assertTrue(Math.abs(under[0] - x) <= 1 + 1 / view.canvas().scale() && Math.abs(under[1] - y) <= 1 + 1 / view.canvas().scale());
		assertTrue(status.contains("x " + (int) Math.floor(under[0]) + ", y " + (int) Math.floor(under[1]) + ":"),
				"the readout is at full-resolution pixels: " + status);
		return status.substring(status.lastIndexOf(':') + 1).trim();
	}

	private static void assertMarkersOnTheObjects(ImageView view) {
		for (int i = 0; i < OBJECTS.length; i++) {
			Point p = view.canvas().canvasPosition(OBJECTS[i][0] + 0.5, OBJECTS[i][1] + 0.5);
			Point client = new Point(view.canvas().getClientArea().width, view.canvas().getClientArea().height);
			if (p.x >= 0 && p.y >= 0 && p.x < client.x && p.y < client.y) {
				assertEquals(i, view.canvas().markerAt(p.x, p.y), "object " + i + "'s marker is at its anchor at level " + view.level());
				int value = Integer.parseInt(valueAt(view, OBJECTS[i][0], OBJECTS[i][1]));
				assertTrue(value >= 2500, "the pixel under object " + i + "'s marker is the object at level " + view.level() + ": " + value);
			}
		}
	}

	@Test
	void theViewerReadsTheLevelTheZoomNeedsAndTheMaskViewerTheLabelImage() throws Exception {
		DatasetEditor editor = openAndWait(writeTable());
		ImageView viewer = showViewer(ImageViewerView.ID);
		page().activate(editor);
		clickCell(findGrid(), 0, 1);
		spinUntil(() -> "cells.ome.zarr".equals(viewer.shownKey()) && viewer.focusRow() == 0, "the viewer shows row 0's image");
		assertEquals(4, viewer.levelCount());
		int[] widths = { 2048, 1024, 512, 256 };
		// The viewer takes the whole window (as a user maximizes it to look at an image): fitted anew, it
		// reads the level for its new size.
		page().setPartState(page().getReference(viewer), IWorkbenchPage.STATE_MAXIMIZED);
		spinUntil(() -> viewer.canvas().getClientArea().width > 1000, "the viewer is maximized");
		spinUntil(() -> viewer.level() == MultiscaleSource.levelFor(widths, viewer.canvas().scale()),
				"the maximized viewer reads the level for its size");
		double fitted = viewer.canvas().scale();
		assertTrue(fitted < 0.5, "the image is fitted into a window smaller than it: " + fitted);
		int coarse = MultiscaleSource.levelFor(widths, fitted);
		assertTrue(coarse > 0);
		assertEquals(coarse, viewer.level(), "fitted, the coarsest level with a pixel per screen pixel is read");
		assertTrue(viewer.statusText().contains("2048x2048") && viewer.statusText().contains("level " + coarse), viewer.statusText());
		assertMarkersOnTheObjects(viewer);
		Screenshots.take(page().getWorkbenchWindow().getShell(), "zarr-viewer-fitted.png");

		// Zoom in about object 1 until one screen pixel is smaller than an image pixel: level 0 is read.
		Point anchor = viewer.canvas().canvasPosition(OBJECTS[1][0] + 0.5, OBJECTS[1][1] + 0.5);
		viewer.canvas().zoomAbout(1.2 / fitted, anchor.x, anchor.y);
		assertEquals(coarse, viewer.level(), "the coarse level stays on screen until the finer one arrives");
		spinUntil(() -> viewer.level() == 0, "zoomed in, the viewer reads level 0");
		assertMarkersOnTheObjects(viewer);
		int x = OBJECTS[1][0] + 40;
		int y = OBJECTS[1][1] - 3;
		Point at = viewer.canvas().canvasPosition(x + 0.5, y + 0.5);
		double[] under = viewer.canvas().imagePosition(at.x, at.y);
		int ux = (int) Math.floor(under[0]);
		int uy = (int) Math.floor(under[1]);
		assertEquals(Integer.toString(sample(uy, ux)), valueAt(viewer, ux + 0.5, uy + 0.5), "level 0 reads the exact full-resolution pixel");
		Screenshots.take(page().getWorkbenchWindow().getShell(), "zarr-viewer-zoomed.png");

		// Zooming out reads coarser levels: at 20 % level 2 (512 pixels wide), at 10 % level 3 (256).
		for (double[] zoomAndLevel : new double[][] { { 0.2, 2 }, { 0.1, 3 } }) {
			viewer.canvas().zoomAbout(zoomAndLevel[0] / viewer.canvas().scale(), anchor.x, anchor.y);
			spinUntil(() -> viewer.level() == (int) zoomAndLevel[1],
					"at " + viewer.canvas().scale() + " the viewer reads level " + (int) zoomAndLevel[1] + ", not " + viewer.level());
			assertMarkersOnTheObjects(viewer);
		}
		viewer.canvas().zoomToFit();
		spinUntil(() -> viewer.level() == coarse, "fitted again, the viewer reads the coarse level");

		// A click on object 2's marker selects its row.
		Point marker = viewer.canvas().canvasPosition(OBJECTS[2][0] + 0.5, OBJECTS[2][1] + 0.5);
		page().activate(viewer);
		Workbench.click(viewer.canvas(), marker, 0);
		spinUntil(() -> viewer.focusRow() == 2, "the clicked marker's row is focused");

		// The table has no mask column: the mask viewer shows the image's label image.
		page().setPartState(page().getReference(viewer), IWorkbenchPage.STATE_RESTORED);
		ImageView mask = (ImageView) page().showView(SecondImageView.ID);
		spinUntil(() -> "cells.ome.zarr/labels/nuclei".equals(mask.sourceKey()) && mask.focusRow() == 2,
				"the mask viewer shows the label image: " + mask.message());
		assertEquals(3, mask.levelCount(), "the label image's own levels are used");
		page().setPartState(page().getReference(mask), IWorkbenchPage.STATE_MAXIMIZED);
		spinUntil(() -> mask.canvas().getClientArea().width > 900,
				"the mask viewer is maximized: " + mask.canvas().getClientArea() + " " + mask.canvas().isVisible());
		spinUntil(() -> mask.level() == MultiscaleSource.levelFor(new int[] { 2048, 1024, 512 }, mask.canvas().scale()),
				"the maximized mask viewer reads the level for its size");
		assertEquals("3", valueAt(mask, OBJECTS[2][0], OBJECTS[2][1]), "object 2 is label 3 under its marker");
		assertEquals("0", valueAt(mask, OBJECTS[2][0] + 100, OBJECTS[2][1]), "background is label 0");
		Screenshots.take(page().getWorkbenchWindow().getShell(), "zarr-viewer-labels.png");

		// The viewer draws the label image's outlines when asked.
		page().setPartState(page().getReference(mask), IWorkbenchPage.STATE_RESTORED);
		page().showView(ImageViewerView.ID);
		page().setPartState(page().getReference(viewer), IWorkbenchPage.STATE_MAXIMIZED);
		spinUntil(() -> viewer.canvas().getClientArea().width > 900, "the viewer is maximized again");
		int loads = viewer.loads();
		viewer.setOption(true);
		spinUntil(() -> viewer.loads() > loads, "the viewer redraws with the outlines");
		assertEquals(null, viewer.notice(), "the label image's outlines are drawn");
		Point focus = viewer.canvas().canvasPosition(OBJECTS[2][0] + 0.5, OBJECTS[2][1] + 0.5);
		viewer.canvas().zoomAbout(0.7 / viewer.canvas().scale(), focus.x, focus.y);
		spinUntil(() -> viewer.level() == 0 && viewer.notice() == null, "zoomed in with outlines, level 0 is read");
		Screenshots.take(page().getWorkbenchWindow().getShell(), "zarr-viewer-outlines.png");
		assertEquals(0, viewer.level(), viewer.statusText());
	}
}
