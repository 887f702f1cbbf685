// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.filter;

import java.util.BitSet;
import java.util.Locale;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.TextColumn;

/**
 * Selects the rows of a table that satisfy a condition.
 * <p>
 * The expression language:
 * <ul>
 * <li>operands: numbers ({@code 300}, {@code -1.5e3}), strings in double or single quotes
 * ({@code "ctrl"}; a doubled quote or a backslash escapes), column names made of letters,
 * digits, {@code _} and {@code .} (not starting with a digit), and any column name in back quotes
 * ({@code `Nucleus Area`});</li>
 * <li>comparisons {@code == != < <= > >=} between a column and a literal or two columns of the
 * same kind (numbers numerically, categories and text by {@link String#compareTo});</li>
 * <li>{@code column is NA} and {@code column is not NA};</li>
 * <li>{@code &&}, {@code ||}, {@code !} and parentheses, with the usual precedence
 * ({@code !} binds tightest, then {@code &&}, then {@code ||}).</li>
 * </ul>
 * A comparison with an NA value is unknown, and unknown rows are not selected; logic is
 * three-valued as in R and SQL, so {@code !(Area > 300)} does not select rows where Area is NA.
 * <p>
 * Errors ({@link FilterException}) name the offending column or token and its 1-based position.
 */
public final class RowFilter {

    private final DataTable table;
    private final Condition condition;

    private RowFilter(DataTable table, Condition condition) {
        this.table = table;
        this.condition = condition;
    }

    /**
     * Parses an expression and binds it to the table's current columns.
     *
     * @param expression the expression, e.g. {@code Area > 300 && siRNA == "ctrl"}
     * @param table      the table
     * @return the filter
     * @throws FilterException when the expression is malformed or names an unknown column
     */
    public static RowFilter compile(String expression, DataTable table) throws FilterException {
        return new RowFilter(table, FilterParser.parse(expression, table));
    }

    /** @return the rows for which the expression is true */
    public BitSet apply() {
        return condition.evaluate(table.rowCount()).isTrue();
    }

    /**
     * Plain text search: the rows whose value in any categorical or text column contains
     * {@code needle}, ignoring case. Numeric columns are not searched.
     *
     * @param table  the table
     * @param needle the text to look for
     * @return the matching rows
     */
    public static BitSet textMatch(DataTable table, String needle) {
        String lowerNeedle = needle.toLowerCase(Locale.ROOT);
        int rows = table.rowCount();
        BitSet result = new BitSet(rows);
        for (Column column : table.columns()) {
            if (column instanceof CategoricalColumn categories) {
                boolean[] matches = new boolean[categories.levels().size()];
                for (int code = 0; code < matches.length; code++) {
                    matches[code] = categories.levels().get(code).toLowerCase(Locale.ROOT).contains(lowerNeedle);
                }
                for (int row = 0; row < rows; row++) {
                    int code = categories.code(row);
                    if (code != CategoricalColumn.NA_CODE && matches[code]) {
                        result.set(row);
                    }
                }
            } else if (column instanceof TextColumn text) {
                for (int row = 0; row < rows; row++) {
                    String value = text.value(row);
                    if (value != null && value.toLowerCase(Locale.ROOT).contains(lowerNeedle)) {
                        result.set(row);
                    }
                }
            }
        }
        return result;
    }
}
