// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.config;

/**
 * A configuration file that cannot be read. The message is one readable line:
 * {@code file:line:column: what is wrong}, leaving out the location when it is not known.
 */
public final class ConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param source  the file (or other source) read
     * @param line    the 1-based line, or 0 when not known
     * @param column  the 1-based column, or 0 when not known
     * @param problem what is wrong, one sentence
     */
    public ConfigurationException(String source, int line, int column, String problem) {
        super(source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /**
     * @param source  the file read
     * @param problem what is wrong
     * @param cause   the underlying I/O error
     */
    public ConfigurationException(String source, String problem, Throwable cause) {
        this(source, 0, 0, problem);
        initCause(cause);
    }

    /** @return the file (or other source) that was read */
    public String source() {
        return source;
    }

    /** @return the 1-based line, or 0 */
    public int line() {
        return line;
    }

    /** @return the 1-based column, or 0 */
    public int column() {
        return column;
    }

    /** @return what is wrong, without the location */
    public String problem() {
        return problem;
    }
}
