// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IWorkbenchWindow;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterValues;
import org.idx.ui.dataset.Dataset;

/** Asks for a method's parameters and runs it on a dataset in the background. */
public final class RunAnalysis {

	private RunAnalysis() {
	}

	static void open(IWorkbenchWindow window, Dataset dataset, MethodDescriptor method) {
		if (dataset == null) {
			return;
		}
		MethodDialog dialog = new MethodDialog(window.getShell(), method, dataset.table());
		if (dialog.open() == Window.OK) {
			start(window, dataset, method, dialog.values(), dialog.replaceEarlierColumns());
		}
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
		Job job = new AnalysisJob(window, dataset, method, values, replace);
		job.schedule();
		return job;
	}
}
