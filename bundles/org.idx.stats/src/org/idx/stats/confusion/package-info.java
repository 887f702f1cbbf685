// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The statistics of a confusion matrix (a classifier's predictions against the truth), with the
 * names, conventions and values of R's {@code caret::confusionMatrix}: accuracy with its exact
 * (Clopper-Pearson) 95% interval, the no-information rate and the one-sided binomial p-value of
 * accuracy > NIR, Cohen's kappa, McNemar's test, and per class sensitivity, specificity, predictive
 * values, precision, recall, F1, prevalence, detection rate and prevalence, balanced accuracy.
 * <p>
 * Start with {@link org.idx.stats.confusion.ConfusionMatrix#of(java.util.List, int[], int[])}, then
 * {@link org.idx.stats.confusion.ConfusionReport#of(ConfusionMatrix, int)}. Plain Java: no OSGi or
 * Eclipse types.
 */
package org.idx.stats.confusion;
