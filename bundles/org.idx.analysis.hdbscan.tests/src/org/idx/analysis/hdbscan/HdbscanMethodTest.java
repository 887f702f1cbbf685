// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.hdbscan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.analysis.ParameterException;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hdbscan method: NA rows, columns, bad input, cancellation, determinism. */
class HdbscanMethodTest {

    private static MethodDescriptor hdbscan;

    @BeforeAll
    static void registry() {
        hdbscan = MethodRegistry.fromPlatform().find("hdbscan").orElseThrow();
    }

    private static AnalysisResult run(DataTable table, String... params) throws Exception {
        return new HdbscanMethod().run(table, hdbscan.parse(List.of(params)), new NullProgressMonitor());
    }

    /** Three tight, well separated groups of 30 points in (x, y), NA in rows 5 and 40 of y. */
    private static DataTable groups() {
        SplittableRandom random = new SplittableRandom(4);
        int n = 90;
        double[] x = new double[n];
        double[] y = new double[n];
        String[] note = new String[n];
        for (int i = 0; i < n; i++) {
            int g = i % 3;
            x[i] = 10 * g + random.nextGaussian() * 0.3;
            y[i] = (g == 1 ? 8 : 0) + random.nextGaussian() * 0.3;
            note[i] = "row " + i;
        }
        y[5] = Double.NaN;
        y[40] = Double.NaN;
        return new InMemoryDataTable(n, List.of(DoubleArrayColumn.of("x", x), DoubleArrayColumn.of("y", y),
                DoubleArrayColumn.of("flat", new double[n]), StringArrayColumn.of("note", note)));
    }

    @Test
    void naRowsKeepNaAndGroupsAreFound() throws Exception {
        DataTable table = groups();
        AnalysisResult result = run(table, "columns=x,y");
        NumericColumn labels = (NumericColumn) result.columns().get(0);
        assertEquals("hdbscan", labels.name());
        assertTrue(labels.isInteger());
        assertEquals(90, labels.size());
        assertEquals(2, labels.naCount());
        assertTrue(labels.isNA(5) && labels.isNA(40));
        Map<String, Object> report = result.report();
        assertEquals(88, report.get("n"));
        assertEquals(3, report.get("n_clusters"));
        int[] sizes = (int[]) report.get("sizes");
        assertEquals(88 - (int) report.get("n_noise"), sizes[0] + sizes[1] + sizes[2]);
        for (int i = 0; i < 90; i++) {
            for (int j = 0; j < 90; j++) {
                if (i % 3 == j % 3 && !labels.isNA(i) && !labels.isNA(j) && labels.value(i) > 0 && labels.value(j) > 0) {
                    assertEquals(labels.value(i), labels.value(j), 0.0, "rows " + i + " and " + j + " are in one group");
                } else if (i % 3 != j % 3 && !labels.isNA(i) && !labels.isNA(j) && labels.value(i) > 0) {
                    assertTrue(labels.value(i) != labels.value(j), "rows " + i + " and " + j + " are in different groups");
                }
            }
        }
        assertEquals(List.of("x", "y"), report.get("columns"));
        assertEquals(10, report.get("min_points"));
        assertEquals(false, report.get("scale"));
    }

    @Test
    void uniformDataWithoutStructureIsAllNoise() throws Exception {
        // a regular grid never splits into two parts of min-points: R gives all points 0 there too
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i % 10;
            y[i] = i / 10;
        }
        Map<String, Object> report = run(new InMemoryDataTable(100, List.of(DoubleArrayColumn.of("x", x), DoubleArrayColumn.of("y", y))),
                "min-points=40").report();
        assertEquals(0, report.get("n_clusters"));
        assertEquals(100, report.get("n_noise"));
    }

    @Test
    void badInput() throws Exception {
        DataTable table = groups();
        assertEquals("min-points = 89 is larger than the 88 complete rows",
                assertThrows(AnalysisException.class, () -> run(table, "columns=x,y", "min-points=89")).getMessage());
        assertEquals("parameter 'min-points': '1' is below the minimum 2",
                assertThrows(ParameterException.class, () -> run(table, "min-points=1")).getMessage());
        assertEquals("column 'note' is text, not numeric (parameter columns)",
                assertThrows(AnalysisException.class, () -> run(table, "columns=x,note")).getMessage());
        assertEquals("column 'flat' is constant on the complete rows and cannot separate clusters",
                assertThrows(AnalysisException.class, () -> run(table, "columns=x,flat")).getMessage());
        DataTable empty = new InMemoryDataTable(3, List.of(DoubleArrayColumn.of("a", 1, Double.NaN, 3),
                DoubleArrayColumn.of("b", Double.NaN, 2, Double.NaN), DoubleArrayColumn.of("c", Double.NaN, Double.NaN, Double.NaN)));
        assertEquals("too few complete rows: 0 of 3 rows have values in all chosen columns, at least 2 are needed",
                assertThrows(AnalysisException.class, () -> run(empty, "columns=a,b")).getMessage());
        assertEquals("column 'c' has only NA values",
                assertThrows(AnalysisException.class, () -> run(empty, "columns=a,c")).getMessage());
        assertEquals("the table has no column 'z' (parameter columns)",
                assertThrows(AnalysisException.class, () -> run(table, "columns=x,z")).getMessage());
    }

    @Test
    void cancelStopsTheRun() {
        NullProgressMonitor canceled = new NullProgressMonitor();
        canceled.setCanceled(true);
        assertThrows(OperationCanceledException.class,
                () -> new HdbscanMethod().run(groups(), hdbscan.parse(List.of("columns=x,y")), canceled));
        // cancel while the spanning tree is computed
        int n = 50_000;
        double[] x = new double[2 * n];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        int[] polls = { 0 };
        assertThrows(CancellationException.class, () -> Hdbscan.cluster(x, n, 2, 10, () -> ++polls[0] > 60, f -> { }));
    }

    @Test
    void sameLabelsForAnyNumberOfThreads() throws Exception {
        int n = 20_000;
        SplittableRandom random = new SplittableRandom(8);
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int g = random.nextInt(5);
            double spread = g == 4 ? 8 : 0.5 + 0.3 * g;
            // rounded to a grid: many equal distances, so ties must be ordered as R orders them
            x[2 * i] = Math.rint((5 * g + random.nextGaussian() * spread) * 20) / 20;
            x[2 * i + 1] = Math.rint((3 * (g % 2) + random.nextGaussian() * spread) * 20) / 20;
        }
        Hdbscan.Result common = Hdbscan.cluster(x, n, 2, 15, () -> false, f -> { });
        Hdbscan.Result one;
        try (ForkJoinPool pool = new ForkJoinPool(1)) {
            one = pool.submit(() -> Hdbscan.cluster(x, n, 2, 15, () -> false, f -> { })).get();
        }
        assertTrue(common.clusters() >= 2);
        assertArrayEquals(one.labels(), common.labels());
        assertArrayEquals(one.sizes(), common.sizes());
    }
}
