// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

/**
 * A column of numbers. Values are doubles; NA is explicit ({@link #isNA(int)}) and reads as
 * {@link Double#NaN} through {@link #value(int)}.
 * <p>
 * An <em>integer</em> column ({@link #isInteger()}) holds only whole numbers of magnitude at most
 * 2<sup>53</sup>, which a double represents exactly. Readers must not create integer columns with
 * larger values (they would be silently rounded); the IDX reader turns such columns into text.
 */
public non-sealed interface NumericColumn extends Column {

    /**
     * @param row a row index
     * @return the value, or {@link Double#NaN} when NA
     */
    double value(int row);

    /** @return whether every non-NA value is a whole number exactly representable as a double */
    boolean isInteger();

    /** @return NA count, minimum, maximum and mean (computed once, then cached) */
    NumericSummary summary();

    @Override
    default ColumnType type() {
        return ColumnType.NUMERIC;
    }

    @Override
    default int naCount() {
        return summary().naCount();
    }

    @Override
    default String text(int row) {
        return isNA(row) ? null : NumberText.format(value(row), isInteger());
    }
}
