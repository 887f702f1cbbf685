// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.util.BitSet;

import org.eclipse.core.runtime.IProgressMonitor;
import org.idx.core.DataTable;

/**
 * Implemented by an {@link AnalysisMethod} whose runs return {@link TrainedModel}s
 * ({@link AnalysisResult#models()}) that can predict again: a model stored with a session is applied
 * to a table through the method that trained it (the one whose id is {@link TrainedModel#method()}).
 * Callers go through {@link AnalysisRunner#predict}, which has checked the model's feature columns
 * already.
 */
public interface ModelPredictor {

    /**
     * @param table   the table to predict (read only); it has the model's feature columns, numeric
     * @param model   a model this method trained (possibly in an earlier session)
     * @param rows    the rows to predict, or {@code null} for all; the new columns are NA in the other rows
     * @param monitor progress and cancellation; on cancellation throw
     *                {@link org.eclipse.core.runtime.OperationCanceledException}
     * @return the new columns (one value per table row) and possibly a report
     * @throws AnalysisException when the model cannot be applied (e.g. its bytes are damaged): one sentence
     */
    AnalysisResult predict(DataTable table, TrainedModel model, BitSet rows, IProgressMonitor monitor) throws AnalysisException;
}
