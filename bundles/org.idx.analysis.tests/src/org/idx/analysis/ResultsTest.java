// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.idx.core.DataTableEvent;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.junit.jupiter.api.Test;

class ResultsTest {

    @Test
    void reportWriterWritesTheTreeInOrder() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("n", 3);
        report.put("sdev", new double[] { 1.5, Double.NaN });
        report.put("sizes", new int[] { 1, 2 });
        report.put("ok", true);
        report.put("none", null);
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", 0.1);
        inner.put("a", List.of("x", 2L));
        report.put("inner", inner);
        assertEquals("{\"n\":3,\"sdev\":[1.5,null],\"sizes\":[1,2],\"ok\":true,\"none\":null,\"inner\":{\"b\":0.1,\"a\":[\"x\",2]}}",
                ReportWriter.toJson(report, false));
        assertThrows(IllegalArgumentException.class, () -> ReportWriter.toJson(Map.of("x", new Object()), false));
    }

    @Test
    void featureMatrixKeepsCompleteRowsAndScattersBack() throws Exception {
        NumericColumn x = DoubleArrayColumn.of("x", 1, Double.NaN, 3, 4);
        NumericColumn y = DoubleArrayColumn.of("y", 2, 2, Double.NaN, 8);
        FeatureMatrix matrix = FeatureMatrix.of(List.of(x, y), 2);
        assertEquals(2, matrix.rows());
        assertEquals(3, matrix.tableRow(1));
        double[][] stats = matrix.standardize(true);
        assertEquals(2.5, stats[0][0]);
        assertEquals(5, stats[0][1]);
        NumericColumn back = matrix.scatter("s", new double[] { 1, 2 }, true);
        assertEquals(4, back.size());
        assertTrue(back.isNA(1) && back.isNA(2));
        assertFalse(back.isNA(3));
        assertEquals(2, back.value(3));
        assertEquals("too few complete rows: 2 of 4 rows have values in all chosen columns, at least 3 are needed",
                assertThrows(AnalysisException.class, () -> FeatureMatrix.of(List.of(x, y), 3)).getMessage());
        NumericColumn allNa = DoubleArrayColumn.of("gone", Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        assertEquals("column 'gone' has only NA values",
                assertThrows(AnalysisException.class, () -> FeatureMatrix.of(List.of(x, allNa), 2)).getMessage());
    }

    @Test
    void runnerAddsVersionedColumns() throws Exception {
        InMemoryDataTable table = new InMemoryDataTable(2, List.of(DoubleArrayColumn.of("PC1", 1, 2)));
        MethodDescriptor method = new MethodDescriptor("two", "Two", MethodCategory.REDUCTION, null, List.of(), "test",
                () -> (t, p, m) -> new AnalysisResult(List.of(DoubleArrayColumn.of("PC1", 5, 6), DoubleArrayColumn.of("PC2", 7, 8)),
                        Map.of("n", 2)));
        AnalysisResult result = AnalysisRunner.run(method, table, method.parse(List.of()), null);
        assertEquals(List.of("PC1.1", "PC2"), AnalysisRunner.addColumns(table, result));
        assertEquals(5, ((NumericColumn) table.column("PC1.1")).value(0));
        MethodDescriptor broken = new MethodDescriptor("bad", "Bad", MethodCategory.OTHER, null, List.of(), "test",
                () -> (t, p, m) -> new AnalysisResult(List.of(DoubleArrayColumn.of("z", 1)), Map.of()));
        assertThrows(IllegalStateException.class, () -> AnalysisRunner.run(broken, table, broken.parse(List.of()), null));
    }

    @Test
    void runnerReplacesTheColumnsOfAnEarlierRunWhenAsked() throws Exception {
        InMemoryDataTable table = new InMemoryDataTable(2, List.of(DoubleArrayColumn.of("PC1", 1, 2)));
        List<DataTableEvent.Kind> events = new java.util.ArrayList<>();
        table.addListener(event -> events.add(event.kind()));
        AnalysisResult result = new AnalysisResult(List.of(DoubleArrayColumn.of("PC1", 5, 6), DoubleArrayColumn.of("PC2", 7, 8)),
                Map.of());
        assertEquals(List.of("PC1", "PC2"), AnalysisRunner.addColumns(table, result, true));
        assertEquals(List.of("PC1", "PC2"), table.columns().stream().map(org.idx.core.Column::name).toList());
        assertEquals(5, ((NumericColumn) table.column("PC1")).value(0));
        assertEquals(List.of(DataTableEvent.Kind.VALUES_CHANGED, DataTableEvent.Kind.COLUMN_ADDED), events);
    }
}
