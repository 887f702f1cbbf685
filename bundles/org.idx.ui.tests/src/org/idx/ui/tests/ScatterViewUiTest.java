// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.clickCell;
import static org.idx.ui.tests.Workbench.findGrid;
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
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.idx.core.RowSelection;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.plot.ScatterView;
import org.idx.ui.selection.DatasetSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scatter plot view in the real workbench: it follows the dataset editor, highlights rows
 * selected in the table grid, and a rectangle dragged on its canvas selects exactly the enclosed
 * points, which the grid then highlights.
 */
class ScatterViewUiTest {

	private static final String LINKED = "IDX_LINKED_ROW";

	@TempDir
	Path folder;

	@BeforeEach
	void bigWindow() {
		page().getWorkbenchWindow().getShell().setSize(1400, 1000);
	}

	@AfterEach
	void closeAll() {
		page().closeAllEditors(false);
		var ref = page().findViewReference(ScatterView.ID);
		if (ref != null) {
			page().hideView(ref);
		}
	}

	/** A 10 x 10 grid of points: row i is at (i % 10, i / 10); a last row has no x. */
	private Path writeGrid() throws IOException {
		StringBuilder csv = new StringBuilder("x,y,group,area\n");
		for (int i = 0; i < 100; i++) {
			csv.append(i % 10).append(',').append(i / 10).append(',').append(i % 2 == 0 ? "even" : "odd").append(',')
					.append(i + 1).append('\n');
		}
		csv.append("NA,3,odd,7\n");
		Path file = folder.resolve("grid.csv");
		Files.writeString(file, csv);
		return file;
	}

	private ScatterView showPlot(DatasetEditor editor) throws Exception {
		ScatterView view = (ScatterView) page().showView(ScatterView.ID);
		spinUntil(() -> view.dataset() == editor.dataset() && view.renders() > 0 && view.canvasPosition(0) != null,
				"the plot follows the editor and renders");
		return view;
	}

	@Test
	void showsWhatToDoWithoutATableAndFollowsTheEditor() throws Exception {
		ScatterView view = (ScatterView) page().showView(ScatterView.ID);
		assertEquals("Open a table to plot it.", view.message());
		DatasetEditor editor = openAndWait(writeGrid());
		spinUntil(() -> view.renders() > 0, "the plot renders once the table is read");
		assertEquals(null, view.message());
		assertTrue(view.statusText().contains("100 of 101 points"), view.statusText());
		assertTrue(view.statusText().contains("1 NA"), view.statusText());
		page().closeEditor(editor, false);
		spinUntil(() -> "Open a table to plot it.".equals(view.message()), "the plot says so when the table closes");
	}

	@Test
	void rowsSelectedInTheTableAreHighlightedInThePlot() throws Exception {
		DatasetEditor editor = openAndWait(writeGrid());
		ScatterView view = showPlot(editor);
		page().activate(editor);
		NatTable grid = findGrid();
		clickCell(grid, 0, 3); // the row header of table row 2
		spinUntil(() -> {
			RowSelection shown = view.getAdapter(RowSelection.class);
			return shown != null && shown.contains(2);
		}, "the plot highlights row 2");
		assertEquals(1, view.getAdapter(RowSelection.class).cardinality());
	}

	@Test
	void aRectangleDraggedOnThePlotSelectsTheEnclosedRowsEverywhere() throws Exception {
		DatasetEditor editor = openAndWait(writeGrid());
		ScatterView view = showPlot(editor);
		page().activate(view);
		List<RowSelection> received = new ArrayList<>();
		ISelectionListener listener = (IWorkbenchPart part, ISelection selection) -> DatasetSelection.rowsOf(selection)
				.ifPresent(received::add);
		page().addSelectionListener(listener);
		try {
			// x in [2, 4] and y in [3, 5]: rows 32-34, 42-44, 52-54.
			Point lowLeft = view.canvasPosition(32);
			Point highRight = view.canvasPosition(54);
			Point right = view.canvasPosition(33);
			Point above = view.canvasPosition(42);
			int dx = right.x - lowLeft.x;
			int dy = lowLeft.y - above.y;
			assertTrue(dx >= 6 && dy >= 6, "points are far enough apart to drag between them: " + lowLeft + right
					+ above + " on a canvas of " + view.canvas().getSize());
			drag(view.canvas(), new Point(lowLeft.x - dx / 2, lowLeft.y + dy / 2),
					new Point(highRight.x + dx / 2, highRight.y - dy / 2));
			spinUntil(() -> !received.isEmpty(), "the selection reaches the listener");
		} finally {
			page().removeSelectionListener(listener);
		}
		BitSet expected = new BitSet();
		for (int row : new int[] { 32, 33, 34, 42, 43, 44, 52, 53, 54 }) {
			expected.set(row);
		}
		RowSelection rows = received.get(received.size() - 1);
		assertEquals(expected, rows.rows(), "exactly the enclosed points are selected");
		assertEquals(view, rows.origin());
		assertEquals(expected, view.getAdapter(RowSelection.class).rows(), "the plot highlights them too");

		NatTable grid = findGrid();
		// The grid scrolls the first highlighted row into view; check every row it shows.
		spinUntil(() -> Boolean.TRUE.equals(linkedLabel(grid, 32)), "the table highlights row 32");
		int checked = 0;
		for (int row = 0; row < 101; row++) {
			Boolean linked = linkedLabel(grid, row);
			if (linked != null) {
				assertEquals(expected.get(row), linked, "row " + row + " highlighted in the table");
				checked++;
			}
		}
		assertTrue(checked > 1, "the grid shows rows to check");
	}

	@Test
	void aClickPicksTheNearestPointAndShiftClickAdds() throws Exception {
		DatasetEditor editor = openAndWait(writeGrid());
		ScatterView view = showPlot(editor);
		page().activate(view);
		Point first = view.canvasPosition(23);
		click(view.canvas(), new Point(first.x + 2, first.y - 1), 0);
		spinUntil(() -> view.getAdapter(RowSelection.class) != null && view.getAdapter(RowSelection.class).contains(23),
				"a click selects the nearest point");
		assertEquals(1, view.getAdapter(RowSelection.class).cardinality());
		Point second = view.canvasPosition(77);
		click(view.canvas(), second, SWT.SHIFT);
		spinUntil(() -> view.getAdapter(RowSelection.class).cardinality() == 2, "shift-click adds the second point");
		assertTrue(view.getAdapter(RowSelection.class).contains(77));
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

	private static void drag(Canvas canvas, Point from, Point to) {
		Event down = mouse(canvas, from, 0);
		canvas.notifyListeners(SWT.MouseDown, down);
		for (int step = 1; step <= 4; step++) {
			Point at = new Point(from.x + (to.x - from.x) * step / 4, from.y + (to.y - from.y) * step / 4);
			Event move = mouse(canvas, at, SWT.BUTTON1);
			move.button = 0;
			canvas.notifyListeners(SWT.MouseMove, move);
		}
		canvas.notifyListeners(SWT.MouseUp, mouse(canvas, to, SWT.BUTTON1));
	}

	private static void click(Canvas canvas, Point at, int modifiers) {
		canvas.notifyListeners(SWT.MouseDown, mouse(canvas, at, modifiers));
		canvas.notifyListeners(SWT.MouseUp, mouse(canvas, at, modifiers | SWT.BUTTON1));
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
