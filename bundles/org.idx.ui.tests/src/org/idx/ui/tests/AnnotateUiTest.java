// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.findGrid;
import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.idx.core.CategoricalColumn;
import org.idx.core.RowSelection;
import org.idx.ui.annotate.AssignLabelHandler;
import org.idx.ui.annotate.LabelsView;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.plot.ScatterView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labelling in the real workbench: rows dragged in the scatter plot get label 1 by the command
 * bound to key 1 (the first label makes the column "label" with "class 1" and "class 2"); the
 * table shows the label in exactly those rows, the editor is dirty, Edit &gt;
 * Undo takes it back and Redo gives it again, Save writes the session beside the table (which is
 * not touched), and the table opened again shows the labels.
 */
class AnnotateUiTest {

	private static final String CONTEXT = "org.idx.ui.annotate.labelKeys";

	@TempDir
	Path folder;

	@BeforeEach
	void bigWindow() {
		page().getWorkbenchWindow().getShell().setSize(1400, 1000);
	}

	@AfterEach
	void closeAll() {
		page().closeAllEditors(false);
		for (String id : new String[] { ScatterView.ID, LabelsView.ID }) {
			var ref = page().findViewReference(id);
			if (ref != null) {
				page().hideView(ref);
			}
		}
	}

	/** A 10 x 10 grid of points: row i is at (i % 10, i / 10). */
	private Path writeGrid() throws IOException {
		StringBuilder csv = new StringBuilder("x,y,group\n");
		for (int i = 0; i < 100; i++) {
			csv.append(i % 10).append(',').append(i / 10).append(',').append(i % 2 == 0 ? "even" : "odd").append('\n');
		}
		Path file = folder.resolve("grid.csv");
		Files.writeString(file, csv);
		return file;
	}

	@Test
	void rowsSelectedInThePlotAreLabelledUndoneSavedAndRestored() throws Exception {
		Path file = writeGrid();
		byte[] original = Files.readAllBytes(file);
		DatasetEditor editor = openAndWait(file);
		ScatterView plot = (ScatterView) page().showView(ScatterView.ID);
		spinUntil(() -> plot.dataset() == editor.dataset() && plot.renders() > 0 && plot.canvasPosition(0) != null,
				"the plot follows the editor and renders");
		LabelsView labels = (LabelsView) page().showView(LabelsView.ID);
		page().activate(plot);

		// Drag around x in [2, 4], y in [1, 2]: rows 12-14 and 22-24, near the top of the table.
		Point lowLeft = plot.canvasPosition(12);
		Point highRight = plot.canvasPosition(24);
		int dx = plot.canvasPosition(13).x - lowLeft.x;
		int dy = lowLeft.y - plot.canvasPosition(22).y;
		drag(plot.canvas(), new Point(lowLeft.x - dx / 2, lowLeft.y + dy / 2),
				new Point(highRight.x + dx / 2, highRight.y - dy / 2));
		BitSet expected = new BitSet();
		for (int row : new int[] { 12, 13, 14, 22, 23, 24 }) {
			expected.set(row);
		}
		spinUntil(() -> {
			RowSelection shown = plot.getAdapter(RowSelection.class);
			return shown != null && shown.rows().equals(expected);
		}, "the plot selects the six enclosed points");

		// Key 1 is bound to "label as 1" while the plot has the focus, and runs that command.
		plot.canvas().setFocus();
		spinUntil(() -> contexts().getActiveContextIds().contains(CONTEXT), "the number keys are active in the plot");
		ParameterizedCommand labelOne = boundTo("1");
		assertEquals(AssignLabelHandler.COMMAND, labelOne.getId());
		assertEquals(Map.of(AssignLabelHandler.LABEL, "1"), labelOne.getParameterMap());
		assertFalse(editor.isDirty(), "nothing changed yet");
		handlers().executeCommand(labelOne, null);

		spinUntil(() -> editor.dataset().table().findColumn("label").isPresent(), "a label column is made");
		assertLabelled(editor, expected, "class 1");
		spinUntil(() -> "class 1".equals(gridText(findGrid(), "label", 13)), "the table shows the label in row 13");
		assertGridShows(expected, "class 1");
		assertTrue(editor.isDirty(), "labels make the editor dirty");
		spinUntil(() -> labels.shownLabels().contains("1 class 1 6"), "the Labels view counts six rows");
		assertEquals(List.of("1 class 1 6", "2 class 2 0", "0 (unlabelled) 94"), labels.shownLabels());

		// Edit > Undo with the editor active takes the labels back; Redo in the plot gives them again.
		page().activate(editor);
		handlers().executeCommand("org.eclipse.ui.edit.undo", null);
		assertLabelled(editor, new BitSet(), "class 1");
		spinUntil(() -> gridText(findGrid(), "label", 13) == null, "the table shows row 13 unlabelled again");
		assertGridShows(new BitSet(), "class 1");
		page().activate(plot);
		handlers().executeCommand("org.eclipse.ui.edit.redo", null);
		assertLabelled(editor, expected, "class 1");

		// Save writes the session beside the table and leaves the table alone.
		page().saveEditor(editor, false);
		assertFalse(editor.isDirty(), "saved");
		Path sessionFile = folder.resolve("grid.csv.idx-session.json");
		assertTrue(Files.isRegularFile(sessionFile), "the session is beside the table");
		assertTrue(java.util.Arrays.equals(original, Files.readAllBytes(file)), "the table file is unchanged");

		// Opened again, the table has its labels back.
		page().closeEditor(editor, false);
		DatasetEditor reopened = openAndWait(file);
		assertNotNull(reopened.getAdapter(org.idx.session.TableSession.class));
		assertLabelled(reopened, expected, "class 1");
		assertFalse(reopened.isDirty(), "a restored session is a saved session");
		spinUntil(() -> "class 1".equals(gridText(findGrid(), "label", 13)), "the reopened table shows the labels");
		assertGridShows(expected, "class 1");
	}

