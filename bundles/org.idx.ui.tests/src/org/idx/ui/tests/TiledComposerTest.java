// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageRoot;
import org.idx.images.PlaneRegion;
import org.idx.images.display.TileCache;
import org.idx.images.testing.ZarrFixture;
import org.idx.ui.dataset.ImageServices;
import org.idx.ui.image.ImageComposer;
import org.idx.ui.image.ImageComposer.Composed;
import org.idx.ui.image.ImageComposer.OwnLabels;
import org.idx.ui.image.LabelColours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's composition of the tiles in view over a coarse level (no widgets): both channels at full
 * resolution in the window, the contrast of the plane under them, the label image's outlines at full
 * resolution, and a cancelled read.
 */
class TiledComposerTest {

	private static final int SIZE = 4096;

	@TempDir
	Path folder;

	private static int sample(long c, long y, long x) {
		return (int) (100 + c * 1000 + (x * 3 + y * 7) % 900);
	}

	private static boolean inObject(long y, long x) {
		return x >= 2000 && x < 2100 && y >= 2000 && y < 2100;
	}

	private ImageRoot root() {
		Map<String, byte[]> objects = ZarrFixture.image("cyx", new long[] { 2, SIZE, SIZE }, new int[] { 1, 512, 512 }).levels(3)
				.samples(p -> sample(p[0], p[1], p[2])).write("cells.ome.zarr");
		ZarrFixture.group(objects, "cells.ome.zarr/labels", 2, "{\"labels\":[\"nuclei\"]}");
		objects.putAll(ZarrFixture.image("cyx", new long[] { 1, SIZE, SIZE }, new int[] { 1, 512, 512 }).levels(3).type("uint8")
				.samples(p -> inObject(p[1], p[2]) ? 5 : 0).attributes(",\"image-label\":{\"version\":\"0.4\"}")
				.write("cells.ome.zarr/labels/nuclei"));
		ZarrFixture.writeTo(objects, folder);
		return ImageServices.get().rootBeside(folder.resolve("table.csv"));
	}

	@Test
	void theTilesInViewAreComposedAtFullResolutionWithTheContrastAndOutlinesOfThePlaneUnderThem() throws Exception {
		ImageRoot root = root();
		Composed under = ImageComposer.compose(new ImageComposer.Request(root, "cells.ome.zarr", 0, 0, -1, null, null, false, null,
				OwnLabels.OUTLINE, 0, 1000, 800, null));
		assertEquals(2, under.level(), "fitted into 1000x800, the 1024-pixel level is shown");
		assertTrue(!under.tiled() && under.window() == null && under.covers(4095, 4095) && !under.covers(4096, 10),
				"a whole plane is no window (it may be larger than a region may be) and covers the image");
		ImageComposer.Request atFull = new ImageComposer.Request(root, "cells.ome.zarr", 0, 0, -1, null, null, false, null,
				OwnLabels.OUTLINE, null, 1, 1000, 800, null, under.level());
		TileCache tiles = new TileCache(64L << 20);
		Composed window = ImageComposer.composeTiles(atFull, under, tiles, new double[] { 1800, 1800, 2300, 2200 }, () -> false);
		assertEquals(0, window.level());
		PlaneRegion w = window.window();
		assertEquals(new PlaneRegion(1536, 1536, 1024, 1024), w, "the view and a 128-pixel margin, in whole 512-pixel tiles");
		assertEquals(8, window.tilesRead(), "four 512x512 tiles of each of the two channels");
		assertArrayEquals(new int[] { 0, 1 }, window.channels());
		for (int[] p : new int[][] { { 1801, 1803 }, { 2299, 2199 }, { 1536, 1536 }, { 2559, 2559 } }) {
			for (int c = 0; c < 2; c++) {
				assertEquals(sample(c, p[1], p[0]), window.value(c, p[0], p[1]), "channel " + c + " at " + p[0] + "," + p[1]);
			}
			assertTrue(window.covers(p[0] + 0.5, p[1] + 0.5));
		}
		assertTrue(!window.covers(1000, 1000) && !window.covers(2600, 2000));
		assertEquals(under.ranges()[0], window.ranges()[0], "auto contrast is the plane's under the tiles, not the window's");
		assertEquals(under.ranges()[1], window.ranges()[1]);
		int outline = LabelColours.colour(5) & 0xFFFFFF;
		assertEquals(null, window.overlayProblem());
		assertEquals(outline, window.argb()[(2050 - w.y()) * w.width() + (2000 - w.x())] & 0xFFFFFF, "the object's left edge is outlined");
		assertEquals(outline, window.argb()[(2099 - w.y()) * w.width() + (2050 - w.x())] & 0xFFFFFF, "its bottom edge");
		assertNotEquals(outline, window.argb()[(2050 - w.y()) * w.width() + (2050 - w.x())] & 0xFFFFFF, "not its inside");
		assertNotEquals(outline, window.argb()[(2050 - w.y()) * w.width() + (1999 - w.x())] & 0xFFFFFF, "nor the background");

		// The same window again comes from the cache; a cancelled read of another fails with a sentence.
		assertEquals(0, ImageComposer.composeTiles(atFull, under, tiles, new double[] { 1800, 1800, 2300, 2200 }, () -> false).tilesRead());
		ImageAccessException cancelled = assertThrows(ImageAccessException.class,
				() -> ImageComposer.composeTiles(atFull, under, tiles, new double[] { 100, 100, 600, 500 }, () -> true));
		assertTrue(cancelled.getMessage().contains("cancelled"), cancelled.getMessage());
	}
}
