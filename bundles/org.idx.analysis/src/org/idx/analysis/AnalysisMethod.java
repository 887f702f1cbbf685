// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import org.eclipse.core.runtime.IProgressMonitor;
import org.idx.core.DataTable;

/**
 * An analysis method, contributed through the extension point {@code org.idx.analysis.methods}
 * (see {@code schema/methods.exsd}). An instance is created for each run.
 * <p>
 * A method must not change the table: it returns its new columns in the {@link AnalysisResult}
 * and the caller adds them, all or none. It may run on any thread (a workbench {@code Job} or
 * the headless command's main thread).
 */
public interface AnalysisMethod {

    /**
     * @param table      the table to analyse (read only)
     * @param parameters the checked, typed parameter values (defaults filled in)
     * @param monitor    progress and cancellation; on cancellation throw
     *                   {@link org.eclipse.core.runtime.OperationCanceledException}
     * @return new columns (one value per table row, NA where a row could not be used) and/or a report
     * @throws AnalysisException when the input does not allow the analysis; its message is one
     *                           sentence for the user, naming the column where one is at fault
     */
    AnalysisResult run(DataTable table, ParameterValues parameters, IProgressMonitor monitor) throws AnalysisException;
}
