// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.List;

import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.junit.jupiter.api.Test;

class RowSelectionFocusTest {

    private final DataTable table = table();

    private static DataTable table() {
        return new InMemoryDataTable(5, List.of(DoubleArrayColumn.of("v", 1, 2, 3, 4, 5)));
    }

    @Test
    void theFocusDefaultsToTheFirstSelectedRow() {
        assertEquals(2, RowSelection.of(table, null, 4, 2).focus());
        assertEquals(-1, RowSelection.empty(table, null).focus());
    }

    @Test
    void anExplicitFocusIsKeptAndCountsForEquality() {
        BitSet rows = new BitSet();
        rows.set(1);
        rows.set(3);
        RowSelection focused = new RowSelection(table, rows, "plot", 3);
        assertEquals(3, focused.focus());
        assertNotEquals(new RowSelection(table, rows, "plot"), focused);
        assertEquals(new RowSelection(table, rows, "plot", 3), focused);
    }

    @Test
    void aFocusOutsideTheRowsIsRefused() {
        BitSet rows = new BitSet();
        rows.set(1);
        assertThrows(IllegalArgumentException.class, () -> new RowSelection(table, rows, null, 2));
    }
}
