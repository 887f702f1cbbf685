// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.idx.stats.ReferenceData;
import org.idx.stats.Tolerance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** ptukey / qtukey against R over a grid, and against exact values for two means. */
class StudentizedRangeTest {

    /**
     * R's ptukey loses accuracy for df below about 10 at large q (its integration is cut off; the
     * exact two-means values in {@link #quantilesForTwoMeansAreExact} show it), so the R grid is
     * compared from df = 10.
     */
    private static final double MIN_DF_COMPARED_WITH_R = 10;

    @Test
    void probabilitiesMatchR() {
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Map<String, String> row : ReferenceData.read("ptukey.csv")) {
            double q = ReferenceData.number(row.get("q"));
            int k = (int) ReferenceData.number(row.get("nmeans"));
            double df = ReferenceData.number(row.get("df"));
            if (df < MIN_DF_COMPARED_WITH_R) {
                continue;
            }
            StudentizedRange range = StudentizedRange.of(k, df);
            double lower = range.cumulativeProbability(q);
            double upper = range.survivalProbability(q);
            double rLower = ReferenceData.number(row.get("lower"));
            double rUpper = ReferenceData.number(row.get("upper"));
            if (!Tolerance.agrees("ptukey lower", lower, rLower, Tolerance.P_APPROXIMATE, Tolerance.P_FLOOR)
                    || !Tolerance.agrees("ptukey upper", upper, rUpper, Tolerance.P_APPROXIMATE,
                            Tolerance.P_FLOOR)) {
                failures.add(row + ": " + lower + ", " + upper);
            }
            compared++;
        }
        assertTrue(compared > 300);
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @Test
    void quantilesMatchR() {
        List<String> failures = new ArrayList<>();
        for (Map<String, String> row : ReferenceData.read("qtukey.csv")) {
            double p = ReferenceData.number(row.get("p"));
            int k = (int) ReferenceData.number(row.get("nmeans"));
            double df = ReferenceData.number(row.get("df"));
            double expected = ReferenceData.number(row.get("q"));
            if (df < MIN_DF_COMPARED_WITH_R || Double.isNaN(expected)) {
                // NaN: R's qtukey reported "convergence failed"
                continue;
            }
            double actual = StudentizedRange.of(k, df).inverseCumulativeProbability(p);
            if (!Tolerance.agrees("qtukey", actual, expected, Tolerance.QUANTILE, 0)) {
                failures.add(row + ": " + actual);
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    /**
     * The range of two normals over s is sqrt(2) |t|: R's qt gives exact quantiles for any df (up
     * to {@link StudentizedRange#LARGE_DF}, above which df counts as infinite, as in R).
     */
    @Test
    void quantilesForTwoMeansAreExact() {
        int compared = 0;
        for (Map<String, String> row : ReferenceData.read("qtukey.csv")) {
            double exact = ReferenceData.number(row.get("q_exact"));
            if (Double.isNaN(exact) || ReferenceData.number(row.get("df")) > StudentizedRange.LARGE_DF) {
                continue;
            }
            double p = ReferenceData.number(row.get("p"));
            double df = ReferenceData.number(row.get("df"));
            StudentizedRange range = StudentizedRange.of(2, df);
            assertTrue(Tolerance.agrees("qtukey nmeans=2 vs exact", range.inverseCumulativeProbability(p),
                    exact, 1e-8, 0), row::toString);
            assertTrue(Tolerance.agrees("ptukey nmeans=2 vs exact", range.cumulativeProbability(exact), p,
                    1e-8, 0), row::toString);
            compared++;
        }
        assertEquals(28, compared);
    }

    @Test
    void tailsAreComplementaryAndMonotone() {
        StudentizedRange range = StudentizedRange.of(7, 33);
        double previous = 0;
        for (double q = 0.25; q < 12; q += 0.25) {
            double lower = range.cumulativeProbability(q);
            assertEquals(1, lower + range.survivalProbability(q), 1e-12);
            assertTrue(lower > previous, "cdf not increasing at " + q);
            previous = lower;
        }
    }

    @Test
    void quantileInvertsTheDistribution() {
        for (double df : new double[] {2, 3.5, 17, 300, 5000, 40000, Double.POSITIVE_INFINITY}) {
            StudentizedRange range = StudentizedRange.of(12, df);
            for (double p : new double[] {0.01, 0.3, 0.95, 0.999}) {
                assertEquals(p, range.cumulativeProbability(range.inverseCumulativeProbability(p)), 1e-9 * (1 - p) + 1e-12,
                        () -> "df " + df + " p " + p);
            }
        }
    }

    @Test
    void undefinedBelowTwoDegreesOfFreedomAsInR() {
        StudentizedRange range = StudentizedRange.of(3, 1.5);
        assertTrue(Double.isNaN(range.cumulativeProbability(2)));
        assertTrue(Double.isNaN(range.inverseCumulativeProbability(0.95)));
        assertThrows(IllegalArgumentException.class, () -> StudentizedRange.of(1, 10));
        assertThrows(IllegalArgumentException.class, () -> StudentizedRange.of(3, 0));
    }

    @Test
    void normalRangeMatchesFineIntegration() {
        for (int k : new int[] {3, 10, 50}) {
            RangeDistribution range = RangeDistribution.of(k);
            double[] out = new double[2];
            for (double w : new double[] {0.3, 1, 2.5, 4, 6, 8}) {
                range.tails(w, out);
                double fine = fineLowerTail(k, w);
                // relative accuracy is claimed for probabilities above 1e-20
                assertEquals(fine, out[0], 1e-8 * fine + 1e-20, "k " + k + " w " + w);
                double[] interpolated = range.interpolatedTails(w, new double[2]);
                assertEquals(out[1], interpolated[1], 1e-9 * out[1]);
            }
        }
    }

    /** Composite Simpson rule with 40,000 intervals on [-12, 12]. */
    private static double fineLowerTail(int k, double w) {
        int intervals = 40_000;
        double h = 24.0 / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            double z = -12 + i * h;
            double window = org.apache.commons.numbers.gamma.ErfDifference.value((z - w) / Math.sqrt(2),
                    z / Math.sqrt(2)) / 2;
            double f = k * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * Math.pow(window, k - 1);
            sum += f * (i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }

    @AfterAll
    static void printErrors() {
        System.out.println(Tolerance.summary());
    }
}
