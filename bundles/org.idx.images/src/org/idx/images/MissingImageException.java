// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * The store holds no object under the key asked for. Readers of chunked formats (OME-Zarr) read a
 * missing chunk as the fill value; everyone else reports it like any other {@link ImageAccessException}.
 */
public class MissingImageException extends ImageAccessException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing, naming the key and where it was looked for
     */
    public MissingImageException(String message) {
        super(message);
    }

    /**
     * @param message what is missing, naming the key and where it was looked for
     * @param cause   the underlying failure
     */
    public MissingImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
