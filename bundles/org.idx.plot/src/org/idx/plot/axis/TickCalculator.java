// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.axis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Nice tick positions. Linear axes step by 1, 2 or 5 times a power of ten, chosen as the
 * smallest such step giving at most about {@code targetCount} ticks. Log axes tick at decades
 * (every n-th decade when many are visible), with 2x and 5x labelled when at most
 * {@value #LABEL_2_5_MAX_DECADES} decades are visible and 2x..9x as minor ticks otherwise;
 * a log axis spanning less than one decade gets linear ticks. Values are computed as exact
 * decimals so labels never show binary rounding noise.
 */
final class TickCalculator {

    private static final double LABEL_2_5_MAX_DECADES = 2.5;
    private static final int[] STEPS = {1, 2, 5, 10};

    private TickCalculator() {
    }

    static List<Tick> linear(double min, double max, int targetCount) {
        int target = Math.max(2, targetCount);
        double raw = (max - min) / target;
        int exponent = (int) Math.floor(Math.log10(raw));
        double magnitude = Math.pow(10, exponent);
        int multiple = 10;
        for (int candidate : STEPS) {
            if (candidate * magnitude >= raw * (1 - 1e-9)) {
                multiple = candidate;
                break;
            }
        }
        if (multiple == 10) {
            multiple = 1;
            exponent++;
        }
        BigDecimal step = BigDecimal.valueOf(multiple).scaleByPowerOfTen(exponent);
        double stepValue = step.doubleValue();
        long first = (long) Math.ceil(min / stepValue - 1e-9);
        long last = (long) Math.floor(max / stepValue + 1e-9);
        List<Tick> ticks = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            BigDecimal value = step.multiply(BigDecimal.valueOf(k));
            ticks.add(new Tick(value.doubleValue(), TickLabels.format(value), true));
        }
        return ticks;
    }

    static List<Tick> log10(double min, double max, int targetCount) {
        double lo = Math.log10(min);
        double hi = Math.log10(max);
        double span = hi - lo;
        if (span < 1) {
            return linear(min, max, targetCount);
        }
        int target = Math.max(2, targetCount);
        int stride = Math.max(1, (int) Math.ceil(span / target));
        boolean label25 = span <= LABEL_2_5_MAX_DECADES;
        int firstDecade = (int) Math.floor(lo);
        int lastDecade = (int) Math.ceil(hi);
        List<Tick> ticks = new ArrayList<>();
        for (int d = firstDecade; d <= lastDecade; d++) {
            for (int m = 1; m <= 9; m++) {
                if (m > 1 && stride > 1) {
                    break;
                }
                BigDecimal value = BigDecimal.valueOf(m).scaleByPowerOfTen(d);
                double v = value.doubleValue();
                if (v < min * (1 - 1e-12) || v > max * (1 + 1e-12)) {
                    continue;
                }
                boolean major = m == 1 ? Math.floorMod(d, stride) == 0 : label25 && (m == 2 || m == 5);
                boolean minor = !major && (m > 1 || stride > 1);
                if (major) {
                    ticks.add(new Tick(v, TickLabels.format(value), true));
                } else if (minor) {
                    ticks.add(new Tick(v, "", false));
                }
            }
        }
        return ticks;
    }
}
