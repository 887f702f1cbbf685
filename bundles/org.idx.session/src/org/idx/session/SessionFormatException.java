// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.io.IOException;

/** A session or journal file that cannot be read: the message names the file and the key. */
public final class SessionFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message a sentence naming the file and what is wrong
     */
    public SessionFormatException(String message) {
        super(message);
    }

    /**
     * @param message a sentence naming the file and what is wrong
     * @param cause   the parser's exception
     */
    public SessionFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
