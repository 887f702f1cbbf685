// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.idx.core.Column;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.StringArrayColumn;
import org.junit.jupiter.api.Test;

class RowSorterTest {

    @Test
    void numbersAscendingAndDescendingWithNALastAndStable() {
        DoubleArrayColumn column = DoubleArrayColumn.of("x", 3, Double.NaN, -1, 3, 0.0, -0.0, Double.NaN, -1);
        assertArrayEquals(new int[] {2, 7, 5, 4, 0, 3, 1, 6}, RowSorter.sort(column, SortOrder.ASCENDING));
        assertArrayEquals(new int[] {0, 3, 4, 5, 2, 7, 1, 6}, RowSorter.sort(column, SortOrder.DESCENDING));
    }

    @Test
    void numbersMatchBoxedReferenceOnRandomData() {
        Random random = new Random(42);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + random.nextInt(5000);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(10);
                values[i] = kind == 0 ? Double.NaN : kind == 1 ? random.nextInt(5) - 2 // many ties
                        : kind == 2 ? Double.POSITIVE_INFINITY * (random.nextBoolean() ? 1 : -1)
                        : random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
            }
            DoubleArrayColumn column = DoubleArrayColumn.of("x", values);
            Comparator<Integer> byValue = (a, b) -> Double.compare(values[a], values[b]);
            assertArrayEquals(reference(column, byValue), RowSorter.sort(column, SortOrder.ASCENDING));
            assertArrayEquals(reference(column, byValue.reversed()), RowSorter.sort(column, SortOrder.DESCENDING));
        }
    }

    @Test
    void textAndCategoriesMatchBoxedReference() {
        Random random = new Random(7);
        int n = 3000;
        String[] words = new String[n];
        int[] codes = new int[n];
        List<String> levels = List.of("b", "a", "C", "aa");
        for (int i = 0; i < n; i++) {
            words[i] = random.nextInt(8) == 0 ? null : Integer.toString(random.nextInt(300), 36);
            codes[i] = random.nextInt(5) - 1;
        }
        StringArrayColumn text = StringArrayColumn.of("t", words);
        DictionaryColumn categories = DictionaryColumn.adopt("c", codes, levels);
        for (Column column : List.of(text, categories)) {
            Comparator<Integer> byText = (a, b) -> column.text(a).compareTo(column.text(b));
            assertArrayEquals(reference(column, byText), RowSorter.sort(column, SortOrder.ASCENDING));
            assertArrayEquals(reference(column, byText.reversed()), RowSorter.sort(column, SortOrder.DESCENDING));
        }
    }

    @Test
    void sortsAMillionRowsInOrder() {
        // Speed is measured by releng/bench/bench-read.sh, not here.
        Random random = new Random(1);
        double[] values = new double[1_000_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        DoubleArrayColumn column = DoubleArrayColumn.of("x", values);
        int[] order = RowSorter.sort(column, SortOrder.ASCENDING);
        boolean[] seen = new boolean[values.length];
        for (int i = 0; i < order.length; i++) {
            seen[order[i]] = true;
            if (i > 0) {
                assertTrue(values[order[i - 1]] <= values[order[i]]);
            }
        }
        for (boolean row : seen) {
            assertTrue(row, "every row appears once");
        }
    }

    /** Stable boxed sort of the non-NA rows, NA rows appended in row order. */
    private static int[] reference(Column column, Comparator<Integer> comparator) {
        Integer[] rows = new Integer[column.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        Integer[] present = Arrays.stream(rows).filter(r -> !column.isNA(r)).sorted(comparator).toArray(Integer[]::new);
        return java.util.stream.Stream.concat(Arrays.stream(present), Arrays.stream(rows).filter(column::isNA))
                .mapToInt(Integer::intValue).toArray();
    }
}
