// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.BitSet;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.core.runtime.jobs.Job;
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
 * selected ones: the method sees only those, its new columns are NA in the others). On success its new
 * columns are added to the table all at once (the grid and plots pick them up from the table's
 * events), replacing the columns of an earlier run or beside them as the user chose, and are
 * announced as {@link ResultColumns} so that plots can show them; the models it trained are kept with
 * the dataset's session (the editor becomes dirty; Save keeps them); its report opens in an Analysis
 * Report view. A cancelled run or a failed one
 * leaves the table as it was; a failure is told in a sentence and logged.
 */
final class AnalysisJob extends Job {

	private final IWorkbenchWindow window;
	private final Dataset dataset;
	private final MethodDescriptor method;
	private final ParameterValues values;
	private final BitSet rows;
	private final BitSet resultRows;
	private final boolean replace;
	private final TableSession session;

	/**
	 * @param session    the dataset's session, which keeps the models the run trains; null when there is none
	 * @param rows       the rows to analyse, or null for all
	 * @param resultRows the rows whose results are kept, or null for every analysed row
	 */
	AnalysisJob(IWorkbenchWindow window, Dataset dataset, TableSession session, MethodDescriptor method,
			ParameterValues values, BitSet rows, BitSet resultRows, boolean replace) {
		super(method.name() + " on " + dataset.name());
		this.session = session;
		this.rows = rows == null ? null : (BitSet) rows.clone();
		this.resultRows = resultRows == null ? null : (BitSet) resultRows.clone();
		this.window = window;
		this.dataset = dataset;
		this.method = method;
		this.values = values;
		this.replace = replace;
		setUser(true);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		AnalysisResult result;
		try {
			result = AnalysisRunner.run(method, dataset.table(), rows, resultRows, values, monitor);
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (AnalysisException e) {
			tell(method.name() + " could not run on " + dataset.name() + ": " + e.getMessage());
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
		window.getShell().getDisplay().asyncExec(() -> showReport(result, added));
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
				MessageDialog.openError(window.getShell(), method.name(), sentence);
			}
		});
	}
}
