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
import org.eclipse.ui.IWorkbenchWindow;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.AnalysisRunner;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.TrainedModel;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.dataset.ResultColumns;

/**
 * Applies a model kept with a dataset's session to the dataset in the background, with progress and
 * cancel, on all rows or on some (NA in the others). On success the new columns are added all at once,
 * replacing those of an earlier run or beside them, and announced as {@link ResultColumns}. A cancelled
 * or failed prediction leaves the table as it was; a failure is told in a sentence.
 */
final class PredictJob extends Job {

	private final IWorkbenchWindow window;
	private final Dataset dataset;
	private final MethodDescriptor method;
	private final TrainedModel model;
	private final BitSet rows;
	private final boolean replace;

	/**
	 * @param method  the method that trained the model
	 * @param rows    the rows to predict, or null for all
	 * @param replace whether the new columns replace those of an earlier run
	 */
	PredictJob(IWorkbenchWindow window, Dataset dataset, MethodDescriptor method, TrainedModel model, BitSet rows,
			boolean replace) {
		super("Predict with " + model.name() + " on " + dataset.name());
		this.window = window;
		this.dataset = dataset;
		this.method = method;
		this.model = model;
		this.rows = rows == null ? null : (BitSet) rows.clone();
		this.replace = replace;
		setUser(true);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		AnalysisResult result;
		try {
			result = AnalysisRunner.predict(method, model, dataset.table(), rows, monitor);
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (AnalysisException e) {
			tell("Model '" + model.name() + "' could not predict " + dataset.name() + ": " + e.getMessage());
			return new Status(IStatus.WARNING, getClass(), e.getMessage(), e);
		}
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		List<String> added = AnalysisRunner.addColumns(dataset.table(), result, replace);
		if (!added.isEmpty()) {
			IEventBroker broker = window.getWorkbench().getService(IEventBroker.class);
			if (broker != null) {
				broker.post(ResultColumns.TOPIC, new ResultColumns(dataset.table(), method.category().id(), added));
			}
		}
		return Status.OK_STATUS;
	}

	private void tell(String sentence) {
		window.getShell().getDisplay().asyncExec(() -> {
			if (!window.getShell().isDisposed()) {
				MessageDialog.openError(window.getShell(), "Predict with Saved Model", sentence);
			}
		});
	}
}
