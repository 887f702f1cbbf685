// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.filter;

import java.util.BitSet;

/**
 * The three-valued result of a condition over all rows: true, unknown (a compared value is NA),
 * otherwise false. Combines as in SQL and R: {@code NA && false} is false, {@code NA || true} is
 * true, {@code !NA} is NA.
 *
 * @param isTrue    the rows where the condition holds
 * @param isUnknown the rows where it cannot be decided
 */
record Truth(BitSet isTrue, BitSet isUnknown) {

    Truth and(Truth other) {
        BitSet t = (BitSet) isTrue.clone();
        t.and(other.isTrue);
        // unknown = (U1 & (T2|U2)) | (U2 & (T1|U1))
        BitSet unknown = (BitSet) isUnknown.clone();
        unknown.and(orOf(other.isTrue, other.isUnknown));
        BitSet unknown2 = (BitSet) other.isUnknown.clone();
        unknown2.and(orOf(isTrue, isUnknown));
        unknown.or(unknown2);
        return new Truth(t, unknown);
    }

    Truth or(Truth other) {
        BitSet t = orOf(isTrue, other.isTrue);
        BitSet unknown = orOf(isUnknown, other.isUnknown);
        unknown.andNot(t);
        return new Truth(t, unknown);
    }

    Truth not(int rows) {
        BitSet t = new BitSet(rows);
        t.set(0, rows);
        t.andNot(isTrue);
        t.andNot(isUnknown);
        return new Truth(t, (BitSet) isUnknown.clone());
    }

    private static BitSet orOf(BitSet a, BitSet b) {
        BitSet result = (BitSet) a.clone();
        result.or(b);
        return result;
    }
}
