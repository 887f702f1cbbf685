// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

class PlateLayoutTest {

    @Test
    void parsesCommonSpellings() {
        assertEquals(new WellPosition(0, 0), WellPosition.parse("A01"));
        assertEquals(new WellPosition(0, 0), WellPosition.parse("A1"));
        assertEquals(new WellPosition(0, 0), WellPosition.parse(" a01 "));
        assertEquals(new WellPosition(1, 11), WellPosition.parse("B12"));
        assertEquals(new WellPosition(26, 0), WellPosition.parse("AA01"));
        assertEquals(new WellPosition(31, 47), WellPosition.parse("af48"));
        assertEquals("AF48", new WellPosition(31, 47).toString());
        assertEquals("C07", WellPosition.parse("c7").toString());
    }

    @Test
    void rejectsBadNames() {
        for (String bad : new String[] {"", "A", "12", "A0", "A49", "AG01", "BA01", "A1B", "A-01", "ABC1", "A123"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WellPosition.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void detectsFormatFromLargestRowAndColumn() {
        assertEquals(PlateFormat.WELLS_96, layout("A01", "H12").format());
        assertEquals(PlateFormat.WELLS_384, layout("A01", "I01").format());
        assertEquals(PlateFormat.WELLS_384, layout("A13").format());
        assertEquals(PlateFormat.WELLS_384, layout("P24").format());
        assertEquals(PlateFormat.WELLS_1536, layout("A25").format());
        assertEquals(PlateFormat.WELLS_1536, layout("AF48").format());
    }

    @Test
    void partialPlateWithOnlyInnerWells() {
        PlateLayout l = layout("B02", "C05", "G11");
        assertEquals(PlateFormat.WELLS_96, l.format());
        assertEquals(PlateFormat.WELLS_96.index(6, 10), l.wellOf(2));
    }

    @Test
    void badWellNamesTheValueAndRow() {
        WellNameException e = assertThrows(WellNameException.class, () -> layout("A01", "B02", "Q99", "Q99"));
        assertEquals("Q99", e.value());
        assertEquals(2, e.row());
        assertTrue(e.getMessage().contains("row 3"), e.getMessage());
        assertTrue(e.getMessage().contains("'Q99'"), e.getMessage());
    }

    @Test
    void wellOutsideAGivenFormat() {
        WellNameException e = assertThrows(WellNameException.class,
                () -> PlateLayout.of(new String[] {"A01", "I01"}, PlateFormat.WELLS_96));
        assertEquals(1, e.row());
        assertTrue(e.getMessage().contains("96-well"), e.getMessage());
    }

    @Test
    void naWellsBelongToNoWellAndUnusedLevelsAreNotParsed() {
        PlateLayout l = PlateLayout.of(new int[] {0, -1, 0}, new String[] {"A02", "not a well"}, null);
        assertEquals(1, l.wellOf(0));
        assertEquals(-1, l.wellOf(1));
    }

    @Test
    void rowsOfAWellPerPlate() {
        PlateLayout l = layout("A01", "A01", "B01", "A01");
        int[] plates = {0, 1, 0, 0};
        BitSet rows = l.rowsOf(plates, 0, PlateFormat.WELLS_96.index(0, 0));
        BitSet expected = new BitSet();
        expected.set(0);
        expected.set(3);
        assertEquals(expected, rows);
    }

    @Test
    void aggregatesPerPlateAndWell() {
        PlateLayout l = layout("A01", "A01", "A01", "B01", "A01", "A01");
        int[] plates = {0, 0, 0, 0, 1, -1};
        double[] v = {1, 2, 6, Double.NaN, 10, 99};
        WellAggregate a = WellAggregate.of(l, plates, 2, v);
        WellStats s = a.get(0, 0);
        assertEquals(3, s.count());
        assertEquals(3, s.mean(), 1e-12);
        assertEquals(2, s.median(), 1e-12);
        assertEquals(Math.sqrt(7), s.sd(), 1e-12, "R: sd(c(1, 2, 6)) = 2.645751");
        assertEquals(Math.sqrt(7) / 3, s.cv(), 1e-12);
        assertEquals(0, a.get(0, PlateFormat.WELLS_96.index(1, 0)).count(), "NaN values are left out");
        assertEquals(1, a.get(1, 0).count());
        assertTrue(Double.isNaN(a.get(1, 0).sd()));
        assertEquals(3, a.values(0, WellStats.Statistic.COUNT)[0]);
        assertTrue(Double.isNaN(a.values(0, WellStats.Statistic.MEAN)[5]));
    }

    private static PlateLayout layout(String... names) {
        return PlateLayout.of(names, null);
    }
}
