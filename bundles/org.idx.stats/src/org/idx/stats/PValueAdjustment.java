// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Multiple-comparison adjustment of p-values, as R's {@code p.adjust}. */
public enum PValueAdjustment {

    /** No adjustment. */
    NONE("none"),
    /** Holm's step-down method. */
    HOLM("holm"),
    /** Benjamini and Hochberg's false discovery rate. */
    BH("BH");

    private final String rName;

    PValueAdjustment(String rName) {
        this.rName = rName;
    }

    /** @return the method's name in R ({@code none}, {@code holm}, {@code BH}) */
    public String rName() {
        return rName;
    }

    /**
     * Adjusts p-values. NaN entries (NA) stay NaN and do not count in the number of tests.
     *
     * @param p the p-values
     * @return the adjusted p-values, in the same order
     */
    public double[] adjust(double[] p) {
        double[] result = p.clone();
        if (this == NONE) {
            return result;
        }
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .toArray(Integer[]::new);
        int n = order.length;
        if (this == HOLM) {
            Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
            double running = 0;
            for (int rank = 0; rank < n; rank++) {
                running = Math.max(running, (n - rank) * p[order[rank]]);
                result[order[rank]] = Math.min(1, running);
            }
        } else {
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
            double running = Double.POSITIVE_INFINITY;
            for (int rank = 0; rank < n; rank++) {
                int i = n - rank;
                running = Math.min(running, (double) n / i * p[order[rank]]);
                result[order[rank]] = Math.min(1, running);
            }
        }
        return result;
    }
}
