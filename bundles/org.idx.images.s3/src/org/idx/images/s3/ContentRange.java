// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.s3;

/**
 * Reads the HTTP {@code Content-Range} header of a ranged answer ({@code bytes FIRST-LAST/TOTAL},
 * RFC 9110 section 14.4). A server that ignores the range answers 200 without the header: the whole
 * object from byte 0.
 */
final class ContentRange {

    private ContentRange() {
    }

    /**
     * @param header the header, or null when the server sent none
     * @param length the length of the answer's body
     * @return the object's total size: the header's TOTAL, or {@code length} without a header (the whole
     *         object was sent)
     * @throws IllegalArgumentException if the header is malformed or its total is unknown ({@code *})
     */
    static long total(String header, long length) {
        if (header == null || header.isBlank()) {
            return length;
        }
        String h = header.strip();
        int slash = h.lastIndexOf('/');
        if (!h.startsWith("bytes ") || slash < 0) {
            throw new IllegalArgumentException("malformed Content-Range '" + header + "'");
        }
        try {
            return Long.parseLong(h.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Content-Range '" + header + "' gives no object size");
        }
    }

    /**
     * @param header the header, or null when the server sent none
     * @return the first byte of the answer: the header's FIRST, or 0 without a header (the whole object
     *         was sent), or -1 if the header is malformed
     */
    static long start(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        String h = header.strip();
        int dash = h.indexOf('-');
        if (!h.startsWith("bytes ") || dash < 0) {
            return -1;
        }
        try {
            return Long.parseLong(h.substring(6, dash).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
