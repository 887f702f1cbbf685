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

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.idx.images.MultiscaleSource;
import org.idx.images.testing.PyramidTiff;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.image.ImageView;
import org.idx.ui.image.ImageViewerView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image viewer on a table whose image is a pyramidal OME-TIFF (4096x4096 uint16, 5 levels in
 * SubIFDs): fitted, it reads a coarse level (the status line names it); zoomed in, level 0.
 */
class PyramidTiffViewerUiTest {

	private static final int SIZE = 4096;
	private static final int[][] OBJECTS = { { 600, 800 }, { 3000, 1400 }, { 2048, 3200 }, { 1400, 1800 }, { 3500, 3000 } };
	private static final int RADIUS = 80;

	@TempDir
	Path folder;

	@BeforeEach
	void bigWindow() {
		page().getWorkbenchWindow().getShell().setSize(1280, 800);
		// a part an earlier test left maximized or minimized would keep the viewer from taking the window
		for (IWorkbenchPartReference ref : page().getViewReferences()) {
			if (page().getPartState(ref) != IWorkbenchPage.STATE_RESTORED) {
				page().setPartState(ref, IWorkbenchPage.STATE_RESTORED);
			}
		}
		for (IWorkbenchPartReference ref : page().getEditorReferences()) {
			if (page().getPartState(ref) != IWorkbenchPage.STATE_RESTORED) {
				page().setPartState(ref, IWorkbenchPage.STATE_RESTORED);
			}
		}
	}

	@AfterEach
	void closeAll() {
		page().closeAllEditors(false);
		IViewReference ref = page().findViewReference(ImageViewerView.ID);
		if (ref != null) {
			page().hideView(ref);
		}
	}

	/** Discs (4500 at the centre to 2500 at the rim) on a ramp with a checkerboard of 256-pixel squares. */
	private static int sample(int x, int y) {
		for (int[] o : OBJECTS) {
			long dx = x - o[0];
			long dy = y - o[1];
			long r2 = dx * dx + dy * dy;
			if (r2 <= RADIUS * RADIUS) {
				return (int) (4500 - 2000 * r2 / (RADIUS * RADIUS));
			}
		}
		return (x + y) / 8 + (x / 256 + y / 256) % 2 * 300;
	}

	/** @return the zoom that fits the whole image into the viewer's canvas */
	private static double fitted(ImageView viewer) {
		org.eclipse.swt.graphics.Rectangle area = viewer.canvas().getClientArea();
		return Math.min((double) area.width / SIZE, (double) area.height / SIZE);
	}

	@Test
	void fittedTheViewerReadsACoarseLevelOfThePyramidalTiff() throws Exception {
		PyramidTiff tiff = new PyramidTiff(SIZE, SIZE).levels(5).tile(256).deflate().samples((c, x, y) -> sample(x, y));
		tiff.write(folder.resolve("cells.ome.tif"));
		StringBuilder csv = new StringBuilder("image,x,y\n");
		for (int[] o : OBJECTS) {
			csv.append("cells.ome.tif,").append(o[0]).append(',').append(o[1]).append('\n');
		}
		Path table = folder.resolve("tiff-cells.csv");
		Files.writeString(table, csv);

		DatasetEditor editor = openAndWait(table);
		ImageView viewer = (ImageView) page().showView(ImageViewerView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		page().activate(editor);
		clickCell(findGrid(), 0, 1);
		spinUntil(() -> "cells.ome.tif".equals(viewer.shownKey()) && viewer.focusRow() == 0, "the viewer shows row 0's image");
		assertEquals(5, viewer.levelCount(), "the TIFF's SubIFDs are its levels");
		int[] widths = { 4096, 2048, 1024, 512, 256 };
		page().setPartState(page().getReference(viewer), IWorkbenchPage.STATE_MAXIMIZED);
		spinUntil(() -> viewer.canvas().getClientArea().width > 1000 && viewer.canvas().getClientArea().height > 500,
				"the viewer is maximized: " + viewer.canvas().getClientArea());
		// fitted anew to its maximized size, the viewer reads the level for that zoom (the coarser level it
		// showed while small stays on screen until that one arrives)
		spinUntil(() -> Math.abs(viewer.canvas().scale() - fitted(viewer)) < 1e-6
				&& viewer.level() == MultiscaleSource.levelFor(widths, fitted(viewer)),
				"the maximized viewer reads the level for its size: scale " + viewer.canvas().scale() + ", level " + viewer.level());
		int coarse = viewer.level();
		assertTrue(coarse >= 1 && coarse <= 2, "fitted into a window of about 1200x600, a level of 2048 or 1024 pixels is read: " + coarse);
		assertTrue(viewer.statusText().contains("4096x4096") && viewer.statusText().contains("level " + coarse), viewer.statusText());
		Screenshots.take(page().getWorkbenchWindow().getShell(), "ometiff-pyramid-fitted.png");

		Point anchor = viewer.canvas().canvasPosition(OBJECTS[1][0] + 0.5, OBJECTS[1][1] + 0.5);
		viewer.canvas().zoomAbout(1.2 / viewer.canvas().scale(), anchor.x, anchor.y);
		// level 0 (16 Mpixels) is much larger than the view: it is read tile by tile in view, over the coarse level
		spinUntil(() -> viewer.regionLevel() == 0 || viewer.level() == 0,
				"zoomed in, the viewer reads level 0: level " + viewer.level() + ", tiles of level " + viewer.regionLevel());
		assertTrue(viewer.statusText().contains("4096x4096"), viewer.statusText());
	}
}
