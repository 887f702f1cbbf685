// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.confusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The building blocks of the confusion report against values printed by R 4.2 (the calls are in
 * the comments); the complete report is compared with caret in org.idx.analysis.confusion.tests.
 */
class ConfusionStatisticsTest {

    @Test
    void exactBinomialTestAsR() {
        // binom.test(7, 20)$conf.int
        assertArrayEquals(new double[] { 0.15390920478454115, 0.59218853453282816 },
                ExactBinomialTest.confidenceInterval(7, 20, 0.95), 1e-12);
        // binom.test(7, 20, 0.3, alternative = "greater")$p.value
        assertEquals(0.39199018779907585, ExactBinomialTest.greaterPValue(7, 20, 0.3), 1e-14);
        assertArrayEquals(new double[] { 0, 1 - Math.pow(0.025, 1.0 / 5) },
                ExactBinomialTest.confidenceInterval(0, 5, 0.95), 1e-12);
        assertEquals(1.0, ExactBinomialTest.greaterPValue(0, 5, 0.5), 0.0);
        assertThrows(IllegalArgumentException.class, () -> ExactBinomialTest.confidenceInterval(6, 5, 0.95));
    }

    @Test
    void mcNemarAsR() {
        List<String> two = List.of("a", "b");
        // mcnemar.test(matrix(c(10, 5, 1, 12), 2))$statistic: corrected, (|1 - 5| - 1)^2 / 6
        assertEquals(1.5, McNemarTest.statistic(ConfusionMatrix.ofCounts(two, new long[][] { { 10, 1 }, { 5, 12 } })), 1e-15);
        // mcnemar.test(matrix(c(10, 3, 3, 12), 2))$p.value: equal off-diagonal cells, no correction
        assertEquals(1.0, McNemarTest.pValue(ConfusionMatrix.ofCounts(two, new long[][] { { 10, 3 }, { 3, 12 } })), 0.0);
        // mcnemar.test(matrix(c(5, 1, 2, 3, 6, 0, 4, 2, 7), 3))$statistic: k x k, no correction
        ConfusionMatrix three = ConfusionMatrix.ofCounts(List.of("a", "b", "c"),
                new long[][] { { 5, 3, 4 }, { 1, 6, 2 }, { 2, 0, 7 } });
        assertEquals(3.6666666666666665, McNemarTest.statistic(three), 1e-14);
        assertEquals(3, McNemarTest.degreesOfFreedom(three));
        // an empty pair of cells makes R's statistic NaN
        assertTrue(Double.isNaN(McNemarTest.pValue(ConfusionMatrix.ofCounts(two, new long[][] { { 4, 0 }, { 0, 5 } }))));
    }

    @Test
    void matrixAndReportChecks() {
        ConfusionMatrix matrix = ConfusionMatrix.of(List.of("x", "y", "z"), new int[] { 0, 1, 2, -1, 2 }, new int[] { 0, 1, 1, 2, -1 });
        assertEquals(3, matrix.total());
        assertEquals(2, matrix.correct());
        assertEquals(1, matrix.predicted(2));
        assertEquals(2, matrix.actual(1));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(List.of("x", "x"), new int[0], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(List.of("x"), new int[] { 1 }, new int[] { 0 }));
        assertThrows(IllegalArgumentException.class, () -> ConfusionReport.of(matrix, 0), "positive with three classes");
        ConfusionReport report = ConfusionReport.of(matrix, -1);
        assertEquals(List.of("x", "y", "z"), List.copyOf(report.byClass().keySet()));
        ConfusionMatrix two = ConfusionMatrix.ofCounts(List.of("neg", "pos"), new long[][] { { 5, 1 }, { 2, 4 } });
        assertEquals("neg", ConfusionReport.of(two, -1).positiveLevel(), "caret's default: the first level");
        ConfusionReport positive = ConfusionReport.of(two, 1);
        assertEquals(List.of("pos"), List.copyOf(positive.byClass().keySet()));
        assertEquals(0.8, positive.byClass().get("pos").sensitivity(), 1e-15);
        assertEquals(5.0 / 7, positive.byClass().get("pos").specificity(), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> OverallStatistics.of(ConfusionMatrix.ofCounts(List.of("a", "b"), new long[2][2])));
    }
}
