// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

/**
 * The input does not allow the analysis (unknown column, text column chosen, too few complete
 * rows, a constant column, k larger than the rows ...). The message is one sentence for the
 * user, naming the column where one is at fault; the headless command exits with status 3.
 */
public class AnalysisException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message one sentence for the user */
    public AnalysisException(String message) {
        super(message);
    }
}
