// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.anova;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.NumericColumn;
import org.idx.core.TextColumn;

/**
 * The group label of every row of a grouping column, {@code null} for NA. Categorical and text
 * columns give their text; a numeric column is grouped by its distinct values, each written as R
 * writes it with {@code as.character} (so the labels match R's {@code factor} levels): whole numbers
 * of an integer column as integers, other numbers with at most 15 significant digits, in fixed
 * notation unless scientific notation is shorter ({@code 1}, {@code 2.5}, {@code 1e+05},
 * {@code 1e-04}, {@code 0.333333333333333}); fixed notation writes the exact value with as many
 * decimals as the 15 significant digits need (R's {@code sprintf("%.*f")}), so whole numbers
 * beyond 15 digits keep all their digits ({@code 1152921504606846976}).
 */
public final class GroupLabels {

    private static final MathContext FIFTEEN = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final double R_INTEGER_LIMIT = Integer.MAX_VALUE;

    private GroupLabels() {
    }

    /**
     * @param column the grouping column
     * @return the label per row, {@code null} where NA; equal labels are the same instance
     */
    public static String[] of(Column column) {
        int n = column.size();
        String[] labels = new String[n];
        switch (column) {
            case CategoricalColumn categorical -> {
                List<String> levels = categorical.levels();
                for (int row = 0; row < n; row++) {
                    int code = categorical.code(row);
                    labels[row] = code == CategoricalColumn.NA_CODE ? null : levels.get(code);
                }
            }
            case TextColumn text -> {
                Map<String, String> canonical = new HashMap<>();
                for (int row = 0; row < n; row++) {
                    String value = text.value(row);
                    labels[row] = value == null ? null : canonical.computeIfAbsent(value, v -> v);
                }
            }
            case NumericColumn numeric -> {
                boolean integer = numeric.isInteger();
                Map<Double, String> formatted = new HashMap<>();
                double last = Double.NaN;
                String lastLabel = null;
                for (int row = 0; row < n; row++) {
                    if (numeric.isNA(row)) {
                        continue;
                    }
                    double value = numeric.value(row) + 0.0; // -0.0 and 0.0 are one group
                    if (Double.isNaN(value)) {
                        continue;
                    }
                    if (value != last || lastLabel == null) {
                        lastLabel = formatted.computeIfAbsent(value, v -> format(v, integer));
                        last = value;
                    }
                    labels[row] = lastLabel;
                }
            }
        }
        return labels;
    }

    /**
     * @param value   a number
     * @param integer whether it comes from an integer column (R reads such columns as integer
     *                when they fit a 32-bit integer)
     * @return the number as R's {@code as.character} writes it
     */
    static String format(double value, boolean integer) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Inf" : "-Inf";
        }
        if (value == 0) {
            return "0";
        }
        if (integer && Math.abs(value) <= R_INTEGER_LIMIT && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(FIFTEEN).stripTrailingZeros();
        String digits = rounded.unscaledValue().abs().toString();
        int significant = digits.length();
        int exponent = significant - rounded.scale() - 1; // decimal exponent of the first digit
        boolean negative = rounded.signum() < 0;
        int fractionDigits = Math.max(0, significant - exponent - 1);
        int fixedWidth = (negative ? 1 : 0) + (exponent >= 0 ? exponent + 1 : 1)
                + (fractionDigits > 0 ? fractionDigits + 1 : 0);
        int scientificWidth = (negative ? 1 : 0) + (significant > 1 ? significant + 1 : 1)
                + (Math.abs(exponent) >= 100 ? 5 : 4);
        if (fixedWidth <= scientificWidth) {
            // as R: sprintf("%.*f") of the exact value, so large whole numbers keep all their digits
            return new BigDecimal(value).setScale(fractionDigits, RoundingMode.HALF_EVEN).toPlainString();
        }
        StringBuilder text = new StringBuilder();
        if (negative) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (significant > 1) {
            text.append('.').append(digits, 1, significant);
        }
        text.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            text.append('0');
        }
        return text.append(magnitude).toString();
    }
}
