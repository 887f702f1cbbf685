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
import org.idx.analysis.ParameterValues;
import org.idx.core.RowSelection;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.selection.DatasetSelection;

/** Asks for a method's parameters and runs it on a dataset in the background. */
public final class RunAnalysis {

	private RunAnalysis() {
	}

	static void open(IWorkbenchWindow window, Dataset dataset, MethodDescriptor method) {
		if (dataset == null) {
			return;
		}
		MethodDialog dialog = new MethodDialog(window.getShell(), method, dataset.table(), selectedRows(window, dataset));
		if (dialog.open() == Window.OK) {
			start(window, dataset, method, dialog.values(), dialog.rows(), dialog.replaceEarlierColumns());
		}
	}

	/** The rows of the dataset selected in the active part, or else in the dataset's editor; null when none. */
	private static RowSelection selectedRows(IWorkbenchWindow window, Dataset dataset) {
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
		Job job = new AnalysisJob(window, dataset, method, values, rows, replace);
		job.schedule();
		return job;
	}
}
