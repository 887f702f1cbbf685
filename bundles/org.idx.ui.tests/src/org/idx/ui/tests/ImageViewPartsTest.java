// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.StringArrayColumn;
import org.idx.images.BytePlane;
import org.idx.images.ImageRoot;
import org.idx.images.MissingImageException;
import org.idx.ui.dataset.ImageServices;
import org.idx.ui.gallery.Crops;
import org.idx.ui.image.ImagePreferences;
import org.idx.ui.image.ImageRowIndex;
import org.idx.ui.image.LabelColours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of the image views below the widgets: rows by image, label colours and outlines, gallery
 * crops, the plane cache preference.
 */
class ImageViewPartsTest {

	@TempDir
	Path folder;

	@Test
	void rowsAreGroupedByImageInAscendingOrder() {
		StringArrayColumn column = StringArrayColumn.of("image", "a.tif", "b.tif", " a.tif ", null, "b.tif", "", "a.tif");
		ImageRowIndex index = ImageRowIndex.build(column);
		assertEquals(2, index.imageCount());
		assertArrayEquals(new int[] { 0, 2, 6 }, index.rowsOf("a.tif"), "keys are trimmed");
		assertArrayEquals(new int[] { 1, 4 }, index.rowsOf("b.tif"));
		assertArrayEquals(new int[0], index.rowsOf("c.tif"));
		assertArrayEquals(new int[0], index.rowsOf(null));
	}

	@Test
	void categoricalImageColumnsAreGroupedByLevel() {
		DictionaryColumn column = DictionaryColumn.adopt("image", new int[] { 1, 0, -1, 1, 1 }, List.of("x.png", "y.png"));
		ImageRowIndex index = ImageRowIndex.build(column);
		assertArrayEquals(new int[] { 0, 3, 4 }, index.rowsOf("y.png"));
		assertArrayEquals(new int[] { 1 }, index.rowsOf("x.png"));
	}

	@Test
	void labelsGetStableDistinctColoursAndOutlinesOnlyTheirBorder() {
		assertEquals(LabelColours.colour(7), LabelColours.colour(7));
		assertNotEquals(LabelColours.colour(1), LabelColours.colour(2));
		// A 5x5 mask with a 3x3 object of label 4 in the middle.
		byte[] mask = new byte[25];
		for (int y = 1; y <= 3; y++) {
			for (int x = 1; x <= 3; x++) {
				mask[y * 5 + x] = 4;
			}
		}
		int[] argb = new int[25];
		LabelColours.outline(new BytePlane(5, 5, mask), argb);
		int colour = LabelColours.colour(4);
		for (int i = 0; i < 25; i++) {
			int x = i % 5;
			int y = i / 5;
			boolean border = mask[i] != 0 && !(x == 2 && y == 2);
			assertEquals(border ? colour : 0, argb[i], "pixel " + x + "," + y);
		}
		int[] shown = LabelColours.render(new BytePlane(5, 5, mask), null);
		assertEquals(0xFF000000, shown[0], "background is black");
		assertEquals(colour, shown[12]);
	}

	@Test
	void thePlaneCacheBoundFollowsTheImagesPreference() {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(ImagePreferences.NODE);
		try {
			ImagePreferences.apply();
			node.putInt(ImagePreferences.CACHE_MIB, 64);
			assertEquals(64L << 20, ImageServices.get().cache().stats().maxBytes());
			node.putInt(ImagePreferences.CACHE_MIB, 1);
			assertEquals((long) ImagePreferences.MIN_CACHE_MIB << 20, ImageServices.get().cache().stats().maxBytes(),
					"a bound below the minimum is raised to it");
		} finally {
			node.remove(ImagePreferences.CACHE_MIB);
		}
		assertEquals(ImageServices.DEFAULT_CACHE_BYTES, ImageServices.get().cache().stats().maxBytes(),
				"without a preference the default bound applies");
	}

	@Test
	void cropsAreCutAroundTheAnchorAndBlackPastTheBorder() throws Exception {
		BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < 10; y++) {
			for (int x = 0; x < 20; x++) {
				image.getRaster().setSample(x, y, 0, x < 10 ? 50 : 200);
			}
		}
		Files.createDirectories(folder.resolve("img"));
		ImageIO.write(image, "png", folder.resolve("img/a.png").toFile());
		ImageRoot root = ImageServices.get().rootBeside(folder.resolve("table.csv"));
		Crops crops = new Crops(root);
		// A 4x4 crop around (1, 1): columns -1..2 and rows -1..2; the first column and row lie outside.
		int[] argb = crops.crop("img/a.png", 1.4, 1.7, 0, 0, 4);
		assertEquals(16, argb.length);
		assertEquals(0xFF000000, argb[0], "outside the image is black");
		assertEquals(0xFF000000, argb[5] & 0xFF000000);
		assertEquals(argb[5], argb[10], "inside, the left half is one grey");
		int[] right = crops.crop("img/a.png", 15, 5, 0, 0, 4);
		assertNotEquals(argb[5], right[5], "the brighter half maps to another grey");
		assertThrows(IllegalArgumentException.class, () -> crops.crop("img/a.png", 25, 5, 0, 0, 4));
		assertThrows(MissingImageException.class, () -> crops.crop("img/none.png", 1, 1, 0, 0, 4));
	}
}
