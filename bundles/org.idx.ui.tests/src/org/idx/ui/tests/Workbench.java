// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.editor.DatasetEditors;

/** What the UI tests do with the running workbench: open tables, wait for the UI, click cells. */
final class Workbench {

	private static final long TIMEOUT_MS = 30_000;

	static {
		// The tests' tables have no image column: the first-open wizard is tested on its own (ConfigurationUiTest).
		InstanceScope.INSTANCE.getNode("org.idx.ui.config").putBoolean("askOnFirstOpen", false);
	}

	private Workbench() {
	}

	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** Opens a table in a dataset editor and waits until it is read and its grid shows. */
	static DatasetEditor openAndWait(Path file) {
		IEditorPart editor = DatasetEditors.open(page(), file);
		assertTrue(editor instanceof DatasetEditor, "the table opens in the dataset editor");
		DatasetEditor datasetEditor = (DatasetEditor) editor;
		spinUntil(() -> datasetEditor.dataset() != null && findGrid() != null, "the table is read and the grid appears");
		return datasetEditor;
	}

	/** @return the visible table grid, or null */
	static NatTable findGrid() {
		return WidgetTree.find(page().getWorkbenchWindow().getShell(), NatTable.class, NatTable::isVisible);
	}

	/** Clicks the middle of a grid cell (grid positions: row 0 is the header, column 0 the row numbers). */
	static void clickCell(NatTable grid, int column, int row) {
		Rectangle bounds = grid.getBoundsByPosition(column, row);
		for (int type : new int[] { SWT.MouseDown, SWT.MouseUp }) {
			Event event = new Event();
			event.button = 1;
			event.x = bounds.x + bounds.width / 2;
			event.y = bounds.y + bounds.height / 2;
			event.widget = grid;
			grid.notifyListeners(type, event);
		}
	}

	/**
	 * @param grid the table grid
	 * @param tableRow a table row
	 * @return whether the grid shows that row highlighted as selected in another view, or null when it is not in view
	 */
	static Boolean linkedLabel(NatTable grid, int tableRow) {
		for (int position = 1; position < grid.getRowCount(); position++) {
			if (Integer.valueOf(tableRow + 1).equals(grid.getDataValueByPosition(0, position))) {
				return grid.getConfigLabelsByPosition(1, position).hasLabel("IDX_LINKED_ROW");
			}
		}
		return null;
	}

	/** Clicks a control at a point, with modifier keys (e.g. {@code SWT.SHIFT}). */
	static void click(Control control, Point at, int modifiers) {
		control.notifyListeners(SWT.MouseDown, mouse(control, at, modifiers));
		control.notifyListeners(SWT.MouseUp, mouse(control, at, modifiers | SWT.BUTTON1));
	}

	/** Drags with the left button from one point to another in a few steps. */
	static void drag(Control control, Point from, Point to) {
		control.notifyListeners(SWT.MouseDown, mouse(control, from, 0));
		for (int step = 1; step <= 4; step++) {
			Point at = new Point(from.x + (to.x - from.x) * step / 4, from.y + (to.y - from.y) * step / 4);
			Event move = mouse(control, at, SWT.BUTTON1);
			move.button = 0;
			control.notifyListeners(SWT.MouseMove, move);
		}
		control.notifyListeners(SWT.MouseUp, mouse(control, to, SWT.BUTTON1));
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

	/** Runs the event loop until the condition holds, failing after 30 s. */
	static void spinUntil(BooleanSupplier condition, String what) {
		spinUntil(condition, what, TIMEOUT_MS);
	}

	/** Runs the event loop until the condition holds, failing after {@code timeoutMs}. */
	static void spinUntil(BooleanSupplier condition, String what, long timeoutMs) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + timeoutMs;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("timed out waiting until " + what);
			}
			if (!display.readAndDispatch()) {
				display.sleep();
				display.timerExec(50, () -> {
				});
			}
		}
	}
}
