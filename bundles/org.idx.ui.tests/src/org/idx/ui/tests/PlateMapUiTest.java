// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.click;
import static org.idx.ui.tests.Workbench.clickCell;
import static org.idx.ui.tests.Workbench.drag;
import static org.idx.ui.tests.Workbench.findGrid;
import static org.idx.ui.tests.Workbench.linkedLabel;
import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.idx.core.RowSelection;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.plate.PlateMapView;
import org.idx.ui.selection.DatasetSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plate map in the real workbench: a click on a well selects exactly that well's rows on the
 * plate shown (and the table highlights them), Shift adds, a drag takes the wells under it; rows
 * selected in the table outline their wells; well names that do not parse are reported above the
 * map while the rest is drawn.
 */
class PlateMapUiTest {

	/** Row i: plate P1 for i < 40, else P2; the well spelled in several ways; area = i. */
	private static final String[] SPELLINGS = { "A01", "b7", "B-07", "C03", "H12" };

	@TempDir
	Path folder;

	@BeforeEach
	void bigWindow() {
		page().getWorkbenchWindow().getShell().setSize(1400, 1000);
	}

	@AfterEach
	void closeAll() {
		page().closeAllEditors(false);
		var ref = page().findViewReference(PlateMapView.ID);
		if (ref != null) {
			page().hideView(ref);
		}
	}

	private Path writePlates() throws IOException {
		StringBuilder csv = new StringBuilder("plate,well,area\n");
		for (int i = 0; i < 60; i++) {
			csv.append(i < 40 ? "P1" : "P2").append(',').append(SPELLINGS[i % 5]).append(',').append(i).append('\n');
		}
		return write("plates.csv", csv);
	}

	private Path write(String name, CharSequence csv) throws IOException {
		Path file = folder.resolve(name);
		Files.writeString(file, csv);
		return file;
	}

	private static BitSet rowsOf(int from, int to, int... remainders) {
		BitSet rows = new BitSet();
		for (int i = from; i < to; i++) {
			for (int r : remainders) {
				if (i % 5 == r) {
					rows.set(i);
				}
			}
		}
		return rows;
	}

	private PlateMapView showMap(DatasetEditor editor) throws Exception {
		PlateMapView view = (PlateMapView) page().showView(PlateMapView.ID);
		spinUntil(() -> view.dataset() == editor.dataset() && view.renders() > 0 && view.wellCentre("A01") != null,
				"the plate map follows the editor and draws a plate");
		return view;
	}

	@Test
	void aClickOnAWellSelectsItsRowsAndTheTableHighlightsThem() throws Exception {
		DatasetEditor editor = openAndWait(writePlates());
		PlateMapView view = showMap(editor);
		view.choose(null, "area", "P1");
		spinUntil(() -> view.statusText().contains("plate P1"), "plate P1 is shown");
		assertTrue(view.statusText().contains("96-well plate"), view.statusText());
		assertTrue(view.tooltip("B07").startsWith("B07 · n = 16 · mean area = "), view.tooltip("B07"));
		page().activate(view);
		List<RowSelection> received = new ArrayList<>();
		ISelectionListener listener = (IWorkbenchPart part, ISelection selection) -> DatasetSelection.rowsOf(selection)
				.ifPresent(received::add);
		page().addSelectionListener(listener);
		try {
			click(view.canvas(), view.wellCentre("B07"), 0);
			spinUntil(() -> !received.isEmpty(), "the selection reaches the listener");
			BitSet b07 = rowsOf(0, 40, 1, 2);
			RowSelection rows = received.get(received.size() - 1);
			assertEquals(b07, rows.rows(), "b7 and B-07 on plate P1 are well B07");
			assertEquals(view, rows.origin());

			NatTable grid = findGrid();
			spinUntil(() -> Boolean.TRUE.equals(linkedLabel(grid, 1)), "the table highlights row 1");
			assertEquals(Boolean.FALSE, linkedLabel(grid, 0), "row 0 (A01) is not highlighted");

			click(view.canvas(), view.wellCentre("H12"), SWT.SHIFT);
			spinUntil(() -> received.get(received.size() - 1).cardinality() == 24, "shift-click adds well H12");
			BitSet both = rowsOf(0, 40, 1, 2, 4);
			assertEquals(both, received.get(received.size() - 1).rows());

			// A drag from A01 to C03 takes the wells whose centres it encloses: A01, B07 is outside (column 7).
			Point a01 = view.wellCentre("A01");
			Point c03 = view.wellCentre("C03");
			drag(view.canvas(), new Point(a01.x - 5, a01.y - 5), new Point(c03.x + 5, c03.y + 5));
			spinUntil(() -> received.get(received.size() - 1).rows().equals(rowsOf(0, 40, 0, 3)),
					"a drag selects the rows of A01 and C03");
		} finally {
			page().removeSelectionListener(listener);
		}
	}

