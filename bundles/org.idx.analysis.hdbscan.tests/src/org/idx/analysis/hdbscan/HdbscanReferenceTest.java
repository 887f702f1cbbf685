// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.hdbscan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.MethodCategory;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.io.delimited.DelimitedTableReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HDBSCAN against R's {@code dbscan::hdbscan} on the data sets of
 * {@code resources/org/idx/analysis/hdbscan/reference} (recorded by reference.R there; R is not
 * needed here): the same number of clusters, the same noise count within 2 %, and an adjusted
 * Rand index of at least 0.9 (noise counted as one more group, as in R's labels).
 */
class HdbscanReferenceTest {

    @TempDir
    static Path dir;
    private static MethodDescriptor hdbscan;

    @BeforeAll
    static void registry() {
        hdbscan = MethodRegistry.fromPlatform().find("hdbscan").orElseThrow();
    }

    static DataTable table(String name) throws Exception {
        Path file = dir.resolve(name + ".csv");
        if (!Files.exists(file)) {
            try (InputStream in = open(name + ".csv")) {
                Files.copy(in, file);
            }
        }
        return DelimitedTableReader.read(file).table();
    }

    static int[] expectedLabels(String name) throws IOException {
        try (InputStream in = open(name + "-labels.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .mapToInt(line -> line.equals("NA") ? -1 : Integer.parseInt(line)).toArray();
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = HdbscanReferenceTest.class.getResourceAsStream("reference/" + name);
        if (in == null) {
            throw new IOException("missing test resource reference/" + name);
        }
        return in;
    }

    static AnalysisResult run(DataTable table, String... params) throws Exception {
        return new HdbscanMethod().run(table, hdbscan.parse(List.of(params)), new NullProgressMonitor());
    }

    /** The adjusted Rand index of two labelings (Hubert and Arabie 1985). */
    static double adjustedRand(int[] a, int[] b) {
        Map<Long, Long> pairs = new HashMap<>();
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, Long> cols = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            pairs.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1L, Long::sum);
            rows.merge(a[i], 1L, Long::sum);
            cols.merge(b[i], 1L, Long::sum);
        }
        double index = pairs.values().stream().mapToDouble(v -> v * (v - 1) / 2.0).sum();
        double sa = rows.values().stream().mapToDouble(v -> v * (v - 1) / 2.0).sum();
        double sb = cols.values().stream().mapToDouble(v -> v * (v - 1) / 2.0).sum();
        double total = a.length * (a.length - 1) / 2.0;
        double expected = sa * sb / total;
        double max = (sa + sb) / 2;
        return (index - expected) / (max - expected);
    }

    @Test
    void adjustedRandOfKnownLabelings() {
        assertEquals(1, adjustedRand(new int[] { 1, 1, 2, 2, 0 }, new int[] { 5, 5, 3, 3, 7 }), 1e-12);
        // sklearn.metrics.adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714285714285715
        assertEquals(0.5714285714285715, adjustedRand(new int[] { 0, 0, 1, 1 }, new int[] { 0, 0, 1, 2 }), 1e-12);
    }

    @Test
    void registeredThroughTheExtensionPoint() {
        assertEquals(MethodCategory.CLUSTERING, hdbscan.category());
        assertEquals(List.of("columns", "min-points", "scale"), hdbscan.parameters().stream().map(p -> p.name()).toList());
        assertEquals("10", hdbscan.parameter("min-points").orElseThrow().defaultValue());
        assertEquals("false", hdbscan.parameter("scale").orElseThrow().defaultValue());
    }

    @Test
    void agreesWithR() throws Exception {
        check("blobs2d", "min-points=10");
        check("close2d", "min-points=5");
        check("blobs5d", "min-points=15");
        check("scaled3d", "min-points=12", "scale=true");
    }

    private static void check(String name, String... params) throws Exception {
        DataTable table = table(name);
        int[] expected = expectedLabels(name);
        AnalysisResult result = run(table, params);
        NumericColumn column = (NumericColumn) result.columns().get(0);
        assertEquals("hdbscan", column.name());
        assertTrue(column.isInteger());
        assertEquals(expected.length, column.size());
        int complete = 0;
        for (int row = 0; row < expected.length; row++) {
            assertEquals(expected[row] < 0, column.isNA(row), name + " row " + (row + 1) + ": NA exactly where R has NA");
            if (expected[row] >= 0) {
                complete++;
            }
        }
        int[] r = new int[complete];
        int[] idx = new int[complete];
        int rClusters = 0;
        int rNoise = 0;
        for (int row = 0, i = 0; row < expected.length; row++) {
            if (expected[row] >= 0) {
                r[i] = expected[row];
                idx[i++] = (int) column.value(row);
                rClusters = Math.max(rClusters, expected[row]);
                rNoise += expected[row] == 0 ? 1 : 0;
            }
        }
        Map<String, Object> report = result.report();
        double ari = adjustedRand(r, idx);
        System.out.printf("hdbscan %s: IDX %s clusters, %s noise; R %d clusters, %d noise; adjusted Rand %.4f%n", name,
                report.get("n_clusters"), report.get("n_noise"), rClusters, rNoise, ari);
        assertEquals(complete, report.get("n"));
        assertEquals(rClusters, report.get("n_clusters"), name + ": number of clusters");
        assertEquals(rNoise, (int) report.get("n_noise"), Math.max(2, 0.02 * rNoise), name + ": noise");
        assertTrue(ari >= 0.9, name + ": adjusted Rand " + ari);
        int[] sizes = (int[]) report.get("sizes");
        int[] counted = new int[sizes.length];
        int noise = 0;
        for (int label : idx) {
            if (label == 0) {
                noise++;
            } else {
                counted[label - 1]++;
            }
        }
        assertArrayEquals(counted, sizes);
        assertEquals(noise, report.get("n_noise"));
        for (int j = 1; j < sizes.length; j++) {
            assertTrue(sizes[j - 1] >= sizes[j], "clusters numbered by decreasing size");
        }
    }
}
