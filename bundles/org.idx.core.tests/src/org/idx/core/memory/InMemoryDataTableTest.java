// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTableEvent;
import org.idx.core.DataTableEvent.Kind;
import org.idx.core.LevelCounts;
import org.idx.core.NumericSummary;
import org.idx.core.RowSelection;
import org.junit.jupiter.api.Test;

class InMemoryDataTableTest {

    private static InMemoryDataTable table() {
        return new InMemoryDataTable(3, List.of(DoubleArrayColumn.of("Area", 1, Double.NaN, 4),
                DictionaryColumn.adopt("siRNA", new int[] {0, 1, -1}, List.of("ctrl", "kd")),
                StringArrayColumn.of("path", "a.tif", null, "c.tif")));
    }

    @Test
    void columnsByIndexAndName() {
        InMemoryDataTable table = table();
        assertEquals(3, table.columnCount());
        assertEquals("siRNA", table.column(1).name());
        assertEquals("Area", table.column("Area").name());
        assertTrue(table.findColumn("nope").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> table.column("nope"));
    }

    @Test
    void numericStatisticsIgnoreNA() {
        DoubleArrayColumn area = (DoubleArrayColumn) table().column("Area");
        assertEquals(new NumericSummary(1, 1, 4, 2.5), area.summary());
        assertTrue(area.isNA(1));
        assertTrue(Double.isNaN(area.value(1)));
        assertNull(area.text(1));
        assertEquals("4.0", area.text(2));
    }

    @Test
    void integerColumnsAreCheckedAndPrintedWithoutFraction() {
        DoubleArrayColumn ids = DoubleArrayColumn.adopt("id", new double[] {1, 9007199254740992.0}, null, true);
        assertEquals("9007199254740992", ids.text(1));
        assertThrows(IllegalArgumentException.class, () -> DoubleArrayColumn.adopt("x", new double[] {1.5}, null, true));
        assertThrows(IllegalArgumentException.class,
                () -> DoubleArrayColumn.adopt("x", new double[] {0x1p54}, null, true));
    }

    @Test
    void levelCountsAndText() {
        DictionaryColumn siRNA = (DictionaryColumn) table().column("siRNA");
        assertEquals(new LevelCounts(1, new int[] {1, 1}), siRNA.levelCounts());
        assertEquals("kd", siRNA.text(1));
        assertTrue(siRNA.isNA(2));
        assertEquals(1, siRNA.codeOf("kd"));
        assertThrows(IllegalArgumentException.class, () -> DictionaryColumn.adopt("x", new int[] {2}, List.of("a", "b")));
    }

    @Test
    void addReplaceRemoveFireEvents() {
        InMemoryDataTable table = table();
        List<DataTableEvent> events = new ArrayList<>();
        table.addListener(events::add);
        table.addColumn(DoubleArrayColumn.of("PC1", 0, 1, 2));
        table.replaceColumn(DoubleArrayColumn.of("PC1", 5, 6, 7));
        table.setRoles(ColumnRoles.NONE.with(ColumnRole.IMAGE, "path"));
        table.setRoles(ColumnRoles.NONE.with(ColumnRole.IMAGE, "path")); // no change, no event
        table.removeColumn("path");
        assertEquals(List.of(Kind.COLUMN_ADDED, Kind.VALUES_CHANGED, Kind.ROLES_CHANGED, Kind.COLUMN_REMOVED,
                Kind.ROLES_CHANGED), events.stream().map(DataTableEvent::kind).toList());
        assertEquals("PC1", events.get(0).column());
        assertTrue(table.roles().column(ColumnRole.IMAGE).isEmpty());
        assertEquals(5.0, ((DoubleArrayColumn) table.column("PC1")).value(0));
    }

    @Test
    void rejectsMisfits() {
        InMemoryDataTable table = table();
        assertThrows(IllegalArgumentException.class, () -> table.addColumn(DoubleArrayColumn.of("x", 1)));
        assertThrows(IllegalArgumentException.class, () -> table.addColumn(DoubleArrayColumn.of("Area", 1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> table.setRoles(ColumnRoles.NONE.with(ColumnRole.WELL, "nope")));
        assertThrows(IllegalArgumentException.class, () -> table.removeColumn("nope"));
    }

    @Test
    void columnRolesAreValues() {
        ColumnRoles roles = ColumnRoles.NONE.with(ColumnRole.ANCHOR_X, "x").with(ColumnRole.ANCHOR_Y, "y");
        assertEquals("x", roles.column(ColumnRole.ANCHOR_X).orElseThrow());
        assertEquals(roles, ColumnRoles.NONE.with(ColumnRole.ANCHOR_Y, "y").with(ColumnRole.ANCHOR_X, "x"));
        assertTrue(roles.without(ColumnRole.ANCHOR_X).column(ColumnRole.ANCHOR_X).isEmpty());
        assertTrue(ColumnRoles.NONE.asMap().isEmpty());
    }

    @Test
    void rowSelectionCopiesAndCompares() {
        InMemoryDataTable table = table();
        BitSet rows = new BitSet();
        rows.set(0);
        rows.set(2);
        RowSelection selection = new RowSelection(table, rows, "plot");
        rows.set(1);
        assertEquals(2, selection.cardinality());
        assertFalse(selection.contains(1));
        selection.rows().set(1);
        assertFalse(selection.contains(1));
        RowSelection same = RowSelection.of(table, "plot", 0, 2);
        RowSelection fromTable = RowSelection.of(table, "table", 0, 2);
        assertEquals(selection, same);
        assertEquals(selection.hashCode(), same.hashCode());
        assertNotEquals(selection, fromTable);
        assertTrue(selection.hasSameRows(fromTable));
        assertFalse(selection.hasSameRows(RowSelection.of(table(), "plot", 0, 2)));
        assertTrue(RowSelection.empty(table, null).isEmpty());
    }
}
