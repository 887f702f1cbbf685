// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.info;

import java.util.List;
import java.util.Locale;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.NumericColumn;
import org.idx.core.NumericSummary;

/**
 * What {@code idx info} tells about one column.
 *
 * @param name    the column name
 * @param type    {@code numeric}, {@code categorical} or {@code text}
 * @param na      the number of NA values
 * @param integer whether a numeric column holds whole numbers (min and max are then written
 *                without a fraction)
 * @param min     the smallest value (numeric only, else NaN; NaN when all NA)
 * @param max     the largest value (numeric only, else NaN)
 * @param mean    the mean (numeric only, else NaN)
 * @param levels  the levels (categorical only, else {@code null})
 */
public record ColumnInfo(String name, String type, int na, boolean integer, double min, double max, double mean,
        List<String> levels) {

    /** Copies the levels. */
    public ColumnInfo {
        levels = levels == null ? null : List.copyOf(levels);
    }

    /**
     * @param column a column
     * @return its information (statistics come from the column's cache)
     */
    public static ColumnInfo of(Column column) {
        String type = column.type().name().toLowerCase(Locale.ROOT);
        return switch (column) {
            case NumericColumn numbers -> {
                NumericSummary s = numbers.summary();
                yield new ColumnInfo(column.name(), type, s.naCount(), numbers.isInteger(), s.min(), s.max(), s.mean(), null);
            }
            case CategoricalColumn categories -> new ColumnInfo(column.name(), type, categories.naCount(), false,
                    Double.NaN, Double.NaN, Double.NaN, categories.levels());
            default -> new ColumnInfo(column.name(), type, column.naCount(), false, Double.NaN, Double.NaN, Double.NaN, null);
        };
    }
}
