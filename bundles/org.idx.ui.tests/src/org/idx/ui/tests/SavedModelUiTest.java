// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewReference;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.core.CategoricalColumn;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.RowSelection;
import org.idx.session.TableSession;
import org.idx.ui.analysis.MethodDialog;
import org.idx.ui.analysis.ReportView;
import org.idx.ui.analysis.RunAnalysis;
import org.idx.ui.analysis.SavedModelsDialog;
import org.idx.ui.editor.DatasetEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classifier trained in the workbench is kept with the dataset (dirty editor, saved with the session),
 * comes back when the table is reopened, and predicts again from Predict with Saved Model: the same
 * classes and probabilities as the run that trained it, in the selected rows only when asked.
 */
class SavedModelUiTest {

	private static final int ROWS = 300;

	@TempDir
	Path folder;

	@AfterEach
	void closeAll() {
		for (IViewReference view : page().getViewReferences()) {
			if (view.getId().equals(ReportView.ID)) {
				page().hideView(view);
			}
		}
		page().closeAllEditors(false);
	}

	/** 300 nuclei of three classes; every third row unlabelled (to be predicted). */
	private Path writeTable() throws IOException {
		Random random = new Random(3);
		StringBuilder csv = new StringBuilder("area,intensity,noise,class\n");
		String[] classes = { "interphase", "mitotic", "apoptotic" };
		for (int i = 0; i < ROWS; i++) {
			int c = (i / 3) % 3;
			csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f", 5 * c + random.nextGaussian(),
					c + random.nextGaussian(), random.nextGaussian())).append(',').append(i % 3 == 2 ? "" : classes[c]).append('\n');
		}
		Path file = folder.resolve("cells.csv");
		Files.writeString(file, csv);
		return file;
	}

	private static void waitFor(Job job) {
		spinUntil(() -> job.getResult() != null, "the job ends", 120_000);
		assertTrue(job.getResult().isOK(), job.getResult().toString());
	}

	@Test
	void trainSaveReopenAndPredictWithTheSavedModel() throws Exception {
		Path file = writeTable();
		DatasetEditor editor = openAndWait(file);
		MethodDescriptor xgboost = MethodRegistry.fromPlatform().find("xgboost").orElseThrow();
		DataTable table = editor.dataset().table();
		BitSet selected = new BitSet();
		for (int row = 0; row < ROWS; row += 5) {
			selected.set(row);
		}

		// The method dialog offers to train on all rows and keep the results in the selected rows only.
		MethodDialog methodDialog = new MethodDialog(page().getWorkbenchWindow().getShell(), xgboost, table,
				new RowSelection(table, selected, this));
		methodDialog.setBlockOnOpen(false);
		methodDialog.open();
		((Text) methodDialog.fieldControl("rounds")).setText("15");
		Combo label = (Combo) methodDialog.fieldControl("label");
		label.select(label.indexOf("class"));
		button(methodDialog.getShell(), "all (300)").setSelection(false);
		methodDialog.selectedResultsButton().setSelection(true);
		press(button(methodDialog.getShell(), "Run"));
		assertEquals(selected, methodDialog.resultRows());
		assertNull(methodDialog.rows(), "all rows are analysed");
		waitFor(RunAnalysis.start(page().getWorkbenchWindow(), editor.dataset(), xgboost, methodDialog.values(),
				methodDialog.rows(), methodDialog.resultRows(), true));
		CategoricalColumn onlySelected = (CategoricalColumn) table.column("prediction");
		assertEquals(ROWS - selected.cardinality(), onlySelected.naCount(), "NA outside the selection");

		// The same run on all rows: its model is kept with the dataset, the editor is dirty.
		TableSession session = editor.getAdapter(TableSession.class);
		waitFor(RunAnalysis.start(page().getWorkbenchWindow(), editor.dataset(), xgboost, methodDialog.values(), null, null,
				true));
		assertEquals(2, session.models().size(), "each run keeps its model");
		assertEquals(List.of("class classifier", "class classifier 2"), session.models().stream().map(m -> m.name()).toList());
		assertTrue(editor.isDirty(), "a new model is unsaved work");
		String[] trained = texts((CategoricalColumn) table.column("prediction"));
		double[] probabilities = values((NumericColumn) table.column("prediction_probability"));
		for (int row = selected.nextSetBit(0); row >= 0; row = selected.nextSetBit(row + 1)) {
			assertEquals(trained[row], onlySelected.text(row), "the selection got the all-rows prediction, row " + row);
		}
		session.removeModel("class classifier");
		page().saveEditor(editor, false);
		assertFalse(editor.isDirty(), "saved");
		assertTrue(Files.readString(folder.resolve("cells.csv.idx-session.json")).contains("\"models\""));

		// Reopened: the model is back; predicting with it gives what the run gave.
		page().closeEditor(editor, false);
		DatasetEditor reopened = openAndWait(file);
		TableSession restored = reopened.getAdapter(TableSession.class);
		assertEquals(List.of("class classifier 2"), restored.models().stream().map(m -> m.name()).toList());
		assertFalse(reopened.isDirty(), "a restored session is a saved session");
		DataTable again = reopened.dataset().table();
		BitSet some = new BitSet();
		some.set(10, 60);
		SavedModelsDialog dialog = new SavedModelsDialog(page().getWorkbenchWindow().getShell(), restored,
				MethodRegistry.fromPlatform(), new RowSelection(again, some, this));
		dialog.setBlockOnOpen(false);
		dialog.open();
		assertEquals(1, dialog.modelList().getItemCount());
		assertEquals("class classifier 2", dialog.modelList().getItem(0).getText(0));
		assertEquals("XGBoost classifier", dialog.modelList().getItem(0).getText(1));
		assertEquals("3: area, intensity, noise", dialog.modelList().getItem(0).getText(2));
		assertEquals("3: apoptotic, interphase, mitotic", dialog.modelList().getItem(0).getText(3));
		assertNull(dialog.getErrorMessage());
		button(dialog.getShell(), "all (300)").setSelection(false);
		dialog.selectedRowsButton().setSelection(true);
		Path shot = Screenshots.take(dialog.getShell(), "predict-saved-model.png");
		assertTrue(Files.size(shot) > 0);
		press(button(dialog.getShell(), "Predict"));
		assertEquals(some, dialog.rows());
		assertNotNull(dialog.method());
		waitFor(RunAnalysis.predict(page().getWorkbenchWindow(), reopened.dataset(), dialog.method(), dialog.model(),
				dialog.rows(), false));
		CategoricalColumn predicted = (CategoricalColumn) again.column("prediction.1");
		NumericColumn probability = (NumericColumn) again.column("prediction_probability.1");
		for (int row = 0; row < ROWS; row++) {
			if (some.get(row)) {
				assertEquals(trained[row], predicted.text(row), "row " + row);
				assertEquals(probabilities[row], probability.value(row), 0.0, "row " + row);
			} else {
				assertTrue(predicted.isNA(row) && probability.isNA(row), "row " + row + " is not selected");
			}
		}

		// A table without a feature of the model: the dialog says which, Predict is disabled.
		again.removeColumn("intensity");
		SavedModelsDialog missing = new SavedModelsDialog(page().getWorkbenchWindow().getShell(), restored,
				MethodRegistry.fromPlatform(), null);
		missing.setBlockOnOpen(false);
		missing.open();
		assertEquals("The table has no column 'intensity', a feature of model 'class classifier 2'.", missing.getErrorMessage());
		assertFalse(button(missing.getShell(), "Predict").isEnabled());
		missing.close();
	}

	private static Button button(Shell shell, String text) {
		Button button = WidgetTree.find(shell, Button.class, b -> text.equals(b.getText()));
		assertNotNull(button, "the dialog has a button " + text);
		return button;
	}

	private static void press(Button button) {
		button.notifyListeners(SWT.Selection, new Event());
	}

	private static String[] texts(CategoricalColumn column) {
		String[] texts = new String[column.size()];
		for (int row = 0; row < texts.length; row++) {
			texts[row] = column.text(row);
		}
		return texts;
	}

	private static double[] values(NumericColumn column) {
		double[] values = new double[column.size()];
		for (int row = 0; row < values.length; row++) {
			values[row] = column.value(row);
		}
		return values;
	}
}
