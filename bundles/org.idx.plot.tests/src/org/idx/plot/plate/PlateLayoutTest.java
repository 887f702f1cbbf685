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
        assertEquals(new WellPosition(1, 6), WellPosition.parse("B-07"));
        assertEquals(new WellPosition(1, 6), WellPosition.parse("b_7"));
        assertEquals(new WellPosition(1, 6), WellPosition.parse("B 07"));
        assertEquals(new WellPosition(27, 6), WellPosition.parse("ab:07"));
    }

    @Test
    void rowsAndColumnsOnTheirOwn() {
        assertEquals(1, WellPosition.parseRow("B"));
        assertEquals(1, WellPosition.parseRow(" b "));
        assertEquals(1, WellPosition.parseRow("2"));
        assertEquals(31, WellPosition.parseRow("AF"));
        assertEquals(-1, WellPosition.parseRow("AG"));
        assertEquals(-1, WellPosition.parseRow("33"));
        assertEquals(-1, WellPosition.parseRow("0"));
        assertEquals(-1, WellPosition.parseRow(null));
        assertEquals(6, WellPosition.parseColumn("07"));
        assertEquals(47, WellPosition.parseColumn("48"));
        assertEquals(-1, WellPosition.parseColumn("49"));
        assertEquals(-1, WellPosition.parseColumn("x"));
        assertEquals(6, WellPosition.oneBased(7.0, 48));
        assertEquals(-1, WellPosition.oneBased(7.5, 48));
        assertEquals(-1, WellPosition.oneBased(Double.NaN, 48));
    }

    @Test
    void lenientLayoutCountsRowsWhoseWellDoesNotParse() {
        // levels: 0 = B-07, 1 = junk, 2 = c3, 3 = unused junk
        int[] codes = {0, 1, -1, 2, 1, 0};
        PlateLayout l = PlateLayout.lenient(codes, new String[] {"B-07", "junk", "c3", "Z99"}, null);
        assertEquals(PlateFormat.WELLS_96, l.format());
        assertEquals(PlateFormat.WELLS_96.index(1, 6), l.wellOf(0));
        assertEquals(-1, l.wellOf(1));
        assertEquals(-1, l.wellOf(2), "NA belongs to no well");
        assertEquals(PlateFormat.WELLS_96.index(2, 2), l.wellOf(3));
        assertEquals(2, l.unparsedRows(), "the two junk rows; NA and the unused level are not counted");
        assertEquals(1, l.firstUnparsedRow());
    }

    @Test
    void lenientLayoutWithAGivenFormatLeavesOutWellsOutsideIt() {
        PlateLayout l = PlateLayout.lenient(new int[] {0, 1}, new String[] {"A01", "P24"}, PlateFormat.WELLS_96);
        assertEquals(0, l.wellOf(0));
        assertEquals(-1, l.wellOf(1));
        assertEquals(1, l.unparsedRows());
        PlateLayout all = PlateLayout.lenient(new int[] {0, 0}, new String[] {"nope"}, null);
        assertEquals(2, all.unparsedRows());
        assertEquals(PlateFormat.WELLS_96, all.format(), "nothing parses: the smallest format");
    }

    @Test
    void layoutFromWellRowsAndColumns() {
        int[] rows = {0, 15, -1, PlateLayout.INVALID, 2};
        int[] columns = {0, 23, 3, 4, -1};
        PlateLayout l = PlateLayout.ofPositions(rows, columns, null);
        assertEquals(PlateFormat.WELLS_384, l.format(), "row P, column 24: a 384-well plate");
        assertEquals(PlateFormat.WELLS_384.index(15, 23), l.wellOf(1));
        assertEquals(-1, l.wellOf(2));
        assertEquals(-1, l.wellOf(3));
        assertEquals(1, l.unparsedRows(), "only the invalid row; NA rows are not counted");
        assertEquals(3, l.firstUnparsedRow());
        assertEquals(PlateFormat.WELLS_1536,
                PlateLayout.ofPositions(new int[] {31}, new int[] {47}, null).format());
    }

    @Test
    void rowsOfSeveralWellsAndSelectedRowsPerWell() {
        PlateLayout l = layout("A01", "A02", "B01", "A01", "C05");
        int[] plates = {0, 0, 0, 1, 0};
        BitSet wells = new BitSet();
        wells.set(PlateFormat.WELLS_96.index(0, 0));
        wells.set(PlateFormat.WELLS_96.index(1, 0));
        BitSet expected = new BitSet();
        expected.set(0);
        expected.set(2);
        assertEquals(expected, l.rowsOf(plates, 0, wells));
        BitSet selected = new BitSet();
        selected.set(0);
        selected.set(3);
        selected.set(4);
        int[] counts = l.countPerWell(plates, 0, selected);
        assertEquals(1, counts[0]);
        assertEquals(1, counts[PlateFormat.WELLS_96.index(2, 4)]);
        assertEquals(2, java.util.Arrays.stream(counts).sum(), "row 3 is on the other plate");
        assertEquals(1, l.countPerWell(plates, 1, selected)[0]);
        assertEquals(2, l.countPerWell(null, 0, selected)[0], "without plates every row counts");
    }

    @Test
    void rejectsBadNames() {
        for (String bad : new String[] {"", "A", "12", "A0", "A49", "AG01", "BA01", "A1B", "A--01", "A-", "-A01", "ABC1", "A123"}) {
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
