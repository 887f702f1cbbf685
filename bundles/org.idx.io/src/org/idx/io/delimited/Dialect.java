// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

/**
 * How a delimited file separates fields and writes decimals. Quotes are always {@code "}.
 *
 * @param delimiter the field separator: {@code , \t ; |}
 * @param decimal   the decimal mark: {@code .} or {@code ,}
 */
public record Dialect(char delimiter, char decimal) {

    /** Comma-separated, decimal point. */
    public static final Dialect CSV = new Dialect(',', '.');

    /** Tab-separated, decimal point. */
    public static final Dialect TSV = new Dialect('\t', '.');

    /** @throws IllegalArgumentException when delimiter and decimal mark are the same or unusual */
    public Dialect {
        if (delimiter == decimal || delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter > 127) {
            throw new IllegalArgumentException("Unusable delimiter '" + delimiter + "' with decimal '" + decimal + "'");
        }
        if (decimal != '.' && decimal != ',') {
            throw new IllegalArgumentException("Decimal mark must be '.' or ','");
        }
    }
}
