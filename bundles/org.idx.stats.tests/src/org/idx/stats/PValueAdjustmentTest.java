// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Against R: {@code p <- c(0.01, 0.04, 0.03, NA, 0.005, 0.2, 0.04); p.adjust(p, method)}. */
class PValueAdjustmentTest {

    private static final double[] P = {0.01, 0.04, 0.03, Double.NaN, 0.005, 0.2, 0.04};

    @Test
    void holm() {
        assertArrayEquals(new double[] {0.05, 0.12, 0.12, Double.NaN, 0.03, 0.2, 0.12},
                PValueAdjustment.HOLM.adjust(P), 1e-15);
    }

    @Test
    void benjaminiHochberg() {
        assertArrayEquals(new double[] {0.03, 0.048, 0.048, Double.NaN, 0.03, 0.2, 0.048},
                PValueAdjustment.BH.adjust(P), 1e-15);
    }

    @Test
    void noneKeepsValues() {
        assertArrayEquals(P, PValueAdjustment.NONE.adjust(P), 0);
    }
}
