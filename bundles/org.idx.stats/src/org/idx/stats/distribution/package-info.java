// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Probability distributions that Apache Commons Statistics does not provide: the studentized
 * range distribution (Tukey's HSD, Games-Howell) and the exact null distribution of the
 * Wilcoxon rank-sum (Mann-Whitney) statistic.
 */
package org.idx.stats.distribution;
