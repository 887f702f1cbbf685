// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.BitSet;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.AnalysisRunner;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterValues;
import org.idx.analysis.TrainedModel;
import org.idx.session.TableSession;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.dataset.ResultColumns;

/**
 * Runs an analysis method in the background with progress and cancel, on all rows or on some (the
 * selected ones: the method sees only those, its new columns are NA in the others), or applies a
 * model kept with the dataset's session ({@link #predict}). On success the new columns are added to
 * the table all at once (the grid and plots pick them up from the table's events), replacing the
 * columns of an earlier run or beside them as the user chose, and are announced as
 * {@link ResultColumns} so that plots can show them; the models a run trained are kept with the
 * dataset's session (the editor becomes dirty; Save keeps them); a run's report opens in an Analysis
 * Report view. A cancelled or failed job leaves the table as it was; a failure is told in a sentence
 * and logged.
 */
final class AnalysisJob extends Job {

	/** What the job computes, off the UI thread. */
	@FunctionalInterface
	private interface Computation {
		AnalysisResult compute(IProgressMonitor monitor) throws AnalysisException;
	}

	private final IWorkbenchWindow window;
	private final Dataset dataset;
	private final MethodDescriptor method;
	private final Computation computation;
	private final String failure;
	private final String dialogTitle;
	private final boolean replace;
	/** The session that keeps the models a run trains; null for a prediction (or when there is none). */
	private final TableSession session;
	/** The parameters and rows of a run, for its report; null values for a prediction (no report). */
	private final ParameterValues values;
	private final BitSet rows;

	private AnalysisJob(String name, IWorkbenchWindow window, Dataset dataset, TableSession session,
			MethodDescriptor method, ParameterValues values, BitSet rows, Computation computation, String failure,
			String dialogTitle, boolean replace) {
		super(name);
		this.window = window;
		this.dataset = dataset;
		this.session = session;
		this.method = method;
		this.values = values;
		this.rows = rows;
		this.computation = computation;
		this.failure = failure;
		this.dialogTitle = dialogTitle;
		this.replace = replace;
		setUser(true);
	}

	/**
	 * @param session    the dataset's session, which keeps the models the run trains; null when there is none
	 * @param rows       the rows to analyse, or null for all
	 * @param resultRows the rows whose results are kept, or null for every analysed row
	 * @return the job (not scheduled)
	 */
	static AnalysisJob run(IWorkbenchWindow window, Dataset dataset, TableSession session, MethodDescriptor method,
			ParameterValues values, BitSet rows, BitSet resultRows, boolean replace) {
		BitSet analysed = rows == null ? null : (BitSet) rows.clone();
		BitSet kept = resultRows == null ? null : (BitSet) resultRows.clone();
		return new AnalysisJob(method.name() + " on " + dataset.name(), window, dataset, session, method, values,
				analysed, monitor -> AnalysisRunner.run(method, dataset.table(), analysed, kept, values, monitor),
				method.name() + " could not run on " + dataset.name(), method.name(), replace);
	}

	/**
	 * @param method the method that trained the model
	 * @param rows   the rows to predict, or null for all
	 * @return the job (not scheduled)
	 */
	static AnalysisJob predict(IWorkbenchWindow window, Dataset dataset, MethodDescriptor method, TrainedModel model,
			BitSet rows, boolean replace) {
		BitSet predicted = rows == null ? null : (BitSet) rows.clone();
		return new AnalysisJob("Predict with " + model.name() + " on " + dataset.name(), window, dataset, null, method,
				null, predicted, monitor -> AnalysisRunner.predict(method, model, dataset.table(), predicted, monitor),
				"Model '" + model.name() + "' could not predict " + dataset.name(), "Predict with Saved Model", replace);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		AnalysisResult result;
		try {
			result = computation.compute(monitor);
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (AnalysisException e) {
			tell(failure + ": " + e.getMessage());
			return new Status(IStatus.WARNING, getClass(), e.getMessage(), e);
		}
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		List<String> added = AnalysisRunner.addColumns(dataset.table(), result, replace);
		if (session != null) {
			for (TrainedModel model : result.models()) {
				session.addModel(model);
			}
		}
		if (!added.isEmpty()) {
			IEventBroker broker = window.getWorkbench().getService(IEventBroker.class);
			if (broker != null) {
				broker.post(ResultColumns.TOPIC, new ResultColumns(dataset.table(), method.category().id(), added));
			}
		}
		if (values != null) {
			window.getShell().getDisplay().asyncExec(() -> showReport(result, added));
		}
		return Status.OK_STATUS;
	}

	private void showReport(AnalysisResult result, List<String> added) {
		if (result.report().isEmpty() || window.getShell().isDisposed()) {
			return;
		}
		IWorkbenchPage page = window.getActivePage();
		try {
			ReportView view = (ReportView) page.showView(ReportView.ID, method.id() + "-" + System.nanoTime(),
					IWorkbenchPage.VIEW_VISIBLE);
			view.show(new ReportContext(method, dataset, values, rows, added, result.report()));
		} catch (PartInitException e) {
			tell("The report of " + method.name() + " could not be shown: " + e.getMessage());
		}
	}

	private void tell(String sentence) {
		window.getShell().getDisplay().asyncExec(() -> {
			if (!window.getShell().isDisposed()) {
				MessageDialog.openError(window.getShell(), dialogTitle, sentence);
			}
		});
	}
}
