// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.analysis.ParameterValues;
import org.idx.analysis.TrainedModel;
import org.idx.core.RowSelection;
import org.idx.session.TableSession;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.selection.DatasetSelection;

/**
 * Asks for a method's parameters and runs it on a dataset in the background; applies a model kept
 * with a dataset's session again.
 */
public final class RunAnalysis {

	private RunAnalysis() {
	}

	static void open(IWorkbenchWindow window, Dataset dataset, MethodDescriptor method) {
		if (dataset == null) {
			return;
		}
		MethodDialog dialog = new MethodDialog(window.getShell(), method, dataset.table(), selectedRows(window, dataset));
		if (dialog.open() == Window.OK) {
			start(window, dataset, method, dialog.values(), dialog.rows(), dialog.resultRows(), dialog.replaceEarlierColumns());
		}
	}

	/**
	 * Lists the models kept with the dataset's session and predicts with the chosen one in the background.
	 *
	 * @param window  the workbench window
	 * @param dataset the dataset of the active editor
	 */
	static void openSavedModels(IWorkbenchWindow window, Dataset dataset) {
		if (dataset == null) {
			return;
		}
		TableSession session = DatasetSessionLookup.of(window, dataset);
		if (session == null) {
			return;
		}
		SavedModelsDialog dialog = new SavedModelsDialog(window.getShell(), session, MethodRegistry.fromPlatform(),
				selectedRows(window, dataset));
		if (dialog.open() == Window.OK) {
			predict(window, dataset, dialog.method(), dialog.model(), dialog.rows(), dialog.replaceEarlierColumns());
		}
	}

	/**
	 * Predicts with a stored model in a background job.
	 *
	 * @param method  the method that trained the model
	 * @param model   the model
	 * @param rows    the rows to predict, or null for all; the new columns are NA in the others
	 * @param replace whether its columns replace those of an earlier run, or are added as NAME.1, NAME.2...
	 * @return the scheduled job
	 */
	public static Job predict(IWorkbenchWindow window, Dataset dataset, MethodDescriptor method, TrainedModel model,
			BitSet rows, boolean replace) {
		Job job = AnalysisJob.predict(window, dataset, method, model, rows, replace);
		job.schedule();
		return job;
	}

	/** The rows of the dataset selected in the active part, or else in the dataset's editor; null when none. */
	static RowSelection selectedRows(IWorkbenchWindow window, Dataset dataset) {
		List<ISelection> candidates = new ArrayList<>();
		candidates.add(window.getSelectionService().getSelection());
		IEditorPart editor = window.getActivePage() == null ? null : window.getActivePage().getActiveEditor();
		if (editor != null && editor.getSite().getSelectionProvider() != null) {
			candidates.add(editor.getSite().getSelectionProvider().getSelection());
		}
		for (ISelection selection : candidates) {
			Optional<RowSelection> rows = DatasetSelection.rowsOf(selection);
			if (rows.isPresent() && rows.get().table() == dataset.table() && !rows.get().isEmpty()) {
				return rows.get();
			}
		}
		return null;
	}

	/**
	 * Runs a method with checked parameter values in a background job; its columns replace those of
	 * an earlier run.
	 *
	 * @return the scheduled job
	 */
	public static Job start(IWorkbenchWindow window, Dataset dataset, MethodDescriptor method, ParameterValues values) {
		return start(window, dataset, method, values, true);
	}

	/**
	 * Runs a method with checked parameter values in a background job.
	 *
	 * @param replace whether its columns replace those of an earlier run, or are added as NAME.1, NAME.2...
	 * @return the scheduled job
	 */
	public static Job start(IWorkbenchWindow window, Dataset dataset, MethodDescriptor method, ParameterValues values,
			boolean replace) {
		return start(window, dataset, method, values, null, replace);
	}

	/**
	 * Runs a method on some rows of a dataset in a background job; its new columns are NA in the other rows
	 * and replace those of an earlier run.
	 *
	 * @param rows the rows to analyse, or null for all
	 * @return the scheduled job
	 */
	public static Job start(IWorkbenchWindow window, Dataset dataset, MethodDescriptor method, ParameterValues values,
			BitSet rows) {
		return start(window, dataset, method, values, rows, true);
	}

	/**
	 * Runs a method on some rows of a dataset in a background job.
	 *
	 * @param rows    the rows to analyse, or null for all; new columns are NA in the other rows
	 * @param replace whether its columns replace those of an earlier run, or are added as NAME.1, NAME.2...
	 * @return the scheduled job
	 */
	public static Job start(IWorkbenchWindow window, Dataset dataset, MethodDescriptor method, ParameterValues values,
			BitSet rows, boolean replace) {
		return start(window, dataset, method, values, rows, null, replace);
	}

	/**
	 * Runs a method on some rows of a dataset in a background job, keeping its results in some rows.
	 * Call on the UI thread. Models the run trains are kept with the dataset's session.
	 *
	 * @param rows       the rows to analyse, or null for all; new columns are NA in the other rows
	 * @param resultRows the rows whose new values are kept, NA in the others; null for every analysed row
	 * @param replace    whether its columns replace those of an earlier run, or are added as NAME.1, NAME.2...
	 * @return the scheduled job
	 */
	public static Job start(IWorkbenchWindow window, Dataset dataset, MethodDescriptor method, ParameterValues values,
			BitSet rows, BitSet resultRows, boolean replace) {
		Job job = AnalysisJob.run(window, dataset, DatasetSessionLookup.of(window, dataset), method, values, rows,
				resultRows, replace);
		job.schedule();
		return job;
	}
}
