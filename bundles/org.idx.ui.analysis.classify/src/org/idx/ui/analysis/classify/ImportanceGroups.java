// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.classify;

/**
 * Groups features into clusters of similar importance, as the Image Data Explorer's importance figure
 * (xgboost's {@code xgb.ggplot.importance}, which clusters the bars with {@code Ckmeans.1d.dp}) does.
 *
 * <p>The rule: the gains are clustered by exact one-dimensional k-means (the optimal partition of the
 * sorted gains into k contiguous runs minimising the within-group sum of squares, found by dynamic
 * programming) for k = 1 ... {@link #MAX_GROUPS} (and at most the number of distinct gains). The smallest
 * k whose within-group sum of squares is at most {@link #UNEXPLAINED} of the total sum of squares is
 * taken (the groups explain at least 90% of the spread of the gains); with no k reaching it, k =
 * {@link #MAX_GROUPS}. Group 0 holds the most important features.
 */
final class ImportanceGroups {

	/** At most this many groups. */
	static final int MAX_GROUPS = 4;
	/** The share of the total sum of squares the groups may leave unexplained. */
	static final double UNEXPLAINED = 0.1;

	private ImportanceGroups() {
	}

	/**
	 * @param gains the gains, largest first (as the {@code importance} of the xgboost report lists them)
	 * @return the group of each feature, 0 for the most important group, non-decreasing along {@code gains}
	 * @throws IllegalArgumentException when the gains are not sorted largest first
	 */
	static int[] of(double[] gains) {
		int n = gains.length;
		for (int i = 1; i < n; i++) {
			if (gains[i] > gains[i - 1]) {
				throw new IllegalArgumentException("the gains are not sorted largest first at " + i);
			}
		}
		int[] groups = new int[n];
		if (n == 0) {
			return groups;
		}
		int distinct = 1;
		for (int i = 1; i < n; i++) {
			if (gains[i] != gains[i - 1]) {
				distinct++;
			}
		}
		// prefix sums for the sum of squares of any run [from, to]
		double[] sum = new double[n + 1];
		double[] squares = new double[n + 1];
		for (int i = 0; i < n; i++) {
			sum[i + 1] = sum[i] + gains[i];
			squares[i + 1] = squares[i] + gains[i] * gains[i];
		}
		double total = cost(sum, squares, 0, n - 1);
		int most = Math.min(MAX_GROUPS, distinct);
		// cost[k][i]: least within-group sum of squares of gains[0..i] in k+1 runs; start[k][i]: where the last run starts
		double[][] best = new double[most][n];
		int[][] start = new int[most][n];
		for (int i = 0; i < n; i++) {
			best[0][i] = cost(sum, squares, 0, i);
		}
		int chosen = most;
		if (!(total > 0) || best[0][n - 1] <= UNEXPLAINED * total) {
			chosen = 1;
		}
		for (int k = 1; k < most && chosen == most; k++) {
			for (int i = 0; i < n; i++) {
				best[k][i] = Double.POSITIVE_INFINITY;
				for (int j = k; j <= i; j++) {
					double c = best[k - 1][j - 1] + cost(sum, squares, j, i);
					if (c < best[k][i]) {
						best[k][i] = c;
						start[k][i] = j;
					}
				}
			}
			if (best[k][n - 1] <= UNEXPLAINED * total) {
				chosen = k + 1;
			}
		}
		int end = n - 1;
		for (int k = chosen - 1; k >= 0; k--) {
			int from = k == 0 ? 0 : start[k][end];
			for (int i = from; i <= end; i++) {
				groups[i] = k;
			}
			end = from - 1;
		}
		return groups;
	}

	private static double cost(double[] sum, double[] squares, int from, int to) {
		int count = to - from + 1;
		if (count <= 0) {
			return 0;
		}
		double s = sum[to + 1] - sum[from];
		return Math.max(0, squares[to + 1] - squares[from] - s * s / count);
	}
}
