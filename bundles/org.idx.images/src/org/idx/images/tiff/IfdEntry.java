// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

/**
 * One directory entry: a tag, its field type and count, and either its value bytes (when they fit
 * in the entry) or the offset of its values.
 *
 * @param tag    the tag number
 * @param type   the TIFF field type
 * @param count  the number of values
 * @param offset where the values are, when not inline
 * @param inline the value bytes when they fit in the entry, else null
 */
record IfdEntry(int tag, int type, long count, long offset, byte[] inline) {

    /** @return bytes per value of this entry's type, 0 for an unknown type */
    int valueSize() {
        return typeSize(type);
    }

    static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12, 16, 17, 18 -> 8;
            default -> 0;
        };
    }
}
