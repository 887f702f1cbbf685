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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.idx.images.PlaneRegion;
import org.idx.images.ShortPlane;
import org.idx.images.StoreSpec;
import org.idx.images.display.ChannelStyle;
import org.idx.images.display.ContrastRange;
import org.idx.images.display.PlaneRenderer;
import org.idx.images.testing.CountingStore;
import org.idx.images.testing.ZarrFixture;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.image.ImageView;
import org.idx.ui.image.ImageViewerView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image viewer on an OME-Zarr whose full resolution (9000x9000, 4 levels) is more than a whole-plane
 * read may return: fitted, it shows its coarsest level; at 100 % it reads only the tiles in view of level 0
 * (counted through a counting store) and shows the exact full-resolution pixels over the coarse level;
 * a pan reads only the tiles it uncovers.
 */
class TiledViewerUiTest {

	private static final int SIZE = 9000;
	/** Level 0 stores only chunks 4..13 (pixels 2048..7167) each way; the rest reads as the fill value. */
	private static final int FIRST_CHUNK = 4;
	private static final int LAST_CHUNK = 13;

	@TempDir
	Path folder;

	@BeforeEach
	void bigWindow() {
		page().getWorkbenchWindow().getShell().setSize(1280, 800);
	}

	@AfterEach
	void closeAll() {
		page().closeAllEditors(false);
		IViewReference ref = page().findViewReference(ImageViewerView.ID);
		if (ref != null) {
			page().hideView(ref);
		}
	}

	/**
	 * Stripes 4 pixels wide each way: full resolution alternates 500/2500 across and +0/+1000 down, which no
	 * coarser level (sampled every 2nd, 4th, 8th pixel) shows; plus a slow ramp.
	 */
	private static int sample(long y, long x) {
		return (int) (500 + (x % 8 < 4 ? 0 : 2000) + (y % 8 < 4 ? 0 : 1000) + (x + y) / 64);
	}

	private Path writeTable() throws Exception {
		Set<String> missing = new HashSet<>();
		int chunks = (SIZE + 511) / 512;
		for (int r = 0; r < chunks; r++) {
			for (int c = 0; c < chunks; c++) {
				if (r < FIRST_CHUNK || r > LAST_CHUNK || c < FIRST_CHUNK || c > LAST_CHUNK) {
					missing.add("0/" + r + "/" + c);
				}
			}
		}
		Map<String, byte[]> objects = ZarrFixture.image("cyx", new long[] { 1, SIZE, SIZE }, new int[] { 1, 512, 512 }).levels(4)
				.codec(ZarrFixture.Codec.ZSTD).missing(missing).samples(p -> sample(p[1], p[2])).write("slide.ome.zarr");
		ZarrFixture.writeTo(objects, folder);
		Path table = folder.resolve("slide.csv");
		Files.writeString(table, "image,x,y\nslide.ome.zarr,4500,4500\nslide.ome.zarr,4700,4400\n");
		return table;
	}

	/** @return the RGB the viewer paints for a sample with the test's contrast */
	private static RGB painted(int sample) {
		int argb = PlaneRenderer.render(new ShortPlane(1, 1, new short[] { (short) sample }),
				new ChannelStyle(ChannelStyle.GREY, ContrastRange.manual(0, 4000)), null)[0];
		return new RGB(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF);
	}

	/**
	 * Compares the canvas with the full-resolution samples over a block of screen pixels left of and below the
	 * centre, away from the markers (skipping pixels whose centre lies within a hair of an image pixel's edge).
	 *
	 * @return the number of pixels compared
	 */
	private static int assertCanvasShowsFullResolution(ImageView viewer) {
		ImageData shot = viewer.canvas().snapshot();
		Rectangle area = viewer.canvas().getClientArea();
		double scale = viewer.canvas().scale();
		int compared = 0;
		for (int cy = area.height / 2 + 60; cy < area.height / 2 + 140; cy++) {
			for (int cx = area.width / 2 - 350; cx < area.width / 2 - 230; cx++) {
				double[] p = viewer.canvas().imagePosition(cx, cy);
				double ix = p[0] + 0.5 / scale;
				double iy = p[1] + 0.5 / scale;
				if (Math.abs(ix - Math.rint(ix)) < 0.01 || Math.abs(iy - Math.rint(iy)) < 0.01) {
					continue;
				}
				RGB expected = painted(sample((long) Math.floor(iy), (long) Math.floor(ix)));
				RGB actual = shot.palette.getRGB(shot.getPixel(cx, cy));
				assertEquals(expected, actual, "screen pixel " + cx + "," + cy + " shows image pixel " + ix + "," + iy);
				compared++;
			}
		}
		return compared;
	}

