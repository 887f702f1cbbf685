// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.filter;

import java.util.BitSet;
import java.util.function.IntPredicate;

import org.idx.core.Column;

/** A compiled filter expression node, bound to the columns of one table. */
sealed interface Condition {

    /** @return the truth of this condition for every row */
    Truth evaluate(int rows);

    record And(Condition left, Condition right) implements Condition {
        @Override
        public Truth evaluate(int rows) {
            return left.evaluate(rows).and(right.evaluate(rows));
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public Truth evaluate(int rows) {
            return left.evaluate(rows).or(right.evaluate(rows));
        }
    }

    record Not(Condition operand) implements Condition {
        @Override
        public Truth evaluate(int rows) {
            return operand.evaluate(rows).not(rows);
        }
    }

    /** {@code column is NA} (or, negated, {@code column is not NA}); never unknown. */
    record IsNa(Column column, boolean negated) implements Condition {
        @Override
        public Truth evaluate(int rows) {
            BitSet t = new BitSet(rows);
            for (int row = 0; row < rows; row++) {
                if (column.isNA(row) != negated) {
                    t.set(row);
                }
            }
            return new Truth(t, new BitSet());
        }
    }

    /**
     * A row-wise test that is unknown where one of the involved columns is NA.
     *
     * @param involved the columns whose NA makes the result unknown
     * @param test     the test for rows where none is NA
     */
    record RowTest(Column[] involved, IntPredicate test) implements Condition {
        @Override
        public Truth evaluate(int rows) {
            BitSet t = new BitSet(rows);
            BitSet unknown = new BitSet(rows);
            rowLoop:
            for (int row = 0; row < rows; row++) {
                for (Column column : involved) {
                    if (column.isNA(row)) {
                        unknown.set(row);
                        continue rowLoop;
                    }
                }
                if (test.test(row)) {
                    t.set(row);
                }
            }
            return new Truth(t, unknown);
        }
    }
}
