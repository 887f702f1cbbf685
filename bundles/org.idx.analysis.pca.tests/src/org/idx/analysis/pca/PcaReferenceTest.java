// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.pca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.analysis.ParameterValues;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PCA against R's prcomp on the same table (values recorded by reference.R; R is not needed here). */
class PcaReferenceTest {

    private static final double TOLERANCE = 1e-6;
    private static final String[] COLUMNS = { "a", "b", "c", "d", "e", "f" };

    @TempDir
    static Path dir;
    private static DataTable table;
    private static Map<String, Double> expected;
    private static MethodDescriptor pca;

    @BeforeAll
    static void load() throws Exception {
        table = Reference.table(dir);
        expected = Reference.expected();
        pca = MethodRegistry.fromPlatform().find("pca").orElseThrow();
    }

    @Test
    void scaledMatchesPrcompScaleTrue() throws Exception {
        check("scaled", List.of("components=6"));
    }

    @Test
    void unscaledMatchesPrcompScaleFalse() throws Exception {
        check("unscaled", List.of("components=6", "scale=false"));
    }

    @SuppressWarnings("unchecked")
    private void check(String prefix, List<String> params) throws Exception {
        ParameterValues values = ParameterValues.parse(pca, params);
        AnalysisResult result = new PcaMethod().run(table, values, new NullProgressMonitor());
        Map<String, Object> report = result.report();
        assertEquals(expected.get(prefix + ".n").intValue(), report.get("n"));
        double[] sdev = (double[]) report.get("sdev");
        double[] ratio = (double[]) report.get("explained_variance_ratio");
        Map<String, Map<String, Double>> loadings = (Map<String, Map<String, Double>>) report.get("loadings");
        double worst = 0;
        for (int j = 1; j <= COLUMNS.length; j++) {
            double relSdev = Math.abs(sdev[j - 1] - expected.get(prefix + ".sdev." + j)) / expected.get(prefix + ".sdev." + j);
            assertTrue(relSdev < TOLERANCE, "sdev " + j + ": " + sdev[j - 1]);
            assertEquals(expected.get(prefix + ".ratio." + j), ratio[j - 1], TOLERANCE, "ratio " + j);
            Map<String, Double> loading = loadings.get("PC" + j);
            double sign = Math.signum(loading.get("a")) * Math.signum(expected.get(prefix + ".loading.PC" + j + ".a"));
            for (String column : COLUMNS) {
                double diff = Math.abs(sign * loading.get(column) - expected.get(prefix + ".loading.PC" + j + "." + column));
                worst = Math.max(worst, diff);
                assertTrue(diff < TOLERANCE, "loading PC" + j + " " + column + ": " + loading.get(column));
            }
            if (j <= 2) {
                NumericColumn scores = (NumericColumn) result.columns().get(j - 1);
                assertEquals("PC" + j, scores.name());
                for (int row = 0; row < table.rowCount(); row++) {
                    double want = expected.get(prefix + ".score.PC" + j + "." + row);
                    if (Double.isNaN(want)) {
                        assertTrue(scores.isNA(row), "row " + row + " has NA in a used column");
                    } else {
                        assertFalse(scores.isNA(row));
                        assertEquals(want, sign * scores.value(row), TOLERANCE * Math.max(1, Math.abs(want)), "score row " + row);
                    }
                }
            }
        }
        System.out.printf("PCA %s vs R prcomp: largest loading difference %.3g%n", prefix, worst);
    }

    @Test
    void largestLoadingIsPositive() throws Exception {
        AnalysisResult result = new PcaMethod().run(table, ParameterValues.parse(pca, List.of("components=3")),
                new NullProgressMonitor());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> loadings = (Map<String, Map<String, Double>>) result.report().get("loadings");
        assertEquals(3, loadings.size());
        assertEquals(3, result.columns().size());
        for (Map<String, Double> loading : loadings.values()) {
            double largest = loading.values().stream().max((x, y) -> Double.compare(Math.abs(x), Math.abs(y))).orElseThrow();
            assertTrue(largest > 0);
        }
    }
}
