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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.idx.core.RowSelection;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.editor.DatasetEditors;
import org.idx.ui.selection.DatasetSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a table in the real workbench (SWT under Xvfb), reads what the NatTable grid shows and
 * clicks a row header to check that the row reaches a workbench selection listener.
 */
class DatasetEditorUiTest {

	/** The config label the table page gives cells of rows selected in other views. */
	private static final String LINKED = "IDX_LINKED_ROW";

	@TempDir
	Path folder;

	@AfterEach
	void closeEditors() {
		page().closeAllEditors(false);
	}

	private Path writeTable() throws IOException {
		StringBuilder csv = new StringBuilder("id,area,group\n");
		for (int i = 0; i < 200; i++) {
			csv.append(i).append(',').append(String.format(Locale.ROOT, "%.2f", 100 + i * 1.5)).append(',')
					.append(i % 3 == 0 ? "ctrl" : "siA").append('\n');
		}
		csv.append("200,NA,ctrl\n");
		Path file = folder.resolve("cells.csv");
		Files.writeString(file, csv);
		return file;
	}

	@Test
	void gridShowsTheTableWithTypesAndNaCounts() throws IOException {
		DatasetEditor editor = openAndWait(writeTable());
		Dataset dataset = editor.getAdapter(Dataset.class);
		assertEquals(201, dataset.table().rowCount());

		NatTable grid = findGrid();
		// Grid position (0, 0) is the corner; column headers are row 0, row headers column 0.
		assertEquals("id\nnumeric", grid.getDataValueByPosition(1, 0));
		assertEquals("area\nnumeric · 1 NA", grid.getDataValueByPosition(2, 0));
		assertEquals("group\ncategorical", grid.getDataValueByPosition(3, 0));
		assertEquals("0", grid.getDataValueByPosition(1, 1));
		assertEquals("101.5", grid.getDataValueByPosition(2, 2));
		assertEquals("ctrl", grid.getDataValueByPosition(3, 1));
		assertEquals(1, grid.getDataValueByPosition(0, 1), "row headers number the table rows from 1");
	}

	@Test
	void aDerivedColumnAppearsInTheGridAtOnce() throws IOException {
		DatasetEditor editor = openAndWait(writeTable());
		NatTable grid = findGrid();
		double[] values = new double[201];
		for (int i = 0; i < values.length; i++) {
			values[i] = i * 0.5;
		}
		editor.dataset().table().addColumn(DoubleArrayColumn.of("PC1", values));
		spinUntil(() -> "PC1\nnumeric".equals(grid.getDataValueByPosition(4, 0)), "the new column shows in the header");
		assertEquals("1.5", grid.getDataValueByPosition(4, 4));
	}

	@Test
	void clickingARowPublishesItAsARowSelection() throws IOException {
		openAndWait(writeTable());
		NatTable grid = findGrid();
		List<RowSelection> received = new ArrayList<>();
		ISelectionListener listener = (IWorkbenchPart part, ISelection selection) -> DatasetSelection.rowsOf(selection)
				.ifPresent(received::add);
		page().addSelectionListener(listener);
		try {
			clickCell(grid, 0, 3); // the row header of the third body row: table row 2
			spinUntil(() -> !received.isEmpty(), "the selection reaches the listener");
		} finally {
			page().removeSelectionListener(listener);
		}
		RowSelection rows = received.get(received.size() - 1);
		assertEquals(1, rows.cardinality());
		assertTrue(rows.contains(2), "row 2 is selected, got " + rows);
		assertNotNull(rows.origin());
	}

	@Test
	void rowsSelectedInAnotherViewAreHighlightedInTheGrid() throws Exception {
		DatasetEditor editor = openAndWait(writeTable());
		NatTable grid = findGrid();
		SelectionSourceView source = (SelectionSourceView) page().showView(SelectionSourceView.ID);
		BitSet rows = new BitSet();
		rows.set(5);
		rows.set(7);
		source.provider().setSelection(new DatasetSelection(new RowSelection(editor.dataset().table(), rows, source)));
		spinUntil(() -> grid.getConfigLabelsByPosition(1, 6).hasLabel(LINKED), "row 5 is highlighted");
		assertTrue(grid.getConfigLabelsByPosition(2, 8).hasLabel(LINKED), "row 7 is highlighted");
		assertFalse(grid.getConfigLabelsByPosition(1, 7).hasLabel(LINKED), "row 6 is not");
		assertFalse(grid.getConfigLabelsByPosition(1, 1).hasLabel(LINKED), "row 0 is not");
	}

	@Test
	void aBrokenTableSaysWhyInPlaceAndShowsNoGrid() throws IOException {
		Path file = folder.resolve("broken.csv");
		Files.writeString(file, "a,b\n1,2\n3,4,5\n");
		IEditorPart editor = DatasetEditors.open(page(), file);
		org.eclipse.swt.widgets.Shell shell = page().getWorkbenchWindow().getShell();
		spinUntil(() -> WidgetTree.find(shell, org.eclipse.swt.widgets.Label.class,
				label -> label.getText().contains("broken.csv") && label.getText().contains("3")
						&& !label.getText().startsWith("Reading")) != null,
				"the editor says what is wrong");
		String message = WidgetTree.find(shell, org.eclipse.swt.widgets.Label.class,
				label -> label.getText().contains("broken.csv") && !label.getText().startsWith("Reading")).getText();
		assertTrue(message.contains(":3"), "the message names line 3: " + message);
		assertEquals(null, ((DatasetEditor) editor).dataset(), "nothing half-read is shown");
		assertEquals(null, findGrid());
	}


}
