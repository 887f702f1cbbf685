// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.nio.file.Path;

/** Formats "file:line: column N 'name': message" for errors and warnings. */
final class Locations {

    private Locations() {
    }

    static String describe(Path file, long line, int columnIndex, String columnName, String message) {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file).append(':');
        }
        if (line > 0) {
            text.append(line).append(':');
        }
        if (!text.isEmpty()) {
            text.append(' ');
        }
        if (columnIndex > 0) {
            text.append("column ").append(columnIndex);
            if (columnName != null) {
                text.append(" '").append(columnName).append('\'');
            }
            text.append(": ");
        }
        return text.append(message).toString();
    }
}
