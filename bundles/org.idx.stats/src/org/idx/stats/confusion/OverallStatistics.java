// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.confusion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * caret's overall statistics of a confusion matrix ({@code confusionMatrix(...)$overall}).
 *
 * @param accuracy       the share of correct predictions
 * @param kappa          Cohen's kappa, (accuracy - p<sub>e</sub>) / (1 - p<sub>e</sub>) with
 *                       p<sub>e</sub> = &Sigma; (row share x column share) (as {@code e1071::classAgreement})
 * @param accuracyLower  lower end of the exact (Clopper-Pearson) 95% interval of the accuracy
 * @param accuracyUpper  upper end of that interval
 * @param accuracyNull   the no-information rate: the largest share of one true class
 * @param accuracyPValue one-sided exact binomial p-value of accuracy &gt; the no-information rate
 * @param mcnemarPValue  p-value of McNemar's test ({@link McNemarTest}); NaN where undefined
 */
public record OverallStatistics(double accuracy, double kappa, double accuracyLower, double accuracyUpper,
        double accuracyNull, double accuracyPValue, double mcnemarPValue) {

    /** The confidence level of the accuracy interval, as caret. */
    public static final double CONFIDENCE_LEVEL = 0.95;

    /**
     * @param table a confusion matrix with at least one observation
     * @return its statistics
     * @throws IllegalArgumentException when the table is empty
     */
    public static OverallStatistics of(ConfusionMatrix table) {
        long n = table.total();
        if (n == 0) {
            throw new IllegalArgumentException("the confusion matrix is empty");
        }
        int k = table.size();
        long correct = table.correct();
        double total = n;
        double accuracy = correct / total;
        double chance = 0;
        long largestClass = 0;
        for (int i = 0; i < k; i++) {
            chance += (table.predicted(i) / total) * (table.actual(i) / total);
            largestClass = Math.max(largestClass, table.actual(i));
        }
        double kappa = (accuracy - chance) / (1 - chance);
        double[] interval = ExactBinomialTest.confidenceInterval(correct, n, CONFIDENCE_LEVEL);
        double noInformation = largestClass / total;
        double pValue = ExactBinomialTest.greaterPValue(correct, n, noInformation);
        double mcnemar = k >= 2 ? McNemarTest.pValue(table) : Double.NaN;
        return new OverallStatistics(accuracy, kappa, interval[0], interval[1], noInformation, pValue, mcnemar);
    }

    /** @return the statistics under caret's names ("Accuracy", "Kappa", ...), NaN where undefined */
    public Map<String, Double> toMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("Accuracy", accuracy);
        map.put("Kappa", kappa);
        map.put("AccuracyLower", accuracyLower);
        map.put("AccuracyUpper", accuracyUpper);
        map.put("AccuracyNull", accuracyNull);
        map.put("AccuracyPValue", accuracyPValue);
        map.put("McnemarPValue", mcnemarPValue);
        return map;
    }
}
