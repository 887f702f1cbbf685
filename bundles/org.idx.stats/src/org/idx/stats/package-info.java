// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Tests for comparing one numeric measurement across groups, with results that match R's
 * ({@code shapiro.test}, {@code bartlett.test}, {@code oneway.test}, {@code kruskal.test},
 * {@code pairwise.wilcox.test}, {@code TukeyHSD}, {@code rstatix::games_howell_test},
 * {@code p.adjust}).
 * <p>
 * Start with {@link org.idx.stats.GroupedSample#of(double[], String[])}, then either run single
 * tests or {@link org.idx.stats.AnovaAnalysis} for the complete {@link org.idx.stats.AnovaReport}.
 * Group order is the order of the group names as Java strings (UTF-16 code units, as R's
 * {@code sort(method = "radix")}, the C locale); pairs {@code (group1, group2)} follow that order
 * with {@code group1} before {@code group2}, each pair once.
 * Plain Java: no OSGi or Eclipse types.
 */
package org.idx.stats;
