// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What the chunk parsers of one read share.
 *
 * @param source     the file
 * @param settings   dialect, NA tokens, columns, type overrides
 * @param notNumeric per column, set to 1 once a checked chunk found a field that is no number; later
 *                   chunks then read the column as strings straight away
 * @param canceled   set to stop the workers; checked every few thousand records
 * @param buffers    chunk buffers for reuse
 */
record ReadContext(ByteSource source, ParseSettings settings, AtomicIntegerArray notNumeric, AtomicBoolean canceled,
        BufferPool buffers) {
}