	@Test
	void rowsSelectedInTheTableOutlineTheirWells() throws Exception {
		DatasetEditor editor = openAndWait(writePlates());
		PlateMapView view = showMap(editor);
		view.choose(null, "area", "P1");
		spinUntil(() -> view.statusText().contains("plate P1"), "plate P1 is shown");
		page().activate(editor);
		clickCell(findGrid(), 0, 3); // the row header of table row 2: B-07 on P1
		spinUntil(() -> view.highlightedRows("B07") == 1, "well B07 shows one selected row");
		assertEquals(0, view.highlightedRows("A01"));
		assertTrue(view.statusText().contains("1 selected rows on this plate"), view.statusText());
		assertTrue(view.tooltip("B07").endsWith("1 selected"), view.tooltip("B07"));
	}

	@Test
	void wellNamesThatDoNotParseAreReportedAndTheRestIsDrawn() throws Exception {
		StringBuilder csv = new StringBuilder("plate,well,area\n");
		String[] wells = { "A01", "A02", "X99", "B03", "junk", "X99", "B03", "X99" };
		for (int i = 0; i < wells.length; i++) {
			csv.append("P1,").append(wells[i]).append(',').append(i).append('\n');
		}
		DatasetEditor editor = openAndWait(write("bad-wells.csv", csv));
		PlateMapView view = showMap(editor);
		assertNull(view.message(), "the map is drawn");
		String notice = view.notice();
		assertNotNull(notice, "the view says some wells do not parse");
		assertTrue(notice.startsWith("4 rows have a well that does not parse (column well), e.g. 'X99' in row 3"),
				notice);
		assertTrue(view.tooltip("B03").startsWith("B03 · n = 2"), view.tooltip("B03"));
	}

	@Test
	void nothingParsesSaysSoInPlaceOfTheMap() throws Exception {
		DatasetEditor editor = openAndWait(write("no-wells.csv", "well,area\nfoo,1\nbar,2\n"));
		PlateMapView view = (PlateMapView) page().showView(PlateMapView.ID);
		spinUntil(() -> view.message() != null && view.message().contains("does not parse"),
				"the view says no well parses");
		assertTrue(view.message().startsWith("2 rows have a well that does not parse (column well), e.g. 'foo' in row 1"),
				view.message());
		assertEquals(editor.dataset(), view.dataset());
	}

	@Test
	void wellRowAndColumnColumnsMakeA384WellPlate() throws Exception {
		DatasetEditor editor = openAndWait(write("pairs.csv", "well_row,well_col,area\nA,1,1\nP,24,2\nC,5,3\nC,5,4\n"));
		PlateMapView view = showMap(editor);
		assertTrue(view.statusText().startsWith("384-well plate · 3 wells with rows"), view.statusText());
		assertTrue(view.tooltip("C05").startsWith("C05 · n = 2"), view.tooltip("C05"));
	}

	@Test
	void exportsThePlateAsPngAndSvg() throws Exception {
		DatasetEditor editor = openAndWait(writePlates());
		PlateMapView view = showMap(editor);
		view.choose(null, "area", "P1");
		spinUntil(() -> view.statusText().contains("plate P1"), "plate P1 is shown");
		Path png = folder.resolve("map.png");
		Path svg = folder.resolve("map.svg");
		view.exportTo(png, "png");
		view.exportTo(svg, "svg");
		byte[] bytes = Files.readAllBytes(png);
		assertTrue(bytes.length > 100 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N', "a PNG file");
		String text = Files.readString(svg);
		assertTrue(text.startsWith("<svg"), text.substring(0, 40));
		assertTrue(text.split("<circle", -1).length - 1 >= 96, "one circle per well at least");
		assertTrue(text.contains(">mean area</text>"), "the legend title");
	}
}
