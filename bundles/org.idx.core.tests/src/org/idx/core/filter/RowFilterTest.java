// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.List;

import org.idx.core.DataTable;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.junit.jupiter.api.Test;

class RowFilterTest {

    private final DataTable table = new InMemoryDataTable(5, List.of(
            DoubleArrayColumn.of("Area", 100, 400, Double.NaN, 301, 300),
            DoubleArrayColumn.of("Nucleus Area", 50, 500, 10, 301, 20),
            DictionaryColumn.adopt("siRNA", new int[] {0, 0, 1, -1, 1}, List.of("ctrl", "kd")),
            StringArrayColumn.of("path", "plate1/a.tif", "plate1/B.tif", null, "plate2/c.tif", "x \"q\".tif")));

    private String rows(String expression) throws FilterException {
        return RowFilter.compile(expression, table).apply().toString();
    }

    @Test
    void comparisonsAndLogic() throws FilterException {
        assertEquals("{1, 3}", rows("Area > 300"));
        assertEquals("{1}", rows("Area > 300 && siRNA == \"ctrl\""));
        assertEquals("{0, 1, 3}", rows("Area > 300 || siRNA == 'ctrl'"));
        assertEquals("{0, 4}", rows("Area <= 300"));
        assertEquals("{0, 1, 3, 4}", rows("Area != 1e9"));
        assertEquals("{1, 3}", rows("300 < Area"));
        assertEquals("{0, 1}", rows("!(siRNA != \"ctrl\")"));
        assertEquals("{1, 3}", rows("(Area >= 301) && (Area < 1000 || Area == -1)"));
        assertEquals("{1}", rows("Area < `Nucleus Area`"));
        assertEquals("{2, 4}", rows("siRNA > \"ctrl\""));
        assertEquals("{4}", rows("path == 'x \"q\".tif'"));
        assertEquals("{0, 4}", rows("!(Area > 300)"));
    }

    @Test
    void naHandling() throws FilterException {
        assertEquals("{2}", rows("Area is NA"));
        assertEquals("{0, 1, 3, 4}", rows("Area is not NA"));
        assertEquals("{3}", rows("siRNA is NA"));
        assertEquals("{0, 1, 2, 4}", rows("!(siRNA is NA)"));
        assertEquals("{1, 2, 3}", rows("Area > 300 || `Nucleus Area` < 15"));
        assertEquals("{}", rows("Area > 300 && Area < 0"));
    }

    @Test
    void errorsNameColumnAndPosition() {
        FilterException unknown = assertThrows(FilterException.class, () -> rows("Area > 3 && Aera < 5"));
        assertEquals("Unknown column 'Aera' at position 13", unknown.getMessage());
        assertEquals(13, unknown.position());
        FilterException quoted = assertThrows(FilterException.class, () -> rows("`Nucleus area` > 1"));
        assertEquals("Unknown column 'Nucleus area' at position 1", quoted.getMessage());
        assertEquals("Cannot compare numeric column 'Area' with a string at position 9",
                assertThrows(FilterException.class, () -> rows("Area == \"big\"")).getMessage());
        assertEquals("Cannot compare categorical column 'siRNA' with a number at position 10",
                assertThrows(FilterException.class, () -> rows("siRNA == 3")).getMessage());
        assertEquals(16, assertThrows(FilterException.class, () -> rows("(Area > 300 || ")).position());
        assertEquals(6, assertThrows(FilterException.class, () -> rows("Area = 3")).position());
        assertEquals(9, assertThrows(FilterException.class, () -> rows("path == 'abc")).position());
        assertEquals(11, assertThrows(FilterException.class, () -> rows("Area > 300)")).position());
        assertEquals(9, assertThrows(FilterException.class, () -> rows("Area is nothing")).position());
        assertThrows(FilterException.class, () -> rows("3 > 2"));
    }

    @Test
    void textMatchSearchesCategoriesAndText() {
        BitSet expected = new BitSet();
        expected.set(0);
        expected.set(1);
        assertEquals(expected, RowFilter.textMatch(table, "PLATE1"));
        assertEquals("{2, 4}", RowFilter.textMatch(table, "kd").toString());
        assertEquals("{}", RowFilter.textMatch(table, "400").toString());
    }
}
