// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The importance groups: exact 1-D k-means and the rule that picks the number of groups. */
class ImportanceGroupsTest {

	@Test
	void twoLeadingFeaturesStandApart() {
		// two groups already leave 4% of the spread unexplained (< 10%), so the 0.09 pair joins the rest
		double[] gains = { 0.40, 0.38, 0.09, 0.08, 0.02, 0.015, 0.01, 0.005 };
		assertArrayEquals(new int[] { 0, 0, 1, 1, 1, 1, 1, 1 }, ImportanceGroups.of(gains));
	}

	@Test
	void theSampleScreensGainsFormThreeGroups() {
		// the first ten gain shares of xgboost on the sample screen (label phenotype, seed 1)
		double[] gains = { 0.256, 0.123, 0.115, 0.101, 0.0948, 0.0479, 0.0471, 0.0397, 0.0369, 0.0191 };
		assertArrayEquals(new int[] { 0, 1, 1, 1, 1, 2, 2, 2, 2, 2 }, ImportanceGroups.of(gains));
	}

	@Test
	void oneDominantFeatureStandsAlone() {
		int[] groups = ImportanceGroups.of(new double[] { 0.9, 0.04, 0.03, 0.02, 0.01 });
		assertArrayEquals(new int[] { 0, 1, 1, 1, 1 }, groups);
	}

	@Test
	void equalGainsAndEdgeCasesAreOneGroup() {
		assertArrayEquals(new int[] { 0, 0, 0 }, ImportanceGroups.of(new double[] { 0.25, 0.25, 0.25 }));
		assertArrayEquals(new int[] { 0, 0 }, ImportanceGroups.of(new double[] { 0, 0 }));
		assertArrayEquals(new int[] { 0 }, ImportanceGroups.of(new double[] { 1 }));
		assertArrayEquals(new int[0], ImportanceGroups.of(new double[0]));
	}

	@Test
	void unsortedGainsAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> ImportanceGroups.of(new double[] { 0.1, 0.2 }));
	}

	/** The chosen partition is the optimal one for its k (brute force over all cut points) and k follows the rule. */
	@Test
	void agreesWithBruteForce() {
		Random random = new Random(3);
		for (int trial = 0; trial < 200; trial++) {
			int n = 1 + random.nextInt(9);
			double[] gains = new double[n];
			for (int i = 0; i < n; i++) {
				gains[i] = Math.pow(random.nextDouble(), 1 + random.nextInt(4));
			}
			Arrays.sort(gains);
			for (int i = 0; i < n / 2; i++) {
				double t = gains[i];
				gains[i] = gains[n - 1 - i];
				gains[n - 1 - i] = t;
			}
			int[] groups = ImportanceGroups.of(gains);
			int k = groups[n - 1] + 1;
			double total = bestCost(gains, 1);
			int distinct = (int) Arrays.stream(gains).distinct().count();
			int expected = Math.min(ImportanceGroups.MAX_GROUPS, distinct);
			for (int j = 1; j <= Math.min(ImportanceGroups.MAX_GROUPS, distinct); j++) {
				if (!(total > 0) || bestCost(gains, j) <= ImportanceGroups.UNEXPLAINED * total) {
					expected = j;
					break;
				}
			}
			assertEquals(expected, k, Arrays.toString(gains));
			assertEquals(bestCost(gains, k), cost(gains, groups), 1e-12, Arrays.toString(gains));
			for (int i = 1; i < n; i++) {
				assertTrue(groups[i] == groups[i - 1] || groups[i] == groups[i - 1] + 1, "groups are contiguous runs");
			}
		}
	}

	/** @return the least within-group sum of squares of k contiguous runs, by trying every set of cut points */
	private static double bestCost(double[] gains, int k) {
		return best(gains, 0, k);
	}

	private static double best(double[] gains, int from, int k) {
		int n = gains.length;
		if (k == 1) {
			return ss(gains, from, n);
		}
		double best = Double.POSITIVE_INFINITY;
		for (int cut = from + 1; cut <= n - k + 1; cut++) {
			best = Math.min(best, ss(gains, from, cut) + best(gains, cut, k - 1));
		}
		return best;
	}

	private static double cost(double[] gains, int[] groups) {
		double cost = 0;
		int from = 0;
		for (int i = 1; i <= gains.length; i++) {
			if (i == gains.length || groups[i] != groups[from]) {
				cost += ss(gains, from, i);
				from = i;
			}
		}
		return cost;
	}

	private static double ss(double[] gains, int from, int to) {
		double mean = 0;
		for (int i = from; i < to; i++) {
			mean += gains[i];
		}
		mean /= to - from;
		double ss = 0;
		for (int i = from; i < to; i++) {
			ss += (gains[i] - mean) * (gains[i] - mean);
		}
		return ss;
	}
}
