// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.TextColumn;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.junit.jupiter.api.Test;

class RowSubsetTest {

    private static DataTable table() {
        return new InMemoryDataTable(5, List.of(DoubleArrayColumn.of("x", 1, 2, Double.NaN, 4, 5),
                DictionaryColumn.adopt("g", new int[] { 0, 1, 0, -1, 1 }, List.of("a", "b")),
                StringArrayColumn.of("s", "p", null, "r", "s", "t")));
    }

    @Test
    void theViewShowsOnlyTheKeptRows() {
        BitSet rows = new BitSet();
        rows.set(1);
        rows.set(2);
        rows.set(3);
        RowSubset subset = new RowSubset(table(), rows);
        DataTable view = subset.table();
        assertEquals(3, view.rowCount());
        NumericColumn x = (NumericColumn) view.column("x");
        assertEquals(2.0, x.value(0));
        assertTrue(x.isNA(1));
        assertEquals(1, x.naCount());
        assertEquals(3.0, x.summary().mean());
        CategoricalColumn g = (CategoricalColumn) view.column("g");
        assertEquals("b", g.text(0));
        assertTrue(g.isNA(2));
        assertEquals(1, g.levelCounts().count(0));
        TextColumn s = (TextColumn) view.column("s");
        assertNull(s.value(0));
        assertEquals(1, s.naCount());
        assertThrows(UnsupportedOperationException.class, () -> view.addColumn(DoubleArrayColumn.of("y", 1, 2, 3)));
    }

    @Test
    void resultsOfTheViewExpandToTheWholeTableWithNaElsewhere() {
        BitSet rows = new BitSet();
        rows.set(0);
        rows.set(4);
        RowSubset subset = new RowSubset(table(), rows);
        Column numbers = subset.expand(DoubleArrayColumn.of("pc", 7, 8));
        assertEquals(5, numbers.size());
        assertEquals(7.0, ((NumericColumn) numbers).value(0));
        assertEquals(8.0, ((NumericColumn) numbers).value(4));
        assertEquals(3, numbers.naCount());
        Column levels = subset.expand(DictionaryColumn.adopt("cluster", new int[] { 1, 0 }, List.of("1", "2")));
        assertEquals("2", levels.text(0));
        assertNull(levels.text(2));
        assertEquals("1", levels.text(4));
        Column text = subset.expand(StringArrayColumn.of("note", "a", "b"));
        assertEquals("b", text.text(4));
        assertNull(text.text(1));
        assertThrows(IllegalArgumentException.class, () -> subset.expand(DoubleArrayColumn.of("bad", 1, 2, 3)));
    }
}
