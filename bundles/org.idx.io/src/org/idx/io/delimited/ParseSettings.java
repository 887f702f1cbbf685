// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

/**
 * What every chunk parser of one read shares.
 *
 * @param dialect             the delimiter and decimal mark
 * @param naTokens            the NA tokens
 * @param columnCount         the number of columns (header fields)
 * @param forcedNumeric       per column, whether the options force it numeric (non-numbers then
 *                            become NA with a warning instead of turning the column into strings)
 * @param bytesPerRecordGuess the average record length seen in the first lines, for sizing buffers
 */
record ParseSettings(Dialect dialect, NaTokens naTokens, int columnCount, boolean[] forcedNumeric,
        int bytesPerRecordGuess) {
}
