// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.pca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.MethodCategory;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.analysis.ParameterException;
import org.idx.analysis.ParameterValues;
import org.idx.analysis.ReportWriter;
import org.idx.core.ColumnRole;
import org.idx.core.DataTable;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.junit.jupiter.api.Test;

/** The pca method through the extension registry, its bad inputs and the eigen solver. */
class PcaMethodTest {

    private static MethodDescriptor pca() {
        return MethodRegistry.fromPlatform().find("pca").orElseThrow();
    }

    private static DataTable table() {
        return new InMemoryDataTable(5, List.of(DoubleArrayColumn.of("x", 1, 2, 3, 4, 5),
                DoubleArrayColumn.of("y", 2, 1, 4, 3, 6), DoubleArrayColumn.of("z", 5, 3, 2, 2, 1),
                DoubleArrayColumn.of("const", 7, 7, 7, 7, 7),
                DictionaryColumn.adopt("group", new int[] { 0, 1, 0, 1, 0 }, List.of("a", "b"))));
    }

    @Test
    void registeredThroughTheExtensionPoint() {
        MethodDescriptor pca = pca();
        assertEquals(MethodCategory.REDUCTION, pca.category());
        assertEquals(List.of("columns", "components", "scale"), pca.parameters().stream().map(p -> p.name()).toList());
        assertEquals("2", pca.parameter("components").orElseThrow().defaultValue());
        assertEquals("org.idx.analysis.pca", pca.contributor());
    }

    @Test
    void defaultColumnsSkipNonNumericAndRoleColumns() throws Exception {
        DataTable table = table();
        table.setRoles(table.roles().with(ColumnRole.ANCHOR_X, "const"));
        AnalysisResult result = new PcaMethod().run(table, pca().parse(List.of()), new NullProgressMonitor());
        assertEquals(List.of("x", "y", "z"), result.report().get("columns"));
        assertEquals(2, result.columns().size());
        String json = ReportWriter.toJson(result.report(), false);
        assertTrue(json.startsWith("{\"method\":\"pca\",\"n\":5,"), json);
    }

    @Test
    void badInputNamesTheColumn() throws Exception {
        DataTable table = table();
        assertEquals("column 'const' is constant on the complete rows and cannot be scaled to unit variance",
                assertThrows(AnalysisException.class, () -> run(table, "columns=x,const")).getMessage());
        assertEquals("column 'group' is categorical text, not numeric (parameter columns)",
                assertThrows(AnalysisException.class, () -> run(table, "columns=x,group")).getMessage());
        assertEquals("the table has no column 'nope' (parameter columns)",
                assertThrows(AnalysisException.class, () -> run(table, "columns=x,nope")).getMessage());
        assertEquals("components = 3 but only 2 columns are chosen",
                assertThrows(AnalysisException.class, () -> run(table, "columns=x,y", "components=3")).getMessage());
        DataTable sparse = new InMemoryDataTable(3, List.of(DoubleArrayColumn.of("x", 1, Double.NaN, 3),
                DoubleArrayColumn.of("y", Double.NaN, 2, 3)));
        assertTrue(assertThrows(AnalysisException.class, () -> run(sparse, "components=1")).getMessage()
                .startsWith("too few complete rows: 1 of 3"));
        assertEquals("parameter 'components': '0' is below the minimum 1",
                assertThrows(ParameterException.class, () -> run(table, "components=0")).getMessage());
    }

    @Test
    void cancelStops() {
        NullProgressMonitor monitor = new NullProgressMonitor();
        monitor.setCanceled(true);
        assertThrows(OperationCanceledException.class,
                () -> new PcaMethod().run(table(), pca().parse(List.of("columns=x,y")), monitor));
    }

    private static AnalysisResult run(DataTable table, String... params) throws Exception {
        ParameterValues values = pca().parse(List.of(params));
        return new PcaMethod().run(table, values, new NullProgressMonitor());
    }

    @Test
    void eigenDecompositionReconstructsTheMatrix() {
        Random random = new Random(7);
        int n = 12;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = random.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(a);
        double[] values = eigen.values();
        double[][] v = eigen.vectors();
        for (int j = 1; j < n; j++) {
            assertTrue(values[j - 1] >= values[j]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int m = 0; m < n; m++) {
                    sum += v[i][m] * values[m] * v[j][m];
                }
                assertEquals(a[i][j], sum, 1e-12);
            }
        }
        SymmetricEigen diagonal = SymmetricEigen.of(new double[][] { { 1, 0 }, { 0, 3 } });
        assertArrayEquals(new double[] { 3, 1 }, diagonal.values());
        assertArrayEquals(new double[] { 0, 1 }, diagonal.vectors()[0]);
    }

    @Test
    void reportKeysInOrder() throws Exception {
        Map<String, Object> report = run(table(), "columns=x,y,z").report();
        assertEquals(List.of("method", "n", "columns", "scale", "sdev", "explained_variance_ratio", "loadings"),
                List.copyOf(report.keySet()));
    }
}
