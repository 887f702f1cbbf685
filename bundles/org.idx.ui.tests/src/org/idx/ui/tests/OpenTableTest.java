// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IElementFactory;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.XMLMemento;
import org.idx.core.ColumnType;
import org.idx.io.delimited.Dialect;
import org.idx.io.delimited.ReadOptions;
import org.idx.ui.dialogs.ReadOptionsDialog;
import org.idx.ui.editor.DatasetEditorInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open dialog and the remembered read options. */
class OpenTableTest {

	@TempDir
	Path folder;

	@Test
	void openDialogShowsWhatTheReaderDetects() throws IOException {
		Path file = folder.resolve("semicolons.csv");
		Files.writeString(file, "well;area;gene\nA01;12,5;ctrl\nA02;13,25;siA\nA03;NA;ctrl\n");
		ReadOptionsDialog dialog = new ReadOptionsDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
				file);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Table columns = WidgetTree.find(dialog.getShell(), Table.class, table -> true);
			assertNotNull(columns);
			assertEquals(3, columns.getItemCount());
			assertEquals("area", columns.getItem(1).getText(0));
			assertEquals("numeric", columns.getItem(1).getText(1));
			assertEquals("12.5, 13.25, NA", columns.getItem(1).getText(2), "decimal comma detected with ';'");
			Button open = (Button) dialog.getShell().getDefaultButton();
			assertEquals(IDialogConstants.OK_ID, open.getData());
			open.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
			assertEquals(Map.of(), dialog.options().columnTypes(), "nothing changed, nothing overridden");
		} finally {
			if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
				dialog.close();
			}
		}
	}

	@Test
	void readOptionsSurviveARestart() {
		ReadOptions options = ReadOptions.DEFAULTS.withDialect(new Dialect(';', ','))
				.withColumnType("well", ColumnType.TEXT).withColumnType("plate", ColumnType.CATEGORICAL);
		DatasetEditorInput input = new DatasetEditorInput(folder.resolve("t.csv"), options);
		XMLMemento memento = XMLMemento.createWriteRoot("editor");
		input.saveState(memento);

		IElementFactory factory = PlatformUI.getWorkbench().getElementFactory(input.getFactoryId());
		DatasetEditorInput restored = (DatasetEditorInput) factory.createElement(memento);
		assertEquals(input, restored);
		assertEquals(';', restored.options().delimiter());
		assertEquals(',', restored.options().decimal());
		assertEquals(options.columnTypes(), restored.options().columnTypes());
		assertTrue(restored.getToolTipText().endsWith("t.csv"));
	}
}
