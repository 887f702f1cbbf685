// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Expected values computed with R 4.2:
 * <pre>
 * x &lt;- c(7.2, 1.5, 3.3, 9.8, 4.4, 2.1, 6.6, 5.0, 8.1, 0.4, 3.3)
 * print(quantile(x, c(0, .25, .5, .75, 1), type = 7), digits = 17)
 * #   0.4  2.7  4.4  6.9  9.8
 * w &lt;- c(-3.5, 0, 2.25, 2.25, 7, 11.5, -1, 4)
 * print(quantile(w, c(0, .1, .25, .5, .75, .9, 1), type = 7), digits = 17)
 * #   -3.5  -1.7499999999999996  -0.25  2.25  4.75  8.3499999999999996  11.5
 * z &lt;- c(1, 2, 3, 4, 5, 100)
 * quantile(z, c(.25, .5, .75), type = 7)   # 2.25 3.50 4.75
 * quantile(42, c(.25, .5))                  # 42 42
 * </pre>
 */
class QuantilesTest {

    @Test
    void matchesRType7() {
        double[] x = sorted(7.2, 1.5, 3.3, 9.8, 4.4, 2.1, 6.6, 5.0, 8.1, 0.4, 3.3);
        assertArrayEquals(new double[] {0.4, 2.7, 4.4, 6.9, 9.8}, quantiles(x, 0, .25, .5, .75, 1), 1e-12);
        double[] w = sorted(-3.5, 0, 2.25, 2.25, 7, 11.5, -1, 4);
        assertArrayEquals(new double[] {-3.5, -1.7499999999999996, -0.25, 2.25, 4.75, 8.3499999999999996, 11.5},
                quantiles(w, 0, .1, .25, .5, .75, .9, 1), 1e-12);
        assertEquals(42, Quantiles.type7(new double[] {42}, 0.25));
    }

    @Test
    void boxStatsUseType7QuartilesAndOnePointFiveIqrWhiskers() {
        double[] z = {1, 2, 3, 4, 5, 100};
        BoxStats b = BoxStats.of(z, null, 1)[0];
        assertEquals(6, b.n());
        assertEquals(2.25, b.q1(), 1e-12);
        assertEquals(3.5, b.median(), 1e-12);
        assertEquals(4.75, b.q3(), 1e-12);
        assertEquals(1, b.lowerWhisker());
        assertEquals(5, b.upperWhisker());
        assertArrayEquals(new int[] {5}, b.outlierRows());
        assertArrayEquals(new double[] {100}, b.outlierValues());
    }

    @Test
    void boxStatsPerGroupSkipNaAndHandleEmptyGroups() {
        double[] v = {1, 2, Double.NaN, 10, 20, 30, 5};
        int[] g = {0, 0, 0, 1, 1, 1, -1};
        BoxStats[] s = BoxStats.of(v, g, 3);
        assertEquals(2, s[0].n());
        assertEquals(1.5, s[0].median(), 1e-12);
        assertEquals(3, s[1].n());
        assertEquals(20, s[1].median(), 1e-12);
        assertEquals(0, s[2].n());
        assertTrue(Double.isNaN(s[2].median()));
    }

    private static double[] sorted(double... v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }

    private static double[] quantiles(double[] sorted, double... p) {
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = Quantiles.type7(sorted, p[i]);
        }
        return q;
    }
}
