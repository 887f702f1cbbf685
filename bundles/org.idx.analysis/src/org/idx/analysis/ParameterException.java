// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

/**
 * A parameter assignment is not usable: an unknown name, a value of the wrong type or out of
 * range, a missing required parameter. The message names the parameter (and the value); the
 * headless command treats it as a usage error (status 2).
 */
public class ParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message one sentence for the user */
    public ParameterException(String message) {
        super(message);
    }
}
