// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Exact rank-sum distribution against values of R's pwilcox. */
class WilcoxonRankSumDistributionTest {

    @Test
    void matchesPwilcox() {
        // R: pwilcox(c(0, 3, 10, 20), 4, 6) and pwilcox(c(100, 600), 30, 40)
        WilcoxonRankSumDistribution small = WilcoxonRankSumDistribution.of(4, 6);
        assertEquals(1.0 / 210, small.cumulativeProbability(0), 1e-15);
        assertEquals(0.033333333333333333, small.cumulativeProbability(3), 1e-15);
        assertEquals(0.38095238095238093, small.cumulativeProbability(10), 1e-15);
        assertEquals(1, small.cumulativeProbability(24), 0);
        WilcoxonRankSumDistribution large = WilcoxonRankSumDistribution.of(30, 40);
        assertEquals(2.5768697285593008e-11, large.cumulativeProbability(100), 1e-9 * 2.58e-11);
        assertEquals(0.50235152234731539, large.cumulativeProbability(600), 1e-12);
    }

    @Test
    void isSymmetricAndTwoSided() {
        WilcoxonRankSumDistribution d = WilcoxonRankSumDistribution.of(7, 9);
        for (int w = 0; w <= 63; w++) {
            assertEquals(d.cumulativeProbability(w), d.survivalProbabilityInclusive(63 - w), 1e-15);
            assertEquals(d.twoSidedPValue(w), d.twoSidedPValue(63 - w), 1e-15);
        }
        assertEquals(1, d.twoSidedPValue(31.5), 0);
    }
}
