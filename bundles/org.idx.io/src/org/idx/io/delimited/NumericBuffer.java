// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.util.BitSet;

/**
 * The numbers of one column within one chunk, while it is parsed: a segment of a slab shared by
 * all numeric columns of the chunk. One large slab per chunk, rather than one small array per
 * column, is allocated outside the young generation by the usual collectors, so the parsed values
 * are not copied again and again by young collections while the rest of the file is read.
 */
final class NumericBuffer {

    private double[] slab;
    private int base;
    BitSet na;
    /** Whether every value so far was a whole number written without fraction or exponent. */
    boolean integral = true;
    /** The chunk-local line feed count before the first integer beyond 2^53, or -1. */
    long firstBigIntegerLine = -1;

    NumericBuffer(double[] slab, int base) {
        this.slab = slab;
        this.base = base;
    }

    void set(int row, double value) {
        slab[base + row] = value;
    }

    void setNA(int row) {
        if (na == null) {
            na = new BitSet();
        }
        na.set(row);
        slab[base + row] = Double.NaN;
    }

    /** Forgets a value of a record that is scanned again. */
    void clear(int row) {
        if (na != null) {
            na.clear(row);
        }
    }

    /** Moves the first {@code rows} values to a new segment. */
    void moveTo(double[] newSlab, int newBase, int rows) {
        System.arraycopy(slab, base, newSlab, newBase, rows);
        slab = newSlab;
        base = newBase;
    }

    /** Copies the first {@code rows} values to {@code target} at {@code offset}. */
    void copyTo(double[] target, int offset, int rows) {
        System.arraycopy(slab, base, target, offset, rows);
    }
}
