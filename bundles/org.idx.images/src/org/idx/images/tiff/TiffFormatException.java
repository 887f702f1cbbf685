// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

/** Malformed or unsupported TIFF content; the reader adds the key and the place to the message. */
final class TiffFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    TiffFormatException(String message) {
        super(message);
    }
}
