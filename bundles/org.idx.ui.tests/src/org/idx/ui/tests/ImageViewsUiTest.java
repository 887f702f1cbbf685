// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.clickCell;
import static org.idx.ui.tests.Workbench.findGrid;
import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import javax.imageio.ImageIO;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPart;
import org.idx.core.RowSelection;
import org.idx.images.StoreSpec;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.gallery.GalleryView;
import org.idx.ui.image.ImageView;
import org.idx.ui.image.ImageViewerView;
import org.idx.ui.image.SecondImageView;
import org.idx.ui.plot.ScatterView;
import org.idx.ui.selection.DatasetSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image viewer, the mask viewer and the gallery in the real workbench, on generated PNG images:
 * they follow the row focused in the table or the plot, a click on an object marker or a gallery crop
 * selects that row everywhere, and bad input is said in place.
 */
class ImageViewsUiTest {

	private static final String LINKED = "IDX_LINKED_ROW";

	/**
	 * Rows: image, x, y. Rows 0-2 share a.png; row 4's image is missing; row 5's anchor is outside; row 6's
	 * key leaves the image root; row 7's image is not an image.
	 */
	private static final String[][] ROWS = { { "img/a.png", "10", "12" }, { "img/a.png", "40", "30" },
			{ "img/a.png", "70", "20" }, { "img/b.png", "20", "40" }, { "img/missing.png", "5", "5" },
			{ "img/b.png", "500", "7" }, { "../escape.png", "1", "1" }, { "img/broken.png", "1", "1" } };

	@TempDir
	Path folder;

	@BeforeEach
	void bigWindow() {
		page().getWorkbenchWindow().getShell().setSize(1400, 1000);
	}

	@AfterEach
	void closeAll() {
		page().closeAllEditors(false);
		for (String id : new String[] { ImageViewerView.ID, SecondImageView.ID, GalleryView.ID, ScatterView.ID,
				SelectionSourceView.ID }) {
			IViewReference ref = page().findViewReference(id);
			if (ref != null) {
				page().hideView(ref);
			}
		}
	}

	private Path writeTable(boolean withImages) throws IOException {
		Path images = Files.createDirectories(folder.resolve("img"));
		png(images.resolve("a.png"), 90, 60, 1);
		png(images.resolve("b.png"), 50, 50, 2);
		png(images.resolve("a_mask.png"), 90, 60, 0);
		Files.writeString(images.resolve("broken.png"), "not a PNG");
		StringBuilder csv = new StringBuilder(withImages ? "image,mask,x,y,area\n" : "x,y,area\n");
		for (int i = 0; i < ROWS.length; i++) {
			if (withImages) {
				csv.append(ROWS[i][0]).append(',').append(ROWS[i][0].equals("img/a.png") ? "img/a_mask.png" : "")
						.append(',');
			}
			csv.append(ROWS[i][1]).append(',').append(ROWS[i][2]).append(',').append(100 + i).append('\n');
		}
		Path file = folder.resolve(withImages ? "objects.csv" : "plain.csv");
		Files.writeString(file, csv);
		return file;
	}

