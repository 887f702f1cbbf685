// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.MethodCategory;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterException;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.idx.neighbors.ExactNeighbors;
import org.junit.jupiter.api.Test;

/** The umap method's declaration, its pieces, disconnected inputs and bad input. */
class UmapMethodTest {

    /** {@code groups} tight blobs of {@code size} points in 3 columns, far apart, plus a label column. */
    private static DataTable blobs(int groups, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = groups * size;
        double[][] values = new double[3][n];
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            int g = i / size;
            for (int c = 0; c < 3; c++) {
                values[c][i] = 1000 * g * (c + 1) + random.nextGaussian();
            }
            codes[i] = g;
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            columns.add(DoubleArrayColumn.adopt("x" + c, values[c], null, false));
        }
        List<String> levels = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            levels.add("g" + g);
        }
        columns.add(DictionaryColumn.adopt("label", codes, levels));
        return new InMemoryDataTable(n, columns);
    }

    @Test
    void registeredThroughTheExtensionPoint() throws Exception {
        MethodDescriptor umap = UmapDescriptor.descriptor();
        assertEquals(MethodCategory.REDUCTION, umap.category());
        assertEquals(List.of("columns", "neighbors", "min-dist", "seed", "supervised-by", "scale"),
                umap.parameters().stream().map(p -> p.name()).toList());
        assertEquals("15", umap.parameter("neighbors").orElseThrow().defaultValue());
        assertEquals("0.1", umap.parameter("min-dist").orElseThrow().defaultValue());
        assertEquals("true", umap.parameter("scale").orElseThrow().defaultValue());
    }

    @Test
    void curveParametersAsUwot() {
        // R: uwot:::find_ab_params(spread = 1, min_dist = md) (umap-learn's find_ab_params gives the same)
        double[][] expected = { { 0.1, 1.5769434605, 0.8950608782 }, { 0.001, 1.9290733961, 0.7915045335 },
                { 0.5, 0.5830300200, 1.3341669929 }, { 0, 1.9328083973, 0.7904949732 } };
        for (double[] row : expected) {
            CurveParameters curve = CurveParameters.fit(1, row[0]);
            assertEquals(row[1], curve.a(), 1e-6, "a for min-dist " + row[0]);
            assertEquals(row[2], curve.b(), 1e-6, "b for min-dist " + row[0]);
        }
    }

    @Test
    void fuzzyGraphIsSymmetricWithMembershipsUpToOne() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 500;
        float[] x = new float[n * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        FuzzyGraph graph = FuzzyGraph.of(ExactNeighbors.search(x, n, 4, 14, null));
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 7 == 0 ? -1 : i % 2;
        }
        FuzzyGraph supervised = graph.intersectLabels(labels);
        for (FuzzyGraph g : new FuzzyGraph[] { graph, supervised }) {
            for (int i = 0; i < n; i++) {
                assertTrue(g.start[i + 1] - g.start[i] >= 14, "row " + i + " keeps at least its own neighbours");
                double max = 0;
                for (int s = g.start[i]; s < g.start[i + 1]; s++) {
                    int j = g.column[s];
                    assertTrue(j != i);
                    assertTrue(g.weight[s] > 0 && g.weight[s] <= 1 + 1e-12);
                    max = Math.max(max, g.weight[s]);
                    int back = java.util.Arrays.binarySearch(g.column, g.start[j], g.start[j + 1], i);
                    assertTrue(back >= 0);
                    assertEquals(g.weight[s], g.weight[back], 1e-12);
                }
                assertEquals(1.0, max, 1e-12, "the nearest neighbour has membership 1");
            }
        }
        // supervision: edges between different labels weaken relative to edges within a label
        double sameBefore = 0;
        double sameAfter = 0;
        double otherBefore = 0;
        double otherAfter = 0;
        for (int i = 0; i < n; i++) {
            for (int s = graph.start[i]; s < graph.start[i + 1]; s++) {
                int j = graph.column[s];
                if (labels[i] >= 0 && labels[j] >= 0) {
                    if (labels[i] == labels[j]) {
                        sameBefore += graph.weight[s];
                        sameAfter += supervised.weight[s];
                    } else {
                        otherBefore += graph.weight[s];
                        otherAfter += supervised.weight[s];
                    }
                }
            }
        }
        assertTrue(otherAfter / sameAfter < 0.2 * otherBefore / sameBefore);
    }

    @Test
    void everyRowIsEmbeddedWhenTheGraphFallsApart() throws Exception {
        // 4 blobs of 20 points, far apart: with 15 neighbours the neighbour graph has 4 components
        DataTable table = blobs(4, 20, 1);
        AnalysisResult result = UmapDescriptor.run(table, "columns=x0,x1,x2");
        NumericColumn u = (NumericColumn) result.columns().get(0);
        NumericColumn v = (NumericColumn) result.columns().get(1);
        assertEquals(0, u.naCount());
        assertEquals(0, v.naCount());
        double[] centroid = new double[8];
        for (int i = 0; i < 80; i++) {
            assertTrue(Double.isFinite(u.value(i)) && Double.isFinite(v.value(i)));
            centroid[2 * (i / 20)] += u.value(i) / 20;
            centroid[2 * (i / 20) + 1] += v.value(i) / 20;
        }
        // each point is nearer to its own blob's centre than to any other blob's
        for (int i = 0; i < 80; i++) {
            int own = i / 20;
            double mine = Math.hypot(u.value(i) - centroid[2 * own], v.value(i) - centroid[2 * own + 1]);
            for (int g = 0; g < 4; g++) {
                if (g != own) {
                    assertTrue(mine < Math.hypot(u.value(i) - centroid[2 * g], v.value(i) - centroid[2 * g + 1]), "row " + i);
                }
            }
        }
        assertEquals(80, result.report().get("n"));
        assertEquals("exact", result.report().get("nn_method"));
    }

    @Test
    void defaultColumnsLeaveTheLabelColumnOut() throws Exception {
        DataTable table = blobs(3, 30, 2);
        double[] codes = new double[90];
        for (int i = 0; i < 90; i++) {
            codes[i] = i / 30;
        }
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(DoubleArrayColumn.adopt("cluster", codes, null, true));
        DataTable withNumericLabel = new InMemoryDataTable(90, columns);
        AnalysisResult result = UmapDescriptor.run(withNumericLabel, "supervised-by=cluster");
        assertEquals(List.of("x0", "x1", "x2"), result.report().get("columns"));
        assertEquals(0, ((NumericColumn) result.columns().get(0)).naCount());
    }

    @Test
    void badInputLeavesTheTableUnchanged() throws Exception {
        DataTable table = blobs(2, 20, 3);
        int before = table.columns().size();
        assertEquals("too few complete rows: 40 of 40 rows have values in all chosen columns, at least 51 are needed",
                assertThrows(AnalysisException.class, () -> UmapDescriptor.run(table, "columns=x0,x1", "neighbors=50")).getMessage());
        assertEquals("column 'label' is categorical text, not numeric (parameter columns)",
                assertThrows(AnalysisException.class, () -> UmapDescriptor.run(table, "columns=x0,label")).getMessage());
        assertEquals("the table has no column 'nope' (parameter supervised-by)",
                assertThrows(AnalysisException.class, () -> UmapDescriptor.run(table, "supervised-by=nope")).getMessage());
        assertEquals("parameter 'neighbors': '1' is below the minimum 2",
                assertThrows(ParameterException.class, () -> UmapDescriptor.run(table, "neighbors=1")).getMessage());
        assertEquals(before, table.columns().size());

        double[] constant = new double[40];
        java.util.Arrays.fill(constant, 2.5);
        double[] allNa = new double[40];
        java.util.BitSet na = new java.util.BitSet();
        na.set(0, 40);
        String[] words = new String[40];
        java.util.Arrays.fill(words, "free text");
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(DoubleArrayColumn.adopt("flat", constant, null, false));
        columns.add(DoubleArrayColumn.adopt("empty", allNa, na, false));
        columns.add(StringArrayColumn.adopt("note", words));
        DataTable bad = new InMemoryDataTable(40, columns);
        for (String scale : new String[] { "true", "false" }) {
            assertEquals("column 'flat' is constant on the complete rows",
                    assertThrows(AnalysisException.class, () -> UmapDescriptor.run(bad, "columns=x0,flat", "scale=" + scale)).getMessage());
        }
        assertEquals("column 'empty' has only NA values",
                assertThrows(AnalysisException.class, () -> UmapDescriptor.run(bad, "columns=x0,empty")).getMessage());
        assertTrue(assertThrows(AnalysisException.class, () -> UmapDescriptor.run(bad, "columns=x0,note")).getMessage()
                .startsWith("column 'note' is text"));
        double[] labelNa = new double[40];
        List<Column> withNaLabel = new ArrayList<>(table.columns());
        withNaLabel.add(DoubleArrayColumn.adopt("unknown", labelNa, na, true));
        assertEquals("the label column 'unknown' (parameter supervised-by) has only NA values in the rows to embed",
                assertThrows(AnalysisException.class,
                        () -> UmapDescriptor.run(new InMemoryDataTable(40, withNaLabel), "columns=x0,x1", "supervised-by=unknown"))
                        .getMessage());
        assertEquals(before + 3, bad.columns().size());

        NullProgressMonitor canceled = new NullProgressMonitor();
        canceled.setCanceled(true);
        assertThrows(OperationCanceledException.class,
                () -> new UmapMethod().run(table, UmapDescriptor.descriptor().parse(List.of("columns=x0,x1")), canceled));
    }

    @Test
    void cancelHalfWay() throws Exception {
        DataTable table = blobs(5, 1000, 4);
        NullProgressMonitor monitor = new NullProgressMonitor() {
            private int ticks;

            @Override
            public void worked(int work) {
                if (++ticks == 50) {
                    setCanceled(true);
                }
            }

            @Override
            public void internalWorked(double work) {
                worked(1);
            }
        };
        assertThrows(OperationCanceledException.class,
                () -> new UmapMethod().run(table, UmapDescriptor.descriptor().parse(List.of("columns=x0,x1,x2")), monitor));
        assertTrue(monitor.isCanceled());
    }
}
