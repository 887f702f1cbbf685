// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.MethodCategory;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.analysis.ParameterException;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** k-means against R's kmeans(nstart = 50) on the same table (recorded by reference.R; R not needed here). */
class KMeansReferenceTest {

    @TempDir
    static Path dir;
    private static DataTable table;
    private static Map<String, Double> expected;
    private static MethodDescriptor kmeans;

    @BeforeAll
    static void load() throws Exception {
        table = Reference.table(dir);
        expected = Reference.expected();
        kmeans = MethodRegistry.fromPlatform().find("kmeans").orElseThrow();
    }

    private static AnalysisResult run(DataTable data, String... params) throws Exception {
        return new KMeansMethod().run(data, kmeans.parse(List.of(params)), new NullProgressMonitor());
    }

    @Test
    void registeredThroughTheExtensionPoint() {
        assertEquals(MethodCategory.CLUSTERING, kmeans.category());
        assertEquals(List.of("columns", "k", "scale", "restarts", "seed"), kmeans.parameters().stream().map(p -> p.name()).toList());
        assertTrue(kmeans.parameter("k").orElseThrow().required());
    }

    @Test
    void withinOnePercentOfRsBestOfFifty() throws Exception {
        for (String key : new String[] { "k3", "k6", "k10" }) {
            int k = Integer.parseInt(key.substring(1));
            Map<String, Object> report = run(table, "k=" + k).report();
            assertEquals(expected.get("n").intValue(), report.get("n"));
            assertEquals(expected.get(key + ".totss"), (double) report.get("totss"), 1e-8);
            double ratio = (double) report.get("withinss_over_totss");
            double r = expected.get(key + ".ratio");
            System.out.printf("k-means k=%d: IDX within/total %.6f, R best of 50 %.6f, IDX/R %.5f%n", k, ratio, r, ratio / r);
            assertTrue(ratio <= 1.01 * r, key + ": " + ratio + " vs R " + r);
            assertEquals((double) report.get("totss") - (double) report.get("tot_withinss"), (double) report.get("betweenss"), 1e-9);
            int[] sizes = (int[]) report.get("sizes");
            assertEquals(k, sizes.length);
            assertEquals(expected.get("n").intValue(), java.util.Arrays.stream(sizes).sum());
        }
        Map<String, Object> unscaled = run(table, "k=4", "scale=false").report();
        double ratio = (double) unscaled.get("withinss_over_totss");
        double r = expected.get("unscaled.k4.ratio");
        System.out.printf("k-means k=4 unscaled: IDX %.6f, R %.6f, IDX/R %.5f%n", ratio, r, ratio / r);
        assertTrue(ratio <= 1.01 * r);
        assertEquals(expected.get("unscaled.k4.totss"), (double) unscaled.get("totss"), 1e-6 * expected.get("unscaled.k4.totss"));
    }

    @Test
    void clusterColumnIsIntegerWithNaForIncompleteRows() throws Exception {
        AnalysisResult result = run(table, "k=6", "seed=7");
        NumericColumn clusters = (NumericColumn) result.columns().get(0);
        assertEquals("kmeans", clusters.name());
        assertTrue(clusters.isInteger());
        assertEquals(3, clusters.naCount());
        assertTrue(clusters.isNA(9) && clusters.isNA(499) && clusters.isNA(1998)); // R rows 10, 500, 1999
        int[] counts = new int[7];
        for (int row = 0; row < clusters.size(); row++) {
            if (!clusters.isNA(row)) {
                counts[(int) clusters.value(row)]++;
            }
        }
        int[] sizes = (int[]) result.report().get("sizes");
        for (int j = 1; j <= 6; j++) {
            assertEquals(sizes[j - 1], counts[j]);
            if (j > 1) {
                assertTrue(sizes[j - 2] >= sizes[j - 1], "clusters numbered by decreasing size");
            }
        }
        // the same seed gives the same clusters
        NumericColumn again = (NumericColumn) run(table, "k=6", "seed=7").columns().get(0);
        for (int row = 0; row < clusters.size(); row++) {
            assertEquals(clusters.value(row), again.value(row), 0.0);
        }
    }

    @Test
    void badInput() throws Exception {
        DataTable small = new InMemoryDataTable(3, List.of(DoubleArrayColumn.of("x", 1, 2, 3), DoubleArrayColumn.of("y", 3, 1, 2)));
        assertEquals("k = 4 is larger than the 3 complete rows",
                assertThrows(AnalysisException.class, () -> run(small, "k=4")).getMessage());
        DataTable duplicates = new InMemoryDataTable(4, List.of(DoubleArrayColumn.of("x", 1, 1, 2, 2)));
        assertEquals("k = 3 but the complete rows hold only 2 distinct points in the chosen columns",
                assertThrows(AnalysisException.class, () -> run(duplicates, "k=3")).getMessage());
        assertEquals("method 'kmeans' needs parameter 'k' (--param k=...)",
                assertThrows(ParameterException.class, () -> run(small)).getMessage());
        assertEquals("parameter 'k': '0' is below the minimum 1",
                assertThrows(ParameterException.class, () -> run(small, "k=0")).getMessage());
        NullProgressMonitor canceled = new NullProgressMonitor();
        canceled.setCanceled(true);
        assertThrows(OperationCanceledException.class,
                () -> new KMeansMethod().run(table, kmeans.parse(List.of("k=3")), canceled));
    }

    @Test
    void separatedGroupsAreFound() {
        double[] x = { 0, 0, 0.1, 0, 0, 0.1, 10, 10, 10.1, 10, 10, 10.1, -10, 5, -10.1, 5 };
        KMeans.Result result = new KMeans(x, 8, 2, 3).fit(3, 1, () -> false);
        int[] a = result.assignment();
        assertEquals(a[0], a[1]);
        assertEquals(a[0], a[2]);
        assertEquals(a[3], a[4]);
        assertEquals(a[3], a[5]);
        assertEquals(a[6], a[7]);
        assertTrue(a[0] != a[3] && a[3] != a[6] && a[0] != a[6]);
        int[] sorted = result.sizes().clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(new int[] { 2, 3, 3 }, sorted);
    }
}
