// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.util.Arrays;

/** The strings of one column within one chunk: codes into a chunk-local {@link ByteStringPool}. */
final class CodeBuffer {

    /** The code of an NA value. */
    static final int NA = -1;

    int[] codes;
    final ByteStringPool pool = new ByteStringPool();

    CodeBuffer(int capacity) {
        codes = new int[capacity];
    }

    void grow(int capacity) {
        codes = Arrays.copyOf(codes, capacity);
    }
}
