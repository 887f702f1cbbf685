// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.Random;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void binsAreLeftClosedAndTheLastIncludesTheMaximum() {
        Bins bins = new Bins(0, 10, 5);
        assertEquals(0, bins.binOf(0));
        assertEquals(1, bins.binOf(2));
        assertEquals(4, bins.binOf(10));
        assertEquals(-1, bins.binOf(-0.1));
        assertEquals(5, bins.binOf(10.1));
        assertEquals(-1, bins.binOf(Double.NaN));
    }

    @Test
    void countsPerGroupAndBin() {
        double[] v = {0, 1, 2, 3, 4, 5, Double.NaN, 9, 12};
        int[] g = {0, 1, 0, 1, 0, 1, 0, -1, 0};
        Histogram h = Histogram.of(v, new Bins(0, 10, 2), g, 2, null);
        assertEquals(3, h.count(0, 0));
        assertEquals(2, h.count(1, 0));
        assertEquals(1, h.count(1, 1));
        assertEquals(5, h.total(0));
        assertEquals(1, h.na());
        assertEquals(1, h.above());
        assertEquals(1, h.naGroup());
        assertEquals(5, h.maxTotal());
    }

    @Test
    void restrictsToRows() {
        BitSet rows = new BitSet();
        rows.set(1);
        Histogram h = Histogram.of(new double[] {1, 2, 3}, new Bins(0, 4, 4), null, 1, rows);
        assertEquals(1, h.count(0, 2));
        assertEquals(1, h.total(0) + h.total(1) + h.total(2) + h.total(3));
    }

    @Test
    void parallelCountsEqualSequentialOnes() {
        Random r = new Random(3);
        int n = 200_000;
        double[] v = new double[n];
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
            g[i] = r.nextInt(3);
        }
        Bins bins = Bins.spanning(v, 30);
        Histogram h = Histogram.of(v, bins, g, 3, null);
        long[][] expected = new long[3][30];
        for (int i = 0; i < n; i++) {
            expected[g[i]][bins.binOf(v[i])]++;
        }
        for (int k = 0; k < 3; k++) {
            for (int b = 0; b < 30; b++) {
                assertEquals(expected[k][b], h.count(k, b));
            }
        }
    }

    @Test
    void rowsInBinsAndGroupsAreTheRowsCounted() {
        double[] v = {0, 1, 2, 3, 4, 5, Double.NaN, 9, 12, 10};
        int[] g = {0, 1, 0, 1, 0, 1, 0, -1, 0, 1};
        Bins bins = new Bins(0, 10, 5);
        assertEquals(bits(0, 1), Histogram.rowsIn(v, bins, 0, 0, null, -1));
        assertEquals(bits(0, 1, 2, 3), Histogram.rowsIn(v, bins, 0, 1, null, -1));
        assertEquals(bits(7, 9), Histogram.rowsIn(v, bins, 4, 4, null, -1), "the last bin holds the maximum");
        assertEquals(bits(9), Histogram.rowsIn(v, bins, 4, 4, g, -1), "rows of an NA group are not counted");
        assertEquals(bits(1, 3), Histogram.rowsIn(v, bins, 0, 1, g, 1));
        Histogram h = Histogram.of(v, bins, g, 2, null);
        assertEquals(h.total(0) + h.total(1), Histogram.rowsIn(v, bins, 0, 1, g, -1).cardinality());
    }

    @Test
    void rowsWithLevels() {
        BitSet levels = bits(0, 2);
        assertEquals(bits(0, 1, 2, 4), BarCounts.rowsWith(new int[] {0, 2, 2, -1, 2, 1}, levels, null));
        assertEquals(bits(0, 2), BarCounts.rowsWith(new int[] {0, 2, 2, -1, 2, 1}, levels,
                new double[] {1, Double.NaN, 3, 4, Double.NaN, 6}), "rows without a value are left out");
    }

    private static BitSet bits(int... rows) {
        BitSet set = new BitSet();
        for (int row : rows) {
            set.set(row);
        }
        return set;
    }

    @Test
    void barCountsPerLevel() {
        BarCounts c = BarCounts.of(new int[] {0, 2, 2, -1, 2}, 3, null);
        assertEquals(1, c.count(0));
        assertEquals(0, c.count(1));
        assertEquals(3, c.count(2));
        assertEquals(1, c.na());
        assertEquals(3, c.max());
        assertThrows(IllegalArgumentException.class, () -> BarCounts.of(new int[] {3}, 3, null));
    }
}