	@Test
	void theNumberKeysTypeInTextFields() throws Exception {
		DatasetEditor editor = openAndWait(writeGrid());
		page().activate(editor);
		Text filter = WidgetTree.find(page().getWorkbenchWindow().getShell(), Text.class, Text::isVisible);
		assertNotNull(filter, "the table page has a filter field");
		filter.setFocus();
		spinUntil(() -> !contexts().getActiveContextIds().contains(CONTEXT), "typing in the filter does not label");
		findGrid().setFocus();
		spinUntil(() -> contexts().getActiveContextIds().contains(CONTEXT), "in the grid the number keys label");
	}

	/** Every row the grid shows has the label exactly when it is in {@code rows}. */
	private static void assertGridShows(BitSet rows, String label) {
		int checked = 0;
		for (int row = 0; row < 100; row++) {
			if (gridShows(findGrid(), row)) {
				assertEquals(rows.get(row) ? label : null, gridText(findGrid(), "label", row), "grid row " + row);
				checked++;
			}
		}
		assertTrue(checked >= 10, "the grid shows rows to check: " + checked);
	}

	private static boolean gridShows(NatTable grid, int tableRow) {
		for (int position = 1; position < grid.getRowCount(); position++) {
			if (Integer.valueOf(tableRow + 1).equals(grid.getDataValueByPosition(0, position))) {
				return true;
			}
		}
		return false;
	}

	private static void assertLabelled(DatasetEditor editor, BitSet rows, String label) {
		CategoricalColumn column = (CategoricalColumn) editor.dataset().table().column("label");
		for (int row = 0; row < column.size(); row++) {
			assertEquals(rows.get(row) ? label : null, column.text(row), "label of row " + row);
		}
	}

	/** @return the text the grid shows in a named column for a table row, or null (also when not shown) */
	private static String gridText(NatTable grid, String columnName, int tableRow) {
		int column = -1;
		for (int position = 1; position < grid.getColumnCount(); position++) {
			Object header;
			try {
				header = grid.getDataValueByPosition(position, 0);
			} catch (IndexOutOfBoundsException e) {
				continue; // a position the grid is still mapping while a new column comes in
			}
			if (header != null && header.toString().startsWith(columnName + "\n")) {
				column = position;
			}
		}
		if (column < 0) {
			return null;
		}
		for (int position = 1; position < grid.getRowCount(); position++) {
			if (Integer.valueOf(tableRow + 1).equals(grid.getDataValueByPosition(0, position))) {
				Object value = grid.getDataValueByPosition(column, position);
				return value == null || value.toString().isEmpty() || "NA".equals(value.toString()) ? null
						: value.toString();
			}
		}
		return null;
	}

	private static ParameterizedCommand boundTo(String key) throws Exception {
		IBindingService bindings = page().getWorkbenchWindow().getService(IBindingService.class);
		Binding binding = bindings.getPerfectMatch(KeySequence.getInstance(key));
		assertNotNull(binding, "key " + key + " is bound");
		return binding.getParameterizedCommand();
	}

	private static IContextService contexts() {
		return page().getWorkbenchWindow().getService(IContextService.class);
	}

	private static IHandlerService handlers() {
		return page().getWorkbenchWindow().getService(IHandlerService.class);
	}

	private static void drag(Canvas canvas, Point from, Point to) {
		canvas.notifyListeners(SWT.MouseDown, mouse(canvas, from, 0));
		for (int step = 1; step <= 4; step++) {
			Point at = new Point(from.x + (to.x - from.x) * step / 4, from.y + (to.y - from.y) * step / 4);
			Event move = mouse(canvas, at, SWT.BUTTON1);
			move.button = 0;
			canvas.notifyListeners(SWT.MouseMove, move);
		}
		canvas.notifyListeners(SWT.MouseUp, mouse(canvas, to, SWT.BUTTON1));
	}

	private static Event mouse(Canvas canvas, Point at, int stateMask) {
		Event event = new Event();
		event.button = 1;
		event.x = at.x;
		event.y = at.y;
		event.stateMask = stateMask;
		event.widget = canvas;
		return event;
	}
}
