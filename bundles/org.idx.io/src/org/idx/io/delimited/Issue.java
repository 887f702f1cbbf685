// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

/**
 * A warning or error found in a chunk, located by the number of line feeds between the chunk start
 * and the record, so that it can be given a file line once the chunks before it are counted.
 *
 * @param kind        groups similar warnings, so that only the first few of each are kept
 * @param localLine   line feeds in the chunk before the record
 * @param columnIndex 0-based column, or -1
 * @param message     the text
 */
record Issue(String kind, long localLine, int columnIndex, String message) {
}