	private static String valueAt(ImageView view, int x, int y) {
		Point at = view.canvas().canvasPosition(x + 0.5, y + 0.5);
		Event move = new Event();
		move.x = at.x;
		move.y = at.y;
		move.widget = view.canvas();
		view.canvas().notifyListeners(SWT.MouseMove, move);
		String status = view.statusText();
		assertTrue(status.contains("x " + x + ", y " + y + ":"), status);
		return status.substring(status.lastIndexOf(':') + 1).trim();
	}

	private static List<String> levelZeroChunks(CountingStore store) {
		return store.keys().stream().filter(k -> k.matches("slide\\.ome\\.zarr/0/\\d+/\\d+/\\d+")).toList();
	}

	@Test
	void atFullResolutionOnlyTheTilesInViewAreReadAndShownOverTheCoarseLevel() throws Exception {
		DatasetEditor editor = openAndWait(writeTable());
		ImageView viewer = (ImageView) page().showView(ImageViewerView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		page().activate(editor);
		viewer.dataset().images().setSpec(new StoreSpec(CountingStoreFactory.SCHEME, Map.of(StoreSpec.PATH, folder.toString())));
		CountingStore store = CountingStoreFactory.last();
		clickCell(findGrid(), 0, 1);
		spinUntil(() -> "slide.ome.zarr".equals(viewer.shownKey()) && viewer.focusRow() == 0,
				"the viewer shows row 0's image: " + viewer.message());
		page().setPartState(page().getReference(viewer), IWorkbenchPage.STATE_MAXIMIZED);
		spinUntil(() -> viewer.canvas().getClientArea().width > 1000, "the viewer is maximized");
		spinUntil(() -> viewer.level() == 3, "fitted, the coarsest level is shown: " + viewer.level());
		assertEquals(-1, viewer.regionLevel());
		assertEquals(List.of(), levelZeroChunks(store), "fitted, nothing of level 0 is read");
		int loads = viewer.loads();
		viewer.setContrast(0, ContrastRange.manual(0, 4000));
		spinUntil(() -> viewer.loads() > loads, "the viewer redraws with the contrast set");

		// 100 % about the centre of the image: level 0 in tiles over level 3.
		Rectangle area = viewer.canvas().getClientArea();
		viewer.canvas().zoomActual(); // the fitted image's centre stays at the canvas centre
		spinUntil(() -> viewer.regionLevel() == 0 && !viewer.readingTiles(), "at 100 % the tiles in view of level 0 are shown");
		assertEquals(3, viewer.level(), "level 3 stays under the tiles");
		assertTrue(viewer.statusText().contains("level 0/3: region") && viewer.statusText().contains("of 9000x9000"),
				viewer.statusText());
		PlaneRegion region = viewer.region();
		assertTrue(region.width() < 2 * area.width + 1024 && region.height() < 2 * area.height + 1024,
				"only the view and a margin are read: " + region);
		List<String> read = levelZeroChunks(store);
		int tiles = ((region.width() + 511) / 512) * ((region.height() + 511) / 512);
		assertEquals(tiles, read.size(), "one chunk per tile of the region " + region + ": " + read);
		assertEquals(read.size(), new HashSet<>(read).size(), "no chunk is read twice");
		assertTrue(read.size() <= 20, read.size() + " chunks for a " + area.width + "x" + area.height + " view");
		assertTrue(assertCanvasShowsFullResolution(viewer) > 5000, "the canvas shows the full-resolution pixels");
		assertEquals(Integer.toString(sample(4503, 4501)), valueAt(viewer, 4501, 4503), "the readout is the level-0 sample");
		assertEquals(Integer.toString(sample(4507, 4506)), valueAt(viewer, 4506, 4507));
		Path shot = Screenshots.take(page().getWorkbenchWindow().getShell(), "zarr-viewer-tiled.png");
		assertTrue(Files.size(shot) > 0);

		// A pan by one tile reads only the tiles it uncovers.
		int before = levelZeroChunks(store).size();
		PlaneRegion was = viewer.region();
		viewer.canvas().panBy(-512 - 300, 0);
		spinUntil(() -> viewer.region() != was && !viewer.readingTiles(), "the pan shows the tiles it uncovers");
		List<String> after = levelZeroChunks(store);
		int rows = (viewer.region().height() + 511) / 512;
		assertTrue(after.size() - before <= 2 * rows, "a pan by " + 812 + " pixels reads at most two columns of tiles: "
				+ (after.size() - before));
		assertEquals(after.size(), new HashSet<>(after).size(), "tiles still cached are not read again");
		assertTrue(assertCanvasShowsFullResolution(viewer) > 5000, "the panned view shows the full-resolution pixels");

		// Fitted again: the coarse level alone.
		viewer.canvas().zoomToFit();
		spinUntil(() -> viewer.regionLevel() == -1 && viewer.level() == 3, "fitted, the tiles are dropped");
	}
}
