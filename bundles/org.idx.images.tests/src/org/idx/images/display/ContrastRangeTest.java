// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.idx.images.BytePlane;
import org.idx.images.FloatPlane;
import org.idx.images.ShortPlane;
import org.junit.jupiter.api.Test;

class ContrastRangeTest {

    private static double byRank(int[] values, double percent) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.floor(percent / 100 * (sorted.length - 1))];
    }

    @Test
    void autoContrastUsesTheExactPercentilesOf16BitPlanes() {
        Random r = new Random(5);
        int n = 300 * 200;
        int[] values = new int[n];
        short[] data = new short[n];
        for (int i = 0; i < n; i++) {
            values[i] = (int) Math.min(65535, Math.abs(r.nextGaussian() * 3000 + 1000));
            if (i % 997 == 0) {
                values[i] = 65535; // hot pixels the 99.9 percentile ignores
            }
            data[i] = (short) values[i];
        }
        ContrastRange range = ContrastRange.auto(new ShortPlane(300, 200, data));
        assertEquals(byRank(values, 0.1), range.min());
        assertEquals(byRank(values, 99.9), range.max());
        Histogram h = Histogram.of(new ShortPlane(300, 200, data));
        for (double p : new double[] {0, 1, 50, 99, 100}) {
            assertEquals(byRank(values, p), h.percentile(p), "percentile " + p);
        }
    }

    @Test
    void autoContrastOn8BitAndFloatPlanes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        ContrastRange r8 = ContrastRange.auto(new BytePlane(16, 16, bytes));
        assertEquals(0, r8.min());
        assertEquals(254, r8.max()); // rank floor(0.999 * 255) = 254
        float[] floats = new float[10_000];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = i / 100f - 20;
        }
        floats[5] = Float.NaN;
        ContrastRange rf = ContrastRange.auto(new FloatPlane(100, 100, floats));
        assertEquals(-20 + 0.1 / 100 * 9999 / 100, rf.min(), 0.002);
        assertEquals(-20 + 99.9 / 100 * 9999 / 100, rf.max(), 0.002);
    }

    @Test
    void flatPlanesGetAUsableRange() {
        ContrastRange r = ContrastRange.auto(new ShortPlane(4, 4, new short[16]));
        assertEquals(0, r.min());
        assertEquals(1, r.max());
        assertEquals(0, r.level(0));
        assertEquals(255, r.level(1));
    }

    @Test
    void manualRangesMapLinearly() {
        ContrastRange r = ContrastRange.manual(100, 355);
        assertEquals(0, r.level(50));
        assertEquals(0, r.level(100));
        assertEquals(128, r.level(228));
        assertEquals(255, r.level(355));
        assertEquals(255, r.level(60000));
        assertEquals(101, ContrastRange.manual(100, 90).max());
        assertThrows(IllegalArgumentException.class, () -> new ContrastRange(5, 5));
        assertThrows(IllegalArgumentException.class, () -> new ContrastRange(Double.NaN, 5));
    }
}
