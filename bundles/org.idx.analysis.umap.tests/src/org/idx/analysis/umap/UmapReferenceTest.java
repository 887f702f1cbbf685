// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.idx.analysis.AnalysisResult;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UMAP against R's uwot on the same 4,500 rows (12 overlapping clusters, 16 columns; recorded by
 * reference.R, R not needed here): trustworthiness at k = 10 within 0.03 of uwot's, and for
 * supervised UMAP also the label purity of the embedded neighbourhoods. 4,500 rows are above the
 * exact-search limit, so the neighbours come from nearest-neighbour descent.
 */
class UmapReferenceTest {

    private static final double TOLERANCE = 0.03;

    @TempDir
    static Path dir;
    private static DataTable table;
    private static Map<String, Double> expected;
    /** the complete rows' scaled features, row-major, as R's scale() */
    private static double[] x;
    private static int[] complete;
    private static int p;
    private static AnalysisResult defaultRun;

    @BeforeAll
    static void load() throws Exception {
        table = Reference.table(dir, "umap-input.csv.gz");
        expected = Reference.expected();
        List<NumericColumn> features = new ArrayList<>();
        for (Column column : table.columns()) {
            if (column instanceof NumericColumn numeric) {
                features.add(numeric);
            }
        }
        p = features.size();
        assertEquals(16, p);
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            int r = row;
            if (features.stream().noneMatch(c -> c.isNA(r))) {
                rows.add(row);
            }
        }
        complete = rows.stream().mapToInt(Integer::intValue).toArray();
        int n = complete.length;
        assertEquals(expected.get("n").intValue(), n);
        x = new double[n * p];
        for (int c = 0; c < p; c++) {
            double mean = 0;
            for (int row : complete) {
                mean += features.get(c).value(row);
            }
            mean /= n;
            double ss = 0;
            for (int row : complete) {
                double d = features.get(c).value(row) - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / (n - 1));
            for (int i = 0; i < n; i++) {
                x[i * p + c] = (features.get(c).value(complete[i]) - mean) / sd;
            }
        }
    }

    /** @return the run with default parameters (seed 1), shared by the tests that need one */
    private static synchronized AnalysisResult defaultRun() throws Exception {
        if (defaultRun == null) {
            defaultRun = UmapDescriptor.run(table);
        }
        return defaultRun;
    }

    /** @return the embedding of the complete rows, row-major n x 2 */
    private static double[] embedding(AnalysisResult result) {
        NumericColumn first = (NumericColumn) result.columns().get(0);
        NumericColumn second = (NumericColumn) result.columns().get(1);
        double[] e = new double[2 * complete.length];
        for (int i = 0; i < complete.length; i++) {
            assertFalse(first.isNA(complete[i]) || second.isNA(complete[i]), "complete row " + complete[i] + " not embedded");
            e[2 * i] = first.value(complete[i]);
            e[2 * i + 1] = second.value(complete[i]);
        }
        return e;
    }

    /** The share of the 10 nearest embedded neighbours of a labelled row that carry its label (as reference.R). */
    private static double purity(double[] e) {
        Column group = table.findColumn("group").orElseThrow();
        int n = complete.length;
        double sum = 0;
        int known = 0;
        for (int i = 0; i < n; i++) {
            String label = group.text(complete[i]);
            if (label == null) {
                continue;
            }
            int same = 0;
            int labelled = 0;
            for (int j : Trustworthiness.nearestInEmbedding(e, n, i, 10)) {
                String other = group.text(complete[j]);
                if (other != null) {
                    labelled++;
                    same += other.equals(label) ? 1 : 0;
                }
            }
            sum += same / (double) labelled;
            known++;
        }
        return sum / known;
    }

    @Test
    void trustworthinessAsRComputesIt() throws Exception {
        DataTable uwot = Reference.table(dir, "umap-uwot.csv.gz");
        NumericColumn first = (NumericColumn) uwot.findColumn("UMAP1").orElseThrow();
        NumericColumn second = (NumericColumn) uwot.findColumn("UMAP2").orElseThrow();
        double[] e = new double[2 * uwot.rowCount()];
        for (int i = 0; i < uwot.rowCount(); i++) {
            e[2 * i] = first.value(i);
            e[2 * i + 1] = second.value(i);
        }
        assertEquals(expected.get("trust.seed1"), Trustworthiness.of(x, p, e, 10), 1e-12);
    }

    @Test
    void keepsNeighbourhoodsAsWellAsUwot() throws Exception {
        double uwot = expected.get("trust.mean");
        for (int seed = 1; seed <= 2; seed++) {
            AnalysisResult result = seed == 1 ? defaultRun() : UmapDescriptor.run(table, "seed=" + seed);
            double trust = Trustworthiness.of(x, p, embedding(result), 10);
            System.out.printf("umap %d x %d seed %d: trustworthiness(10) IDX %.4f, uwot %.4f (mean of 3 seeds)%n",
                    complete.length, p, seed, trust, uwot);
            assertTrue(trust >= uwot - TOLERANCE, "trustworthiness " + trust + " vs uwot " + uwot);
            assertEquals(complete.length, result.report().get("n"));
            assertEquals("nndescent", result.report().get("nn_method"));
        }
    }

    @Test
    void supervisedByTheLabelColumn() throws Exception {
        AnalysisResult unsupervised = defaultRun();
        AnalysisResult supervised = UmapDescriptor.run(table, "supervised-by=group");
        double[] e = embedding(supervised);
        double trust = Trustworthiness.of(x, p, e, 10);
        double purity = purity(e);
        double plain = purity(embedding(unsupervised));
        System.out.printf("supervised umap: label purity(10) IDX %.4f (unsupervised %.4f), uwot %.4f (unsupervised %.4f); "
                + "trustworthiness IDX %.4f, uwot %.4f%n", purity, plain, expected.get("supervised.purity.mean"),
                expected.get("purity.mean"), trust, expected.get("supervised.trust.mean"));
        assertTrue(purity >= expected.get("supervised.purity.mean") - TOLERANCE, "purity " + purity);
        assertTrue(purity > plain + 0.03, "supervision must draw labels together: " + purity + " vs " + plain);
        assertTrue(plain >= expected.get("purity.mean") - TOLERANCE, "unsupervised purity " + plain);
        assertTrue(trust >= expected.get("supervised.trust.mean") - TOLERANCE, "trustworthiness " + trust);
        assertEquals("group", supervised.report().get("supervised_by"));
        // the label column is not a feature, and rows with an NA label are embedded
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) supervised.report().get("columns");
        assertEquals(16, columns.size());
        assertFalse(columns.contains("group"));
    }

    @Test
    void rowsWithNaKeepNa() throws Exception {
        AnalysisResult result = defaultRun();
        for (Column column : result.columns()) {
            NumericColumn values = (NumericColumn) column;
            assertEquals(table.rowCount(), values.size());
            assertEquals(3, values.naCount());
            assertTrue(values.isNA(6) && values.isNA(1499) && values.isNA(4320), "R rows 7, 1500, 4321");
        }
        assertEquals(List.of("UMAP1", "UMAP2"), result.columns().stream().map(Column::name).toList());
    }

    @Test
    void sameSeedSameLayout() throws Exception {
        NumericColumn a;
        try (ForkJoinPool pool = new ForkJoinPool(1)) {
            a = (NumericColumn) pool.submit(() -> UmapDescriptor.run(table, "seed=5", "neighbors=10")).get().columns().get(0);
        }
        NumericColumn b;
        try (ForkJoinPool pool = new ForkJoinPool(3)) { // the same layout for any number of threads
            b = (NumericColumn) pool.submit(() -> UmapDescriptor.run(table, "seed=5", "neighbors=10")).get().columns().get(0);
        }
        NumericColumn c = (NumericColumn) UmapDescriptor.run(table, "seed=6", "neighbors=10").columns().get(0);
        boolean differs = false;
        for (int row = 0; row < a.size(); row++) {
            if (!a.isNA(row)) {
                assertEquals(a.value(row), b.value(row), 0.0, "row " + row);
                differs |= a.value(row) != c.value(row);
            }
        }
        assertTrue(differs, "another seed gives another layout");
    }
}
