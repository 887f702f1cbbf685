// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.sort;

/**
 * Maps doubles to longs whose unsigned order is the order of {@link Double#compare}, so that
 * doubles can be radix-sorted as integers.
 */
final class SortableKeys {

    private SortableKeys() {
    }

    static long of(double value) {
        long bits = Double.doubleToLongBits(value);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }
}
