// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.click;
import static org.idx.ui.tests.Workbench.clickCell;
import static org.idx.ui.tests.Workbench.findGrid;
import static org.idx.ui.tests.Workbench.linkedLabel;
import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.idx.core.RowSelection;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.plot.DistributionView;
import org.idx.ui.selection.DatasetSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution view in the real workbench: a click on a histogram bin, a bar or a box selects
 * exactly its rows (the table highlights them), rows selected in the table are counted in the
 * overlay, and a text column chosen as value is refused with a sentence in place of the chart.
 */
class DistributionUiTest {

	@TempDir
	Path folder;

	private final List<RowSelection> received = new ArrayList<>();
	private final ISelectionListener listener = (IWorkbenchPart part, ISelection selection) -> DatasetSelection
			.rowsOf(selection).ifPresent(received::add);

	@BeforeEach
	void setUp() {
		page().getWorkbenchWindow().getShell().setSize(1400, 1000);
		page().addSelectionListener(listener);
	}

	@AfterEach
	void closeAll() {
		page().removeSelectionListener(listener);
		page().closeAllEditors(false);
		var ref = page().findViewReference(DistributionView.ID);
		if (ref != null) {
			page().hideView(ref);
		}
	}

	/** Row i has value i (0..99), group "g" + i % 3, and a free-text note. */
	private Path writeValues() throws IOException {
		StringBuilder csv = new StringBuilder("value,group,note\n");
		for (int i = 0; i < 100; i++) {
			csv.append(i).append(",g").append(i % 3).append(",note number ").append(i).append(" of many\n");
		}
		Path file = folder.resolve("values.csv");
		Files.writeString(file, csv);
		return file;
	}

	private DistributionView show(DatasetEditor editor, String kind, String value, String group) throws Exception {
		DistributionView view = (DistributionView) page().showView(DistributionView.ID);
		spinUntil(() -> view.dataset() == editor.dataset(), "the view follows the editor");
		int before = view.renders();
		view.choose(kind, value, group, 10, false);
		spinUntil(() -> view.renders() > before && view.message() == null && view.slotCentre(0) != null,
				"the " + kind + " is drawn");
		return view;
	}

	private RowSelection last() {
		return received.get(received.size() - 1);
	}

	@Test
	void aClickOnAHistogramBinSelectsItsRowsAndTheTableHighlightsThem() throws Exception {
		DatasetEditor editor = openAndWait(writeValues());
		DistributionView view = show(editor, "histogram", "value", null);
		assertTrue(view.statusText().startsWith("100 values in 10 bins of width 9.9"), view.statusText());
		page().activate(view);
		received.clear();
		// Bins of width 9.9 from 0: bin 3 is [29.7, 39.6): values 30..39.
		click(view.canvas(), view.slotCentre(3), 0);
		spinUntil(() -> !received.isEmpty(), "the selection reaches the listener");
		BitSet expected = new BitSet();
		expected.set(30, 40);
		assertEquals(expected, last().rows());
		assertEquals(view, last().origin());
		NatTable grid = findGrid();
		spinUntil(() -> Boolean.TRUE.equals(linkedLabel(grid, 30)), "the table highlights row 30");
		spinUntil(() -> view.highlightedCount(3) == 10, "the overlay counts the selected rows of bin 3");
		assertEquals(0, view.highlightedCount(2));

		click(view.canvas(), view.slotCentre(9), SWT.SHIFT);
		spinUntil(() -> last().cardinality() == 20, "shift-click adds bin 9 (89.1 to 99, both ends included)");
		assertTrue(last().rows().get(99) && last().rows().get(90) && !last().rows().get(89));
	}

	@Test
	void rowsSelectedInTheTableAreCountedInTheOverlay() throws Exception {
		DatasetEditor editor = openAndWait(writeValues());
		DistributionView view = show(editor, "histogram", "value", "group");
		page().activate(editor);
		clickCell(findGrid(), 0, 6); // the row header of table row 5: value 5, bin 0
		spinUntil(() -> view.highlightedCount(0) == 1, "bin 0 shows one selected row");
		assertTrue(view.tooltip(0).startsWith("[0, 9.9): 10 (1 selected)"), view.tooltip(0));
		assertTrue(view.statusText().contains("1 selected"), view.statusText());
	}

	@Test
	void aViewOpenedAfterRowsWereSelectedShowsThem() throws Exception {
		DatasetEditor editor = openAndWait(writeValues());
		page().activate(editor);
		clickCell(findGrid(), 0, 6); // table row 5: value 5, bin 0
		DistributionView view = show(editor, "histogram", "value", null);
		spinUntil(() -> view.highlightedCount(0) == 1, "the new view shows the row selected before it opened");
	}

	@Test
	void barsAndBoxesSelectTheRowsOfTheirLevel() throws Exception {
		DatasetEditor editor = openAndWait(writeValues());
		DistributionView view = show(editor, "bar chart", "group", null);
		assertTrue(view.tooltip(1).startsWith("g1: 33"), view.tooltip(1));
		page().activate(view);
		received.clear();
		click(view.canvas(), view.slotCentre(1), 0);
		spinUntil(() -> !received.isEmpty(), "the bar's rows are selected");
		BitSet g1 = new BitSet();
		for (int i = 1; i < 100; i += 3) {
			g1.set(i);
		}
		assertEquals(g1, last().rows());

		DistributionView box = show(editor, "box plot", "value", "group");
		assertTrue(box.tooltip(2).startsWith("g2: n = 33 · median 50"), box.tooltip(2));
		page().activate(box);
		received.clear();
		click(box.canvas(), box.slotCentre(2), 0);
		spinUntil(() -> !received.isEmpty(), "the box's rows are selected");
		BitSet g2 = new BitSet();
		for (int i = 2; i < 100; i += 3) {
			g2.set(i);
		}
		assertEquals(g2, last().rows());
	}

	@Test
	void aTextColumnChosenAsValueIsExplainedInPlace() throws Exception {
		DatasetEditor editor = openAndWait(writeValues());
		DistributionView view = (DistributionView) page().showView(DistributionView.ID);
		spinUntil(() -> view.dataset() == editor.dataset(), "the view follows the editor");
		view.choose("histogram", "note", null, 10, false);
		assertEquals("Column note holds text: a histogram needs numbers. Choose a numeric column.", view.message());
		view.choose("bar chart", "note", null, 10, false);
		assertEquals("Column note is free text: a bar chart counts the levels of a categorical column. Choose one.",
				view.message());
		view.choose("histogram", "value", null, 10, false);
		spinUntil(() -> view.message() == null, "a numeric column is drawn again");
	}

	@Test
	void exportsTheChartAsPngAndSvg() throws Exception {
		DatasetEditor editor = openAndWait(writeValues());
		DistributionView view = show(editor, "histogram", "value", null);
		Path png = folder.resolve("histogram.png");
		Path svg = folder.resolve("histogram.svg");
		view.exportTo(png, "png");
		view.exportTo(svg, "svg");
		byte[] bytes = Files.readAllBytes(png);
		assertTrue(bytes.length > 100 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N', "a PNG file");
		String text = Files.readString(svg);
		assertTrue(text.startsWith("<svg"), text.substring(0, 40));
		assertTrue(text.split("<rect", -1).length - 1 >= 10, "a rectangle per bin at least");
		assertTrue(text.contains(">count</text>"), "the y axis title");
	}
}
