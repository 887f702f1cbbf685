// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.nio.file.Path;

/**
 * Something the reader did not expect but could handle.
 *
 * @param file        the file
 * @param line        the 1-based line it is about (header = line 1; column-wide warnings point
 *                    at the header), or 0
 * @param columnIndex the 1-based column number, or 0
 * @param columnName  the column name, or {@code null}
 * @param message     what happened and what the reader did about it
 */
public record ReadWarning(Path file, long line, int columnIndex, String columnName, String message) {

    /** @return the one-line form {@code file:line: column N 'name': message} */
    @Override
    public String toString() {
        return Locations.describe(file, line, columnIndex, columnName, message);
    }
}
