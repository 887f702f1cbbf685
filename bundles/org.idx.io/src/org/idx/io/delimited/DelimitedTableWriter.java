// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.idx.core.Column;
import org.idx.core.ColumnType;
import org.idx.core.DataTable;
import org.idx.io.files.AtomicWrite;

/**
 * Writes a table as delimited UTF-8 text that {@link DelimitedTableReader} reads back to the same
 * table: NA as {@code NA}; numbers in the shortest form that reads back to the identical double,
 * integer columns without a fraction; a text value quoted when it contains the delimiter, a quote
 * or a line break, is empty, starts or ends with a space, or equals an NA token. LF line ends,
 * decimal point.
 * <p>
 * The file is written to a temporary file in the same directory and then moved over the target,
 * atomically where the file system can, so a failed or cancelled write leaves the old file intact.
 */
public final class DelimitedTableWriter {

    private DelimitedTableWriter() {
    }

    /**
     * @param table     the table
     * @param file      the target file (replaced)
     * @param delimiter the delimiter, e.g. {@code ','} or {@code '\t'}
     * @param monitor   progress in rows and cancellation
     * @throws IOException when writing fails; the target is then unchanged
     * @throws CancellationException when the monitor asked to stop; the target is then unchanged
     */
    public static void write(DataTable table, Path file, char delimiter, ProgressMonitor monitor) throws IOException {
        new Dialect(delimiter, '.'); // validates the delimiter
        AtomicWrite.write(file, bytes -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16);
            writeRows(table, out, delimiter, monitor);
            out.flush();
        });
    }

    private static void writeRows(DataTable table, Writer out, char delimiter, ProgressMonitor monitor) throws IOException {
        List<Column> columns = table.columns();
        int rows = table.rowCount();
        monitor.begin(rows);
        StringBuilder line = new StringBuilder(256);
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                line.append(delimiter);
            }
            appendText(line, columns.get(c).name(), delimiter);
        }
        out.append(line).append('\n');
        for (int row = 0; row < rows; row++) {
            line.setLength(0);
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    line.append(delimiter);
                }
                Column column = columns.get(c);
                String text = column.text(row);
                if (text == null) {
                    line.append("NA");
                } else if (column.type() == ColumnType.NUMERIC) {
                    line.append(text);
                } else {
                    appendText(line, text, delimiter);
                }
            }
            out.append(line).append('\n');
            if ((row & 8191) == 8191) {
                if (monitor.isCanceled()) {
                    throw new CancellationException("writing canceled");
                }
                monitor.worked(8192);
            }
        }
    }

    private static void appendText(StringBuilder line, String text, char delimiter) {
        if (!needsQuotes(text, delimiter)) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static boolean needsQuotes(String text, char delimiter) {
        if (text.isEmpty() || text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '
                || ReadOptions.DEFAULT_NA_TOKENS.contains(text)) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
