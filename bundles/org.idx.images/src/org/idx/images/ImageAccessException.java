// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.io.IOException;

/**
 * An image could not be located, read or decoded. The message is one sentence a user can act on:
 * it names the key (and, where it helps, the image root or resolved path) and what is wrong.
 */
public class ImageAccessException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the key
     */
    public ImageAccessException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the key
     * @param cause   the underlying failure
     */
    public ImageAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