	/** A grey gradient; kind 0 is a label image with the objects of a.png as labels 1-3. */
	private static void png(Path file, int width, int height, int kind) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int v;
				if (kind == 0) {
					v = 0;
					for (int i = 0; i < 3; i++) {
						int dx = x - Integer.parseInt(ROWS[i][1]);
						int dy = y - Integer.parseInt(ROWS[i][2]);
						if (dx * dx + dy * dy <= 16) {
							v = i + 1;
						}
					}
				} else {
					v = (x * 3 + y * kind) % 256;
				}
				image.getRaster().setSample(x, y, 0, v);
			}
		}
		ImageIO.write(image, "png", file.toFile());
	}

	private static ImageView showViewer(String id) throws Exception {
		return (ImageView) page().showView(id, null, org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
	}

	/** Clicks the row header of a table row (no sorting or filter: position = row + 1). */
	private static void clickTableRow(int row) {
		clickCell(findGrid(), 0, row + 1);
	}

	private static void waitShown(ImageView view, String key, int row) {
		spinUntil(() -> key.equals(view.shownKey()) && view.focusRow() == row, "the viewer shows " + key + " for row " + row);
	}

	@Test
	void selectingARowInTheTableShowsItsImageWithTheMarker() throws Exception {
		DatasetEditor editor = openAndWait(writeTable(true));
		ImageView view = showViewer(ImageViewerView.ID);
		page().activate(editor);
		clickTableRow(1);
		waitShown(view, "img/a.png", 1);
		assertNull(view.message());
		assertNull(view.notice(), "the anchor lies inside the image");
		Point marker = view.canvas().canvasPosition(40.5, 30.5);
		assertEquals(1, view.canvas().markerAt(marker.x, marker.y), "the focused row's marker is at its anchor");
		Point other = view.canvas().canvasPosition(70.5, 20.5);
		assertEquals(2, view.canvas().markerAt(other.x, other.y), "the other object of the image is marked");
		assertTrue(view.statusText().contains("img/a.png") && view.statusText().contains("90x60"), view.statusText());

		clickTableRow(3);
		waitShown(view, "img/b.png", 3);
	}

	@Test
	void clickingAPointInThePlotShowsItsImage() throws Exception {
		DatasetEditor editor = openAndWait(writeTable(true));
		ImageView viewer = showViewer(ImageViewerView.ID);
		ScatterView plot = (ScatterView) page().showView(ScatterView.ID);
		spinUntil(() -> plot.dataset() == editor.dataset() && plot.renders() > 0 && plot.canvasPosition(3) != null,
				"the plot renders");
		plot.setColumns("x", "y", null);
		spinUntil(() -> plot.canvasPosition(3) != null, "the plot shows row 3");
		Point point = plot.canvasPosition(3);
		click(plot.canvas(), point, 0);
		waitShown(viewer, "img/b.png", 3);
	}

	@Test
	void clickingAnObjectMarkerSelectsItsRowInTheTable() throws Exception {
		DatasetEditor editor = openAndWait(writeTable(true));
		ImageView view = showViewer(ImageViewerView.ID);
		page().activate(editor);
		clickTableRow(0);
		waitShown(view, "img/a.png", 0);
		List<RowSelection> received = new ArrayList<>();
		ISelectionListener listener = (IWorkbenchPart part, ISelection selection) -> DatasetSelection.rowsOf(selection)
				.filter(rows -> rows.origin() == view).ifPresent(received::add);
		page().addSelectionListener(listener);
		try {
			page().activate(view);
			Point marker = view.canvas().canvasPosition(70.5, 20.5);
			click(view.canvas(), marker, 0);
			spinUntil(() -> !received.isEmpty(), "the marker click is published");
		} finally {
			page().removeSelectionListener(listener);
		}
		RowSelection rows = received.get(received.size() - 1);
		assertEquals(2, rows.focus(), "the clicked object is the focus");
		BitSet expected = new BitSet();
		expected.set(2);
		assertEquals(expected, rows.rows(), "only the clicked object is selected");
		assertEquals(2, view.focusRow(), "the viewer follows its own click");
		NatTable grid = findGrid();
		spinUntil(() -> Boolean.TRUE.equals(linkedLabel(grid, 2)), "the table highlights row 2");
		assertEquals(Boolean.FALSE, linkedLabel(grid, 0), "row 0 is no longer selected");
	}

	@Test
	void badInputIsSaidInPlaceAndTheViewerKeepsWorking() throws Exception {
		DatasetEditor editor = openAndWait(writeTable(true));
		ImageView view = showViewer(ImageViewerView.ID);
		page().activate(editor);
		clickTableRow(4);
		spinUntil(() -> view.message() != null && view.message().contains("missing.png"), "a missing image is said");
		assertNull(view.shownKey());
		clickTableRow(6);
		spinUntil(() -> view.message() != null && view.message().contains("'../escape.png' is refused"),
				"a key leaving the image root is refused: " + view.message());
		clickTableRow(7);
		spinUntil(() -> view.message() != null && view.message().contains("broken.png"),
				"an unreadable image is said: " + view.message());
		clickTableRow(5);
		waitShown(view, "img/b.png", 5);
		assertTrue(view.notice() != null && view.notice().contains("outside"), "an anchor outside is said: " + view.notice());
		clickTableRow(0);
		waitShown(view, "img/a.png", 0);
		assertNull(view.notice());
	}

	@Test
	void pointingTheImageRootElsewhereShowsTheImagesFoundThere() throws Exception {
		DatasetEditor editor = openAndWait(writeTable(true));
		ImageView view = showViewer(ImageViewerView.ID);
		page().activate(editor);
		clickTableRow(4);
		spinUntil(() -> view.message() != null && view.message().contains("missing.png"), "a missing image is said");
		Path elsewhere = Files.createDirectories(folder.resolve("elsewhere/img"));
		png(elsewhere.resolve("missing.png"), 30, 20, 3);
		editor.dataset().images().setSpec(StoreSpec.folder(folder.resolve("elsewhere")));
		waitShown(view, "img/missing.png", 4);
		assertNull(view.message(), "the image is read from the new root without selecting the row again");
	}

	@Test
	void withoutAnImageColumnTheViewerSaysWhatToConfigure() throws Exception {
		DatasetEditor editor = openAndWait(writeTable(false));
		ImageView view = showViewer(ImageViewerView.ID);
		page().activate(editor);
		clickTableRow(0);
		spinUntil(() -> view.message() != null && view.message().startsWith("No image column is configured"),
				"the viewer says that no image column is configured: " + view.message());
	}

	@Test
	void theMaskViewerShowsTheMaskAndTheViewerItsOutlines() throws Exception {
		DatasetEditor editor = openAndWait(writeTable(true));
		ImageView viewer = showViewer(ImageViewerView.ID);
		ImageView mask = showViewer(SecondImageView.ID);
		page().activate(editor);
		clickTableRow(2);
		waitShown(mask, "img/a_mask.png", 2);
		waitShown(viewer, "img/a.png", 2);
		int loads = viewer.loads();
		viewer.setOption(true);
		spinUntil(() -> viewer.loads() > loads, "the viewer redraws with the mask outlines");
		assertNull(viewer.notice(), "the outlines are drawn: " + viewer.notice());
	}

	@Test
	void aClickOnAGalleryCropFocusesItsRow() throws Exception {
		DatasetEditor editor = openAndWait(writeTable(true));
		GalleryView gallery = (GalleryView) page().showView(GalleryView.ID);
		ImageView viewer = showViewer(ImageViewerView.ID);
		page().activate(editor);
		SelectionSourceView source = (SelectionSourceView) page().showView(SelectionSourceView.ID);
		BitSet rows = new BitSet();
		rows.set(0, 6); // rows 0-5
		source.provider().setSelection(new DatasetSelection(new RowSelection(editor.dataset().table(), rows, source)));
		spinUntil(() -> gallery.grid().cellCount() == 6 && gallery.grid().doneCount() == 6, "the gallery reads 6 crops");
		assertTrue(gallery.grid().problem(4) != null && gallery.grid().problem(4).contains("missing.png"),
				"the missing image is said in its cell: " + gallery.grid().problem(4));
		assertTrue(gallery.grid().problem(5) != null && gallery.grid().problem(5).contains("outside"),
				"the anchor outside is said in its cell: " + gallery.grid().problem(5));
		assertNull(gallery.grid().problem(3));
		List<RowSelection> received = new ArrayList<>();
		ISelectionListener listener = (IWorkbenchPart part, ISelection selection) -> DatasetSelection.rowsOf(selection)
				.filter(r -> r.origin() == gallery).ifPresent(received::add);
		page().addSelectionListener(listener);
		try {
			page().activate(gallery);
			Point cell = gallery.grid().reveal(3);
			click(gallery.grid(), cell, 0);
			spinUntil(() -> !received.isEmpty(), "the gallery click is published");
		} finally {
			page().removeSelectionListener(listener);
		}
		assertEquals(3, received.get(received.size() - 1).focus());
		assertEquals(rows, received.get(received.size() - 1).rows(), "the selection stays");
		waitShown(viewer, "img/b.png", 3);
	}

	@Test
	void theAnchorZChoosesThePlaneAndTheSliderMovesThroughTheStack() throws Exception {
		Files.createDirectories(folder.resolve("img"));
		Files.write(folder.resolve("img/stack.tif"), stack(32, 24, 4));
		Files.writeString(folder.resolve("stack.csv"), "image,x,y,z\nimg/stack.tif,5,6,2\nimg/stack.tif,20,10,0\n");
		DatasetEditor editor = openAndWait(folder.resolve("stack.csv"));
		ImageView view = showViewer(ImageViewerView.ID);
		page().activate(editor);
		clickTableRow(0);
		waitShown(view, "img/stack.tif", 0);
		assertEquals(2, view.z(), "row 0's anchor z picks the plane");
		assertTrue(view.statusText().contains("32x24"), view.statusText());
		int loads = view.loads();
		view.setPlane(false, 3);
		spinUntil(() -> view.loads() > loads, "the slider step is shown");
		assertEquals(3, view.z());
		// Page p holds the value 10 * (p + 1) everywhere: the pixel under the pointer says which plane is shown.
		Point inside = view.canvas().canvasPosition(8.5, 8.5);
		Event move = mouse(view.canvas(), inside, 0);
		view.canvas().notifyListeners(SWT.MouseMove, move);
		assertTrue(view.statusText().endsWith(": 40"), "the pixel value of plane 3: " + view.statusText());
		clickTableRow(1);
		spinUntil(() -> view.focusRow() == 1 && view.z() == 0, "row 1's anchor z moves the viewer to plane 0");
	}

	/** An uncompressed 8-bit grey TIFF with {@code pages} pages; page p is filled with 10 * (p + 1). */
	private static byte[] stack(int width, int height, int pages) {
		int ifdBytes = 2 + 9 * 12 + 4;
		int pageBytes = width * height;
		java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + pages * (ifdBytes + pageBytes))
				.order(java.nio.ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		for (int p = 0; p < pages; p++) {
			int data = b.position() + ifdBytes;
			int[][] tags = { { 256, 3, width }, { 257, 3, height }, { 258, 3, 8 }, { 259, 3, 1 }, { 262, 3, 1 },
					{ 273, 4, data }, { 277, 3, 1 }, { 278, 3, height }, { 279, 4, pageBytes } };
			b.putShort((short) tags.length);
			for (int[] t : tags) {
				b.putShort((short) t[0]).putShort((short) t[1]).putInt(1).putInt(t[2]);
			}
			b.putInt(p == pages - 1 ? 0 : data + pageBytes);
			for (int i = 0; i < pageBytes; i++) {
				b.put((byte) (10 * (p + 1)));
			}
		}
		return b.array();
	}

	/** @return whether the grid shows the table row highlighted, or null when it is not in view */
	private static Boolean linkedLabel(NatTable grid, int tableRow) {
		for (int position = 1; position < grid.getRowCount(); position++) {
			if (Integer.valueOf(tableRow + 1).equals(grid.getDataValueByPosition(0, position))) {
				return grid.getConfigLabelsByPosition(1, position).hasLabel(LINKED);
			}
		}
		return null;
	}

	private static void click(Control control, Point at, int modifiers) {
		control.notifyListeners(SWT.MouseDown, mouse(control, at, modifiers));
		control.notifyListeners(SWT.MouseUp, mouse(control, at, modifiers | SWT.BUTTON1));
	}

	private static Event mouse(Control control, Point at, int stateMask) {
		Event event = new Event();
		event.button = 1;
		event.x = at.x;
		event.y = at.y;
		event.stateMask = stateMask;
		event.widget = control;
		return event;
	}
}
