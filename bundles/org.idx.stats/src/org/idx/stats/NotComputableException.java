// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

/**
 * Thrown when a test is undefined for the given data (too few groups or values, no variance, ...).
 * The message is a sentence for the user.
 */
public final class NotComputableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message why the test cannot be computed, as a sentence
     */
    public NotComputableException(String message) {
        super(message);
    }
}
