// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.nio.file.Path;

/**
 * A table file that cannot be read. The message is one readable line:
 * {@code file:line: column N 'name': what is wrong}, leaving out the parts that do not apply.
 */
public final class TableReadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final int columnIndex;
    private final String columnName;
    private final String problem;

    /**
     * @param file        the file
     * @param line        the 1-based line (header = line 1), or 0 when not about a line
     * @param columnIndex the 1-based column (field) number, or 0 when not about a column
     * @param columnName  the column name, or {@code null}
     * @param problem     what is wrong
     */
    public TableReadException(Path file, long line, int columnIndex, String columnName, String problem) {
        super(Locations.describe(file, line, columnIndex, columnName, problem));
        this.file = file;
        this.line = line;
        this.columnIndex = columnIndex;
        this.columnName = columnName;
        this.problem = problem;
    }

    /**
     * @param file    the file
     * @param problem what is wrong
     * @param cause   the underlying I/O error
     */
    public TableReadException(Path file, String problem, Throwable cause) {
        this(file, 0, 0, null, problem);
        initCause(cause);
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the 1-based line (header = line 1), or 0 */
    public long line() {
        return line;
    }

    /** @return the 1-based column number, or 0 */
    public int columnIndex() {
        return columnIndex;
    }

    /** @return the column name, or {@code null} */
    public String columnName() {
        return columnName;
    }

    /** @return what is wrong, without the location */
    public String problem() {
        return problem;
    }
}
