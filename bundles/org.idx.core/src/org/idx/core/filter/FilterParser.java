// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.filter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.TextColumn;
import org.idx.core.filter.Token.Kind;

/**
 * Recursive-descent parser from filter tokens to a {@link Condition} bound to a table's columns.
 *
 * <pre>
 * or      := and ('||' and)*
 * and     := unary ('&amp;&amp;' unary)*
 * unary   := '!' unary | '(' or ')' | operand 'is' ['not'] 'NA' | operand COMPARISON operand
 * operand := NUMBER | STRING | NAME | `QUOTED NAME`
 * </pre>
 */
final class FilterParser {

    /** An operand of a comparison: a column or a literal, with its position. */
    private sealed interface Operand {
        int position();
    }

    private record ColumnOperand(Column column, int position) implements Operand {
    }

    private record NumberOperand(double value, int position) implements Operand {
    }

    private record StringOperand(String value, int position) implements Operand {
    }

    private final List<Token> tokens;
    private final DataTable table;
    private int next;

    private FilterParser(List<Token> tokens, DataTable table) {
        this.tokens = tokens;
        this.table = table;
    }

    static Condition parse(String expression, DataTable table) throws FilterException {
        FilterParser parser = new FilterParser(FilterLexer.tokens(expression), table);
        Condition condition = parser.or();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw new FilterException("Unexpected '" + rest.text() + "'", rest.position());
        }
        return condition;
    }

    private Condition or() throws FilterException {
        Condition left = and();
        while (peek().kind() == Kind.OR) {
            next++;
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() throws FilterException {
        Condition left = unary();
        while (peek().kind() == Kind.AND) {
            next++;
            left = new Condition.And(left, unary());
        }
        return left;
    }

    private Condition unary() throws FilterException {
        Token token = peek();
        if (token.kind() == Kind.NOT) {
            next++;
            return new Condition.Not(unary());
        }
        if (token.kind() == Kind.OPEN) {
            next++;
            Condition inner = or();
            expect(Kind.CLOSE, "')'");
            return inner;
        }
        Operand left = operand();
        if (peek().isWord("is")) {
            next++;
            boolean negated = peek().isWord("not");
            if (negated) {
                next++;
            }
            Token na = peek();
            if (!na.isWord("NA")) {
                throw new FilterException("Expected 'NA' after 'is'", na.position());
            }
            next++;
            if (!(left instanceof ColumnOperand column)) {
                throw new FilterException("'is NA' needs a column", left.position());
            }
            return new Condition.IsNa(column.column(), negated);
        }
        Token op = peek();
        if (op.kind() != Kind.COMPARISON) {
            throw new FilterException(op.kind() == Kind.END
                    ? "Expected a comparison (==, !=, <, <=, >, >=) or 'is NA' at the end"
                    : "Expected a comparison (==, !=, <, <=, >, >=) or 'is NA' instead of '" + op.text() + "'", op.position());
        }
        next++;
        Operand right = operand();
        return comparison(left, ComparisonOperator.of(op.text()), right);
    }

    private Operand operand() throws FilterException {
        Token token = tokens.get(next++);
        return switch (token.kind()) {
            case NUMBER -> new NumberOperand(Double.parseDouble(token.text()), token.position());
            case STRING -> new StringOperand(token.text(), token.position());
            case NAME, QUOTED_NAME -> new ColumnOperand(column(token), token.position());
            case END -> throw new FilterException("Expression ends early", token.position());
            default -> throw new FilterException("Expected a column, number or string instead of '" + token.text() + "'",
                    token.position());
        };
    }

    private Column column(Token token) throws FilterException {
        Optional<Column> column = table.findColumn(token.text());
        if (column.isEmpty()) {
            throw new FilterException("Unknown column '" + token.text() + "'", token.position());
        }
        return column.get();
    }

    private static Condition comparison(Operand left, ComparisonOperator op, Operand right) throws FilterException {
        if (!(left instanceof ColumnOperand) && right instanceof ColumnOperand) {
            return comparison(right, op.swapped(), left);
        }
        if (!(left instanceof ColumnOperand leftColumn)) {
            throw new FilterException("A comparison needs a column", left.position());
        }
        Column column = leftColumn.column();
        return switch (right) {
            case NumberOperand number -> {
                if (!(column instanceof NumericColumn numbers)) {
                    throw mismatch(column, "a number", number.position());
                }
                double value = number.value();
                yield new Condition.RowTest(new Column[] {column}, row -> op.test(numbers.value(row), value));
            }
            case StringOperand string -> switch (column) {
                case CategoricalColumn categories -> {
                    List<String> levels = categories.levels();
                    boolean[] matches = new boolean[levels.size()];
                    for (int code = 0; code < matches.length; code++) {
                        matches[code] = op.test(levels.get(code).compareTo(string.value()));
                    }
                    yield new Condition.RowTest(new Column[] {column}, row -> matches[categories.code(row)]);
                }
                case TextColumn text -> new Condition.RowTest(new Column[] {column},
                        row -> op.test(text.value(row).compareTo(string.value())));
                case NumericColumn numbers -> throw mismatch(numbers, "a string", string.position());
            };
            case ColumnOperand other -> {
                Column second = other.column();
                if (column instanceof NumericColumn a && second instanceof NumericColumn b) {
                    yield new Condition.RowTest(new Column[] {a, b}, row -> op.test(a.value(row), b.value(row)));
                }
                if (column instanceof NumericColumn || second instanceof NumericColumn) {
                    throw new FilterException("Cannot compare column '" + column.name() + "' (" + typeName(column)
                            + ") with column '" + second.name() + "' (" + typeName(second) + ")", other.position());
                }
                yield new Condition.RowTest(new Column[] {column, second},
                        row -> op.test(column.text(row).compareTo(second.text(row))));
            }
        };
    }

    private static FilterException mismatch(Column column, String what, int position) {
        return new FilterException("Cannot compare " + typeName(column) + " column '" + column.name() + "' with " + what,
                position);
    }

    private static String typeName(Column column) {
        return column.type().name().toLowerCase(Locale.ROOT);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private void expect(Kind kind, String what) throws FilterException {
        Token token = peek();
        if (token.kind() != kind) {
            throw new FilterException("Expected " + what + (token.kind() == Kind.END ? " at the end" : " instead of '" + token.text() + "'"),
                    token.position());
        }
        next++;
    }
}
