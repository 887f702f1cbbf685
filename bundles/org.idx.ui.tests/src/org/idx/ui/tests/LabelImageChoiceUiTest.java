// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.clickCell;
import static org.idx.ui.tests.Workbench.findGrid;
import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
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
 * An OME-Zarr image with two label images, {@code nuclei} (a disc of radius 20, label 1) and {@code cells}
 * (a disc of radius 50 around it, label 5), and no mask column: the view menus list both; choosing
 * {@code cells} makes the mask viewer show it (its pixels change) and the Image Viewer outline it.
 */
class LabelImageChoiceUiTest {

	private static final int SIZE = 256;
	private static final int CX = 120;
	private static final int CY = 110;

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
				ImageView view = (ImageView) ref.getView(false);
				if (view != null) {
					view.setLabelImage(null);
				}
				page().hideView(ref);
			}
		}
	}

	private static boolean within(long y, long x, int radius) {
		return (x - CX) * (x - CX) + (y - CY) * (y - CY) <= radius * radius;
	}

	private Path writeTable() throws Exception {
		Map<String, byte[]> objects = ZarrFixture.image("yx", new long[] { SIZE, SIZE }, new int[] { 128, 128 })
				.samples(p -> within(p[0], p[1], 50) ? 3000 : 500 + p[1]).write("well.ome.zarr");
		ZarrFixture.group(objects, "well.ome.zarr/labels", 2, "{\"labels\":[\"nuclei\",\"cells\"]}");
		objects.putAll(ZarrFixture.image("yx", new long[] { SIZE, SIZE }, new int[] { 128, 128 }).type("uint8")
				.samples(p -> within(p[0], p[1], 20) ? 1 : 0).attributes(",\"image-label\":{\"version\":\"0.4\"}")
				.write("well.ome.zarr/labels/nuclei"));
		objects.putAll(ZarrFixture.image("yx", new long[] { SIZE, SIZE }, new int[] { 128, 128 }).type("uint8")
				.samples(p -> within(p[0], p[1], 50) ? 5 : 0).attributes(",\"image-label\":{\"version\":\"0.4\"}")
				.write("well.ome.zarr/labels/cells"));
		ZarrFixture.writeTo(objects, folder);
		Path table = folder.resolve("labels.csv");
		Files.writeString(table, "image,x,y\nwell.ome.zarr," + CX + "," + CY + "\nwell.ome.zarr,30,30\n");
		return table;
	}

	/** The value the status line reads at a full-resolution position. */
	private static String valueAt(ImageView view, double x, double y) {
		Point at = view.canvas().canvasPosition(x, y);
		Event move = new Event();
		move.x = at.x;
		move.y = at.y;
		move.widget = view.canvas();
		view.canvas().notifyListeners(SWT.MouseMove, move);
		String status = view.statusText();
		return status.substring(status.lastIndexOf(':') + 1).trim();
	}

	/** Opens the view's label submenu as a user does and picks the item named so; returns the items' texts. */
	private static List<String> chooseInMenu(ImageView view, String name) {
		MenuManager labels = (MenuManager) view.getViewSite().getActionBars().getMenuManager().find(ImageView.LABEL_MENU_ID);
		assertNotNull(labels, "the view menu has the label image submenu");
		Menu menu = labels.createContextMenu(view.canvas());
		try {
			menu.notifyListeners(SWT.Show, new Event());
			List<String> items = Arrays.stream(menu.getItems()).map(MenuItem::getText).toList();
			for (MenuItem item : menu.getItems()) {
				assertEquals(SWT.RADIO, item.getStyle() & SWT.RADIO, item.getText() + " is a radio item");
				item.setSelection(item.getText().equals(name));
				if (item.getText().equals(name)) {
					item.notifyListeners(SWT.Selection, new Event());
				}
			}
			return items;
		} finally {
			menu.dispose();
		}
	}

	private static int[] pixels(ImageView view) {
		ImageData data = view.canvas().snapshot();
		int[] out = new int[data.width * data.height];
		data.getPixels(0, 0, out.length, out, 0);
		return out;
	}

	@Test
	void theUserChoosesWhichLabelImageTheMaskViewerShowsAndTheViewerOutlines() throws Exception {
		DatasetEditor editor = openAndWait(writeTable());
		ImageView mask = (ImageView) page().showView(SecondImageView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		mask.setLabelImage(null);
		page().activate(editor);
		clickCell(findGrid(), 0, 1);
		spinUntil(() -> "well.ome.zarr/labels/nuclei".equals(mask.sourceKey()) && mask.focusRow() == 0,
				"the mask viewer shows the first label image");
		assertEquals(List.of("nuclei", "cells"), mask.labelImages());
		assertEquals("nuclei", mask.labelImage());
		assertEquals("1", valueAt(mask, CX, CY));
		assertEquals("0", valueAt(mask, CX + 35, CY), "outside the nucleus");
		int[] nucleiPixels = pixels(mask);

		int loads = mask.loads();
		assertEquals(List.of("nuclei", "cells"), chooseInMenu(mask, "cells"));
		spinUntil(() -> mask.loads() > loads && "well.ome.zarr/labels/cells".equals(mask.sourceKey()),
				"choosing cells shows the cells label image: " + mask.sourceKey());
		assertEquals("cells", mask.labelImage());
		assertEquals("5", valueAt(mask, CX + 35, CY), "inside the cell around the nucleus");
		assertFalse(Arrays.equals(nucleiPixels, pixels(mask)), "the mask viewer's pixels changed");
		Screenshots.take(page().getWorkbenchWindow().getShell(), "label-image-choice.png");

		// The Image Viewer outlines the label image chosen in its own menu.
		ImageView viewer = (ImageView) page().showView(ImageViewerView.ID, null, IWorkbenchPage.VIEW_ACTIVATE);
		viewer.setLabelImage(null);
		spinUntil(() -> "well.ome.zarr".equals(viewer.shownKey()), "the viewer shows the image");
		int before = viewer.loads();
		viewer.setOption(true);
		spinUntil(() -> viewer.loads() > before, "the viewer redraws with outlines");
		assertNull(viewer.notice(), "the nuclei's outlines are drawn");
		int[] nucleusOutlines = pixels(viewer);
		int again = viewer.loads();
		assertEquals(List.of("nuclei", "cells"), chooseInMenu(viewer, "cells"));
		spinUntil(() -> viewer.loads() > again, "the viewer redraws with the cells' outlines");
		assertNull(viewer.notice());
		assertEquals("cells", viewer.labelImage());
		assertFalse(Arrays.equals(nucleusOutlines, pixels(viewer)), "other outlines are drawn");
		assertTrue(mask.labelImage().equals("cells"), "each viewer keeps its own choice");
	}
}
