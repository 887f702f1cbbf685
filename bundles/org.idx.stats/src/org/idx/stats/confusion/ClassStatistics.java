// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.confusion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * caret's per-class statistics of one class against all others (with two classes: of the positive
 * class), computed with caret's formulas: sensitivity and specificity from the columns, the
 * predictive values from them and the prevalence by Bayes' rule, precision and recall from the
 * collapsed 2 x 2 table. A quotient whose denominator is 0 is NaN (R's NA or NaN).
 *
 * @param sensitivity         true positives / actual positives
 * @param specificity         true negatives / actual negatives (every cell with both prediction and
 *                            truth among the other classes counts)
 * @param posPredValue        sens * prev / (sens * prev + (1 - spec)(1 - prev))
 * @param negPredValue        spec (1 - prev) / ((1 - sens) prev + spec (1 - prev))
 * @param precision           true positives / predicted positives
 * @param recall              true positives / actual positives
 * @param f1                  2 precision recall / (precision + recall)
 * @param prevalence          actual positives / all
 * @param detectionRate       true positives / all
 * @param detectionPrevalence predicted positives / all
 * @param balancedAccuracy    (sensitivity + specificity) / 2
 */
public record ClassStatistics(double sensitivity, double specificity, double posPredValue, double negPredValue,
        double precision, double recall, double f1, double prevalence, double detectionRate,
        double detectionPrevalence, double balancedAccuracy) {

    /**
     * @param table    the confusion matrix
     * @param positive the code of the class to describe
     * @return its statistics
     */
    public static ClassStatistics of(ConfusionMatrix table, int positive) {
        int k = table.size();
        double n = table.total();
        double truePositive = table.count(positive, positive);
        double actualPositive = table.actual(positive);
        double predictedPositive = table.predicted(positive);
        double trueNegative = 0;
        double actualNegative = 0;
        for (int p = 0; p < k; p++) {
            for (int t = 0; t < k; t++) {
                if (t != positive) {
                    actualNegative += table.count(p, t);
                    if (p != positive) {
                        trueNegative += table.count(p, t);
                    }
                }
            }
        }
        double sensitivity = quotient(truePositive, actualPositive);
        double specificity = quotient(trueNegative, actualNegative);
        double prevalence = actualPositive / n;
        double ppv = (sensitivity * prevalence) / ((sensitivity * prevalence) + ((1 - specificity) * (1 - prevalence)));
        double npv = (specificity * (1 - prevalence)) / (((1 - sensitivity) * prevalence) + (specificity * (1 - prevalence)));
        double precision = quotient(truePositive, predictedPositive);
        double recall = quotient(truePositive, actualPositive);
        double f1 = (1 + 1) * precision * recall / (precision + recall);
        return new ClassStatistics(sensitivity, specificity, ppv, npv, precision, recall, f1, prevalence,
                truePositive / n, predictedPositive / n, (sensitivity + specificity) / 2);
    }

    /** as caret: {@code ifelse(denominator > 0, numerator / denominator, NA)} */
    private static double quotient(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }

    /**
     * @return the statistics under caret's names ("Sensitivity", ..., "Balanced Accuracy"), NaN
     *         where undefined
     */
    public Map<String, Double> toMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("Sensitivity", sensitivity);
        map.put("Specificity", specificity);
        map.put("Pos Pred Value", posPredValue);
        map.put("Neg Pred Value", negPredValue);
        map.put("Precision", precision);
        map.put("Recall", recall);
        map.put("F1", f1);
        map.put("Prevalence", prevalence);
        map.put("Detection Rate", detectionRate);
        map.put("Detection Prevalence", detectionPrevalence);
        map.put("Balanced Accuracy", balancedAccuracy);
        return map;
    }
}
