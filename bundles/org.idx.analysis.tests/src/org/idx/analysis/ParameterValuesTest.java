// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.idx.core.ColumnRole;
import org.idx.core.DataTable;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {

    private static final MethodDescriptor METHOD = new MethodDescriptor("demo", "Demo", MethodCategory.OTHER, "A demo.",
            List.of(new ParameterDescriptor("columns", ParameterType.COLUMNS, null, false, null, null, List.of(),
                    ColumnFilter.NUMERIC, "cols"),
                    new ParameterDescriptor("k", ParameterType.INTEGER, null, true, 2.0, 100.0, List.of(), null, ""),
                    new ParameterDescriptor("alpha", ParameterType.NUMBER, "0.05", false, 0.0, 1.0, List.of(), null, ""),
                    ParameterDescriptor.of("scale", ParameterType.BOOLEAN, "true"),
                    new ParameterDescriptor("mode", ParameterType.CHOICE, "fast", false, null, null, List.of("fast", "exact"),
                            null, ""),
                    new ParameterDescriptor("label", ParameterType.COLUMN, null, false, null, null, List.of(),
                            ColumnFilter.CATEGORICAL, ""),
                    ParameterDescriptor.of("seed", ParameterType.INTEGER, null),
                    ParameterDescriptor.of("title", ParameterType.STRING, null)),
            "test", () -> (table, parameters, monitor) -> new AnalysisResult(List.of(), Map.of()));

    private static ParameterValues parse(String... assignments) throws ParameterException {
        return METHOD.parse(List.of(assignments));
    }

    private static String usage(String... assignments) {
        return assertThrows(ParameterException.class, () -> parse(assignments)).getMessage();
    }

    @Test
    void typedValuesAndDefaults() throws Exception {
        ParameterValues values = parse("k=5", "scale=no", "title=a=b", "columns= x , y");
        assertEquals(5, values.integer("k"));
        assertEquals(0.05, values.number("alpha"));
        assertFalse(values.bool("scale"));
        assertEquals(Optional.of("fast"), values.string("mode"));
        assertEquals(Optional.of("a=b"), values.string("title"));
        assertEquals(Optional.empty(), values.optionalInteger("seed"));
        assertFalse(values.isSet("label"));
        assertEquals(List.of("x", "y"), values.asMap().get("columns"));
        assertTrue(parse("k=2", "scale=TRUE").bool("scale"));
        assertEquals(1.0, parse("k=2", "alpha=1").number("alpha"));
    }

    @Test
    void usageErrorsNameTheParameterAndValue() {
        assertEquals("method 'demo' has no parameter 'kk' (parameters: columns, k, alpha, scale, mode, label, seed, title)",
                usage("kk=3"));
        assertEquals("parameter 'k': 'three' is not a whole number", usage("k=three"));
        assertEquals("parameter 'k': '1' is below the minimum 2", usage("k=1"));
        assertEquals("parameter 'k': '101' is above the maximum 100", usage("k=101"));
        assertEquals("parameter 'alpha': 'NaN' is not a number", usage("k=3", "alpha=NaN"));
        assertEquals("parameter 'alpha': '1.5' is above the maximum 1", usage("k=3", "alpha=1.5"));
        assertEquals("parameter 'scale': 'maybe' is not true or false", usage("k=3", "scale=maybe"));
        assertEquals("parameter 'mode': 'slow' is not one of fast, exact", usage("k=3", "mode=slow"));
        assertEquals("parameter 'columns': 'x,,y' has an empty column name", usage("k=3", "columns=x,,y"));
        assertEquals("parameter 'columns': 'x,x' names column 'x' twice", usage("k=3", "columns=x,x"));
        assertEquals("parameter 'k' is given twice", usage("k=3", "k=4"));
        assertEquals("parameter 'k' is not NAME=VALUE", usage("k"));
        assertEquals("method 'demo' needs parameter 'k' (--param k=...)", usage());
    }

    @Test
    void columnsResolveAgainstTheTable() throws Exception {
        DataTable table = new InMemoryDataTable(3, List.of(DoubleArrayColumn.of("x", 1, 2, 3),
                DoubleArrayColumn.of("y", 1, 5, 3), DoubleArrayColumn.of("px", 4, 5, 6),
                DictionaryColumn.adopt("g", new int[] { 0, 1, 0 }, List.of("a", "b")),
                StringArrayColumn.of("note", "p", "q", "r")));
        table.setRoles(table.roles().with(ColumnRole.ANCHOR_X, "px"));
        ParameterValues defaults = parse("k=2");
        assertEquals(List.of("x", "y"), defaults.numericColumns(table, "columns").stream().map(c -> c.name()).toList());
        assertEquals(List.of("px", "x"),
                parse("k=2", "columns=px,x").numericColumns(table, "columns").stream().map(c -> c.name()).toList());
        assertEquals("the table has no column 'z' (parameter columns)", assertThrows(AnalysisException.class,
                () -> parse("k=2", "columns=x,z").numericColumns(table, "columns")).getMessage());
        assertEquals("column 'note' is text, not numeric (parameter columns)", assertThrows(AnalysisException.class,
                () -> parse("k=2", "columns=note").numericColumns(table, "columns")).getMessage());
        assertEquals("g", parse("k=2", "label=g").column(table, "label").orElseThrow().name());
        assertEquals("column 'x' is numeric, not categorical (parameter label)", assertThrows(AnalysisException.class,
                () -> parse("k=2", "label=x").column(table, "label")).getMessage());
        DataTable textOnly = new InMemoryDataTable(1, List.of(StringArrayColumn.of("note", "p")));
        assertTrue(assertThrows(AnalysisException.class, () -> defaults.numericColumns(textOnly, "columns")).getMessage()
                .startsWith("the table has no numeric columns without a role to analyse"));
    }

    @Test
    void valuesByNameAsFromADialog() throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("k", "4");
        assertEquals(4, ParameterValues.of(METHOD, given).integer("k"));
        given.put("bogus", "1");
        assertThrows(ParameterException.class, () -> ParameterValues.of(METHOD, given));
    }

    @Test
    void declarationsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ParameterDescriptor.of("Bad Name", ParameterType.STRING, null));
        assertThrows(IllegalArgumentException.class,
                () -> new ParameterDescriptor("c", ParameterType.CHOICE, null, false, null, null, List.of(), null, ""));
        assertEquals(ParameterType.COLUMNS, ParameterType.of("columns"));
        assertEquals(MethodCategory.CLUSTERING, MethodCategory.of("clustering"));
        assertThrows(IllegalArgumentException.class, () -> MethodCategory.of("fun"));
    }
}
