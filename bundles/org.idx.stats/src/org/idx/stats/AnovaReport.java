// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the {@code anova} method reports: every test, so that a user can see why the
 * {@link Decision} was taken. A test that could not be computed is {@code null}, with a sentence in
 * {@link #messages()}; inside pair lists an undefined number is NaN.
 *
 * @param nTotal rows used (after dropping rows with NA)
 * @param nGroups number of groups
 * @param groups per-group summaries, in group order
 * @param shapiro Shapiro-Wilk per group name (group order), {@code null} values where undefined
 * @param bartlett Bartlett's test, or {@code null}
 * @param anova one-way ANOVA, or {@code null}
 * @param welch Welch's ANOVA, or {@code null}
 * @param kruskal Kruskal-Wallis, or {@code null}
 * @param pairwiseWilcox pairwise Wilcoxon p-values per adjustment, or {@code null}
 * @param tukeyHsd Tukey HSD comparisons, or {@code null}
 * @param gamesHowell Games-Howell comparisons, or {@code null}
 * @param decision the chosen path, or {@code null} with fewer than two groups
 * @param messages sentences on what could not be computed or was assumed
 */
public record AnovaReport(int nTotal, int nGroups, List<GroupSummary> groups,
        Map<String, ShapiroWilk.Result> shapiro, BartlettTest.Result bartlett,
        OneWayAnova.Result anova, WelchAnova.Result welch, KruskalWallis.Result kruskal,
        Map<PValueAdjustment, List<PairwiseWilcoxon.Comparison>> pairwiseWilcox,
        List<TukeyHsd.Comparison> tukeyHsd, List<GamesHowell.Comparison> gamesHowell,
        Decision decision, List<String> messages) {

    /**
     * The report as a JSON-ready tree with the field names of the {@code anova} report in the CLI
     * contract: {@link Map}s (insertion-ordered), {@link List}s, {@link String}s, {@link Boolean}s,
     * {@link Integer}s, {@link Double}s and {@code null} (for undefined tests and non-finite
     * numbers), plus a {@code messages} list.
     *
     * @return the tree
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n_total", nTotal);
        map.put("n_groups", nGroups);
        map.put("groups", groups.stream().map(g -> object("name", g.name(), "n", g.n(),
                "mean", number(g.mean()), "sd", number(g.sd()), "median", number(g.median()))).toList());
        Map<String, Object> shapiroMap = new LinkedHashMap<>();
        shapiro.forEach((name, r) -> shapiroMap.put(name,
                r == null ? null : object("W", number(r.w()), "p", number(r.p()))));
        map.put("shapiro", shapiroMap);
        map.put("bartlett", bartlett == null ? null : object("statistic", number(bartlett.statistic()),
                "df", number(bartlett.df()), "p", number(bartlett.p())));
        map.put("anova", anova == null ? null : object("F", number(anova.f()), "df1", number(anova.df1()),
                "df2", number(anova.df2()), "p", number(anova.p()),
                "ss_between", number(anova.ssBetween()), "ss_within", number(anova.ssWithin())));
        map.put("welch", welch == null ? null : object("F", number(welch.f()), "df1", number(welch.df1()),
                "df2", number(welch.df2()), "p", number(welch.p())));
        map.put("kruskal", kruskal == null ? null : object("H", number(kruskal.h()),
                "df", number(kruskal.df()), "p", number(kruskal.p())));
        map.put("pairwise_wilcox", pairwiseWilcox == null ? null : wilcoxMap());
        map.put("tukey_hsd", tukeyHsd == null ? null : tukeyHsd.stream().map(c -> object(
                "group1", c.group1(), "group2", c.group2(), "diff", number(c.diff()),
                "lwr", number(c.lwr()), "upr", number(c.upr()), "p_adj", number(c.pAdj()))).toList());
        map.put("games_howell", gamesHowell == null ? null : gamesHowell.stream().map(c -> object(
                "group1", c.group1(), "group2", c.group2(), "estimate", number(c.estimate()),
                "conf_low", number(c.confLow()), "conf_high", number(c.confHigh()),
                "t", number(c.t()), "df", number(c.df()), "p_adj", number(c.pAdj()))).toList());
        map.put("decision", decision == null ? null : object("normal", decision.normal(),
                "equal_variance", decision.equalVariance(), "test", decision.test().id(),
                "posthoc", decision.posthoc().id()));
        map.put("messages", new ArrayList<>(messages));
        return map;
    }

    private Map<String, Object> wilcoxMap() {
        Map<String, Object> result = new LinkedHashMap<>();
        pairwiseWilcox.forEach((method, comparisons) -> result.put(method.rName(),
                comparisons.stream().map(c -> object("group1", c.group1(), "group2", c.group2(),
                        "p", number(c.p()))).toList()));
        return result;
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
