// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

/**
 * Which omnibus test and post-hoc test the data call for, and why.
 *
 * @param normal whether every small group passed the Shapiro-Wilk test
 * @param equalVariance whether Bartlett's test did not reject equal variances
 * @param test the omnibus test to report
 * @param posthoc the post-hoc test to report
 */
public record Decision(boolean normal, boolean equalVariance, Test test, PostHoc posthoc) {

    /** Omnibus tests. */
    public enum Test {
        /** Classical one-way ANOVA. */
        ANOVA("anova"),
        /** Welch's ANOVA. */
        WELCH("welch"),
        /** Kruskal-Wallis rank-sum test. */
        KRUSKAL("kruskal");

        private final String id;

        Test(String id) {
            this.id = id;
        }

        /** @return the id used in reports */
        public String id() {
            return id;
        }
    }

    /** Post-hoc tests. */
    public enum PostHoc {
        /** Tukey's HSD. */
        TUKEY("tukey"),
        /** Games-Howell. */
        GAMES_HOWELL("games_howell"),
        /** Pairwise Wilcoxon rank-sum tests. */
        WILCOX("wilcox");

        private final String id;

        PostHoc(String id) {
            this.id = id;
        }

        /** @return the id used in reports */
        public String id() {
            return id;
        }
    }
}
