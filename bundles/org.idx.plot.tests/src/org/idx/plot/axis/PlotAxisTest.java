// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlotAxisTest {

    @Test
    void linearMappingRoundTrips() {
        AxisMapping m = PlotAxis.linear(-5, 15).map(200, false);
        assertEquals(0, m.toPixel(-5), 1e-12);
        assertEquals(200, m.toPixel(15), 1e-12);
        assertEquals(50, m.toPixel(0), 1e-12);
        assertEquals(7.25, m.toValue(m.toPixel(7.25)), 1e-12);
    }

    @Test
    void invertedMappingPutsMaximumAtTop() {
        AxisMapping m = PlotAxis.linear(0, 10).map(100, true);
        assertEquals(100, m.toPixel(0), 1e-12);
        assertEquals(0, m.toPixel(10), 1e-12);
        assertEquals(75, m.toPixel(2.5), 1e-12);
    }

    @Test
    void logMappingSpacesDecadesEvenly() {
        AxisMapping m = PlotAxis.log10(1, 10_000).map(400, false);
        assertEquals(0, m.toPixel(1), 1e-9);
        assertEquals(100, m.toPixel(10), 1e-9);
        assertEquals(200, m.toPixel(100), 1e-9);
        assertEquals(1000, m.toValue(300), 1e-9);
        assertTrue(Double.isNaN(m.toPixel(0)));
        assertTrue(Double.isNaN(m.toPixel(-3)));
    }

    @Test
    void logScaleCountsNonPositiveButNotNa() {
        double[] v = {1, 0, -2, Double.NaN, 5, Double.POSITIVE_INFINITY};
        assertEquals(3, Scale.LOG10.countNotPlottable(v));
        assertEquals(1, Scale.LINEAR.countNotPlottable(v));
        assertFalse(Scale.LOG10.isPlottable(0));
    }

    @Test
    void logAxisNeedsPositiveMinimum() {
        assertThrows(IllegalArgumentException.class, () -> PlotAxis.log10(0, 10));
        assertThrows(IllegalArgumentException.class, () -> PlotAxis.linear(3, 3));
    }

    @Test
    void fittingIgnoresNonPlottableValues() {
        PlotAxis axis = PlotAxis.fitting(Scale.LOG10, new double[] {-1, 0, 10, 1000, Double.NaN}, 0);
        assertEquals(10, axis.min(), 1e-9);
        assertEquals(1000, axis.max(), 1e-9);
        PlotAxis padded = PlotAxis.fitting(Scale.LINEAR, new double[] {0, 10}, 0.1);
        assertEquals(-1, padded.min(), 1e-12);
        assertEquals(11, padded.max(), 1e-12);
    }

    @Test
    void linearTicksStepByOneTwoFive() {
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), labels(PlotAxis.linear(0, 1).ticks(5)));
        assertEquals(List.of("0", "20", "40", "60", "80"), labels(PlotAxis.linear(0, 97).ticks(5)));
        assertEquals(List.of("-1", "-0.5", "0", "0.5", "1"), labels(PlotAxis.linear(-1, 1).ticks(4)));
        assertEquals(List.of("0", "1e7", "2e7", "3e7", "4e7", "5e7"), labels(PlotAxis.linear(0, 5e7).ticks(5)));
        assertEquals(List.of("0.001", "0.0015", "0.002"), labels(PlotAxis.linear(0.00095, 0.0021).ticks(3)));
    }

    @Test
    void ticksLieInsideTheRange() {
        for (Tick t : PlotAxis.linear(-3.7, 12.2).ticks(7)) {
            assertTrue(t.value() >= -3.7 && t.value() <= 12.2, t.toString());
        }
    }

    @Test
    void logTicksAtDecadesWithMinorTicks() {
        List<Tick> ticks = PlotAxis.log10(1, 10_000).ticks(6);
        assertEquals(List.of("1", "10", "100", "1000", "10000"), labels(ticks));
        assertEquals(5 + 4 * 8, ticks.size(), "decades plus 2..9 minor ticks");
        assertTrue(ticks.stream().filter(t -> !t.major()).allMatch(t -> t.label().isEmpty()));
    }

    @Test
    void logTicksLabelTwoAndFiveOnShortRanges() {
        assertEquals(List.of("0.5", "1", "2", "5", "10", "20"), labels(PlotAxis.log10(0.5, 20).ticks(5)));
    }

    @Test
    void logTicksSkipDecadesOnLongRanges() {
        assertEquals(List.of("0.0001", "1", "10000", "1e8", "1e12"), labels(PlotAxis.log10(1e-6, 1e12).ticks(5)));
    }

    private static List<String> labels(List<Tick> ticks) {
        return ticks.stream().filter(Tick::major).map(Tick::label).toList();
    }

    @Test
    void significantDigitsForLegends() {
        assertEquals("474.8", TickLabels.significant(474.8076923076923, 4));
        assertEquals("165.9", TickLabels.significant(165.88461538461, 4));
        assertEquals("9.9", TickLabels.significant(9.9, 4));
        assertEquals("1.235e7", TickLabels.significant(12_345_678, 4));
        assertEquals("0.001235", TickLabels.significant(0.00123456, 4));
        assertEquals("-3", TickLabels.significant(-3, 4));
        assertEquals("NA", TickLabels.significant(Double.NaN, 4));
    }
}
