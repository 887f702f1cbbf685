// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.confusion;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The exact binomial test of R's {@code binom.test}: the Clopper-Pearson confidence interval of a
 * proportion and the one-sided p-value of "the success probability is greater than p".
 */
public final class ExactBinomialTest {

    private ExactBinomialTest() {
    }

    /**
     * The two-sided Clopper-Pearson interval, as {@code binom.test(x, n, conf.level = level)$conf.int}:
     * {@code qbeta(a/2, x, n - x + 1)} (0 when x = 0) to {@code qbeta(1 - a/2, x + 1, n - x)} (1 when
     * x = n), with a = 1 - level.
     *
     * @param successes x, in {@code [0, trials]}
     * @param trials    n, positive
     * @param level     the confidence level, in (0, 1)
     * @return {@code {lower, upper}}
     */
    public static double[] confidenceInterval(long successes, long trials, double level) {
        check(successes, trials);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level " + level + " is not in (0, 1)");
        }
        double alpha = (1 - level) / 2;
        double lower = successes == 0 ? 0
                : BetaDistribution.of(successes, trials - successes + 1.0).inverseCumulativeProbability(alpha);
        double upper = successes == trials ? 1
                : BetaDistribution.of(successes + 1.0, trials - successes).inverseCumulativeProbability(1 - alpha);
        return new double[] { lower, upper };
    }

    /**
     * The p-value of {@code binom.test(x, n, p, alternative = "greater")}: P(X >= x) for X binomial
     * (n, p).
     *
     * @param successes   x, in {@code [0, trials]}
     * @param trials      n, positive
     * @param probability p under the null hypothesis, in [0, 1]
     * @return the p-value
     */
    public static double greaterPValue(long successes, long trials, double probability) {
        check(successes, trials);
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability " + probability + " is not in [0, 1]");
        }
        if (trials > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " trials");
        }
        return BinomialDistribution.of((int) trials, probability).survivalProbability((int) successes - 1);
    }

    private static void check(long successes, long trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes in " + trials + " trials");
        }
    }
}
