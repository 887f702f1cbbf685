// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.confusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.idx.analysis.AnalysisException;
import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.NumberText;
import org.idx.core.NumericColumn;
import org.idx.core.TextColumn;
import org.idx.stats.confusion.ConfusionMatrix;

/**
 * The classes held by one or more class columns (truth, prediction, a classifier's label) and the
 * class code of every row. The classes are the union of the columns' non-NA values, sorted: by
 * value when every column is numeric, otherwise as text in code-point order (R's {@code sort} in
 * the C locale). A categorical or text column contributes its text, a numeric column its distinct
 * values written as whole numbers where they are whole ({@code 2}, never {@code 2.0}).
 */
public final class ClassCoding {

    /** The most classes a class column may hold: more is taken for a measurement chosen by mistake. */
    public static final int MAX_CLASSES = 1000;

    private final List<String> levels;
    private final Map<String, Integer> codes;

    private ClassCoding(List<String> levels) {
        this.levels = List.copyOf(levels);
        this.codes = new HashMap<>();
        for (int i = 0; i < this.levels.size(); i++) {
            codes.put(this.levels.get(i), i);
        }
    }

    /**
     * @param columns class columns of one table
     * @return the coding of the union of their classes
     * @throws AnalysisException when a column holds more than {@link #MAX_CLASSES} classes (naming it)
     */
    public static ClassCoding of(Collection<? extends Column> columns) throws AnalysisException {
        boolean allNumeric = true;
        Set<String> union = new LinkedHashSet<>();
        Map<String, Double> numbers = new HashMap<>();
        for (Column column : columns) {
            Set<String> classes = new LinkedHashSet<>();
            if (column instanceof NumericColumn numeric) {
                for (double value : distinct(numeric)) {
                    String label = label(value);
                    classes.add(label);
                    numbers.put(label, value);
                }
            } else {
                allNumeric = false;
                classes.addAll(distinctText(column));
            }
            if (classes.size() > MAX_CLASSES) {
                throw new AnalysisException("column '" + column.name() + "' holds " + classes.size()
                        + " different values; a class column holds at most " + MAX_CLASSES + " classes");
            }
            union.addAll(classes);
        }
        List<String> levels = new ArrayList<>(union);
        if (allNumeric) {
            levels.sort(Comparator.comparingDouble(numbers::get));
        } else {
            levels.sort(Comparator.naturalOrder());
        }
        return new ClassCoding(levels);
    }

    /** @return the classes, in code order (unmodifiable) */
    public List<String> levels() {
        return levels;
    }

    /**
     * @param level a class
     * @return its code, or {@link ConfusionMatrix#NA} when it is not one of the classes
     */
    public int code(String level) {
        return codes.getOrDefault(level, ConfusionMatrix.NA);
    }

    /**
     * @param column a class column whose classes are among {@link #levels()}
     * @return the class code of every row, {@link ConfusionMatrix#NA} where the column is NA
     */
    public int[] codes(Column column) {
        int n = column.size();
        int[] result = new int[n];
        switch (column) {
            case CategoricalColumn categorical -> {
                List<String> columnLevels = categorical.levels();
                int[] translation = new int[columnLevels.size()];
                for (int i = 0; i < translation.length; i++) {
                    translation[i] = code(columnLevels.get(i));
                }
                for (int row = 0; row < n; row++) {
                    int code = categorical.code(row);
                    result[row] = code == CategoricalColumn.NA_CODE ? ConfusionMatrix.NA : translation[code];
                }
            }
            case NumericColumn numeric -> {
                double last = Double.NaN;
                int lastCode = ConfusionMatrix.NA;
                for (int row = 0; row < n; row++) {
                    double value = numeric.isNA(row) ? Double.NaN : numeric.value(row) + 0.0;
                    if (Double.isNaN(value)) {
                        result[row] = ConfusionMatrix.NA;
                        continue;
                    }
                    if (value != last || lastCode == ConfusionMatrix.NA) {
                        lastCode = code(label(value));
                        last = value;
                    }
                    result[row] = lastCode;
                }
            }
            case TextColumn text -> {
                for (int row = 0; row < n; row++) {
                    String value = text.value(row);
                    result[row] = value == null ? ConfusionMatrix.NA : code(value);
                }
            }
        }
        return result;
    }

    /**
     * @param value a class value of a numeric column
     * @return its class name: whole numbers without a fraction
     */
    public static String label(double value) {
        return NumberText.format(value + 0.0, true);
    }

    private static double[] distinct(NumericColumn column) {
        int n = column.size();
        double[] values = new double[n];
        int count = 0;
        for (int row = 0; row < n; row++) {
            if (!column.isNA(row)) {
                double value = column.value(row) + 0.0; // -0.0 and 0.0 are one class
                if (!Double.isNaN(value)) {
                    values[count++] = value;
                }
            }
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    private static Set<String> distinctText(Column column) {
        Set<String> classes = new LinkedHashSet<>();
        if (column instanceof CategoricalColumn categorical) {
            int[] counts = new int[categorical.levels().size()];
            for (int row = 0; row < categorical.size(); row++) {
                int code = categorical.code(row);
                if (code != CategoricalColumn.NA_CODE) {
                    counts[code]++;
                }
            }
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    classes.add(categorical.levels().get(i));
                }
            }
        } else {
            for (int row = 0; row < column.size(); row++) {
                String value = column.text(row);
                if (value != null) {
                    classes.add(value);
                }
            }
        }
        return classes;
    }
}
