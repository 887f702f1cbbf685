// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.filter;

/** The comparison operators of the filter language. */
enum ComparisonOperator {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    static ComparisonOperator of(String symbol) {
        for (ComparisonOperator op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException(symbol);
    }

    /** @return the operator that gives the same result with the operands swapped */
    ComparisonOperator swapped() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }

    boolean test(double a, double b) {
        return switch (this) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
        };
    }

    /** @param order the sign of a {@code compareTo} result */
    boolean test(int order) {
        return test(Integer.signum(order), 0);
    }
}
