// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.anova;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.idx.stats.DecisionRule;
import org.idx.ui.analysis.ReportTable;

/**
 * The {@code anova} report (the map of {@code /work/shared/spec/cli.md}) read for people: the decision and
 * why it was taken, the chosen test's result, and the report's tables (groups, assumption tests, omnibus
 * tests, each post hoc table) with significant pairs marked. No widgets: the renderer shows what this reads.
 */
final class AnovaReading {

	/** The post hoc tables by report key, with what they are called. */
	static final String TUKEY = "tukey", GAMES_HOWELL = "games_howell", WILCOX = "wilcox";

	private final Map<String, Object> report;
	private final double alpha;

	/**
	 * @param report the report map
	 * @param alpha  the significance level the run used
	 */
	AnovaReading(Map<String, Object> report, double alpha) {
		this.report = report;
		this.alpha = alpha;
	}

	/** @return the decision and why, e.g. "Shapiro-Wilk rejected normality in 2 of 5 groups (p < 0.05) → Kruskal-Wallis + pairwise Wilcoxon" */
	String decision() {
		Map<String, Object> decision = map(report.get("decision"));
		if (decision == null) {
			return "No test was chosen: " + String.join(" ", messages());
		}
		String a = number(alpha);
		int tested = 0;
		int rejected = 0;
		int small = 0;
		Map<String, Object> shapiro = map(report.get("shapiro"));
		for (Map<String, Object> group : groups()) {
			if (integer(group.get("n")) >= DecisionRule.SMALL_GROUP) {
				continue;
			}
			small++;
			Map<String, Object> test = shapiro == null ? null : map(shapiro.get(text(group.get("name"))));
			if (test != null && test.get("p") instanceof Number p) {
				tested++;
				if (p.doubleValue() < alpha) {
					rejected++;
				}
			}
		}
		String why;
		if (!Boolean.TRUE.equals(decision.get("normal"))) {
			why = "Shapiro-Wilk rejected normality in " + rejected + " of " + tested + " group" + (tested == 1 ? "" : "s")
					+ " tested (p < " + a + ")";
		} else {
			String normality = small == 0 ? "Every group has " + DecisionRule.SMALL_GROUP + " or more values, so normality was assumed"
					: "Shapiro-Wilk did not reject normality in any of the " + tested + " group" + (tested == 1 ? "" : "s")
							+ " tested (p ≥ " + a + ")";
			Map<String, Object> bartlett = map(report.get("bartlett"));
			String variances;
			if (bartlett == null || !(bartlett.get("p") instanceof Number p)) {
				variances = "Bartlett's test could not be computed, so variances were treated as unequal";
			} else if (Boolean.TRUE.equals(decision.get("equal_variance"))) {
				variances = "Bartlett did not reject equal variances (p = " + number(p.doubleValue()) + " ≥ " + a + ")";
			} else {
				variances = "Bartlett rejected equal variances (p = " + number(p.doubleValue()) + " < " + a + ")";
			}
			why = normality + "; " + variances;
		}
		return why + " → " + testName(text(decision.get("test"))) + " + " + postHocName(text(decision.get("posthoc")));
	}

	/** @return the chosen omnibus test's result, e.g. "Kruskal-Wallis: H = 52.3, df = 4, p = 1.2e-10" */
	String result() {
		Map<String, Object> decision = map(report.get("decision"));
		return decision == null ? "" : omnibus(text(decision.get("test")));
	}

	/** @return the chosen post hoc test: {@link #TUKEY}, {@link #GAMES_HOWELL} or {@link #WILCOX}, or null */
	String chosenPostHoc() {
		Map<String, Object> decision = map(report.get("decision"));
		return decision == null ? null : text(decision.get("posthoc"));
	}

	/** @return the chosen omnibus test: {@code anova}, {@code welch} or {@code kruskal}, or null */
	String chosenTest() {
		Map<String, Object> decision = map(report.get("decision"));
		return decision == null ? null : text(decision.get("test"));
	}

	/**
	 * @param test {@code anova}, {@code welch} or {@code kruskal}
	 * @return its result in one line, or why it is missing
	 */
	String omnibus(String test) {
		Map<String, Object> result = map(report.get(test));
		if (result == null) {
			return testName(test) + ": not computed (see the messages).";
		}
		return switch (test) {
		case "anova" -> "One-way ANOVA: F = " + number(result.get("F")) + ", df = " + number(result.get("df1")) + ", "
				+ number(result.get("df2")) + ", p = " + number(result.get("p"));
		case "welch" -> "Welch's ANOVA: F = " + number(result.get("F")) + ", df = " + number(result.get("df1")) + ", "
				+ number(result.get("df2")) + ", p = " + number(result.get("p"));
		default -> "Kruskal-Wallis: H = " + number(result.get("H")) + ", df = " + number(result.get("df")) + ", p = "
				+ number(result.get("p"));
		};
	}

	static String testName(String id) {
		return switch (id) {
		case "anova" -> "one-way ANOVA";
		case "welch" -> "Welch's ANOVA";
		case "kruskal" -> "Kruskal-Wallis";
		default -> id;
		};
	}

	static String postHocName(String id) {
		return switch (id) {
		case TUKEY -> "Tukey HSD";
		case GAMES_HOWELL -> "Games-Howell";
		case WILCOX -> "pairwise Wilcoxon";
		default -> id;
		};
	}

	/** @return the group summaries with their Shapiro-Wilk test */
	ReportTable groupTable() {
		Map<String, Object> shapiro = map(report.get("shapiro"));
		List<List<String>> rows = new ArrayList<>();
		for (Map<String, Object> group : groups()) {
			String name = text(group.get("name"));
			Map<String, Object> test = shapiro == null ? null : map(shapiro.get(name));
			boolean decides = integer(group.get("n")) < DecisionRule.SMALL_GROUP;
			String verdict = test == null || !(test.get("p") instanceof Number p) ? "not computed"
					: p.doubleValue() < alpha ? "normality rejected" : "not rejected";
			rows.add(List.of(name, cell(group.get("n")), cell(group.get("mean")), cell(group.get("sd")), cell(group.get("median")),
					test == null ? "" : cell(test.get("W")), test == null ? "" : cell(test.get("p")),
					verdict + (decides ? "" : " (n ≥ " + DecisionRule.SMALL_GROUP + ": not used)")));
		}
		return new ReportTable("groups", "Groups (with Shapiro-Wilk per group)",
				List.of("group", "n", "mean", "sd", "median", "shapiro_W", "shapiro_p", "normality"), rows);
	}

	/** @return Bartlett and the three omnibus tests, the chosen one marked */
	ReportTable testTable() {
		List<List<String>> rows = new ArrayList<>();
		Map<String, Object> bartlett = map(report.get("bartlett"));
		rows.add(List.of("Bartlett (equal variances)", "K²", bartlett == null ? "" : cell(bartlett.get("statistic")),
				bartlett == null ? "" : cell(bartlett.get("df")), "", bartlett == null ? "" : cell(bartlett.get("p")), "assumption"));
		String chosen = chosenTest();
		for (String test : List.of("anova", "welch", "kruskal")) {
			Map<String, Object> result = map(report.get(test));
			String statistic = test.equals("kruskal") ? "H" : "F";
			String df1 = result == null ? "" : cell(result.get(test.equals("kruskal") ? "df" : "df1"));
			String df2 = result == null || test.equals("kruskal") ? "" : cell(result.get("df2"));
			rows.add(List.of(testName(test), statistic, result == null ? "" : cell(result.get(statistic)), df1, df2,
					result == null ? "" : cell(result.get("p")), test.equals(chosen) ? "chosen" : "not chosen"));
		}
		return new ReportTable("tests", "Assumption and omnibus tests",
				List.of("test", "statistic", "value", "df1", "df2", "p", "role"), rows);
	}

	/**
	 * @param posthoc {@link #TUKEY}, {@link #GAMES_HOWELL} or {@link #WILCOX}
	 * @return its table with a significance column (stars), or null when it was not computed
	 */
	ReportTable postHocTable(String posthoc) {
		List<List<String>> rows = new ArrayList<>();
		switch (posthoc) {
		case TUKEY -> {
			List<Map<String, Object>> pairs = list(report.get("tukey_hsd"));
			if (pairs == null) {
				return null;
			}
			for (Map<String, Object> pair : pairs) {
				rows.add(List.of(text(pair.get("group1")), text(pair.get("group2")), cell(pair.get("diff")), cell(pair.get("lwr")),
						cell(pair.get("upr")), cell(pair.get("p_adj")), stars(pair.get("p_adj"))));
			}
			return new ReportTable("posthoc_tukey", "Tukey HSD (Tukey-Kramer for unequal n); diff = mean(group2) - mean(group1)",
					List.of("group1", "group2", "diff", "lwr", "upr", "p_adj", "significance"), rows);
		}
		case GAMES_HOWELL -> {
			List<Map<String, Object>> pairs = list(report.get("games_howell"));
			if (pairs == null) {
				return null;
			}
			for (Map<String, Object> pair : pairs) {
				rows.add(List.of(text(pair.get("group1")), text(pair.get("group2")), cell(pair.get("estimate")),
						cell(pair.get("conf_low")), cell(pair.get("conf_high")), cell(pair.get("t")), cell(pair.get("df")),
						cell(pair.get("p_adj")), stars(pair.get("p_adj"))));
			}
			return new ReportTable("posthoc_games_howell", "Games-Howell",
					List.of("group1", "group2", "estimate", "conf_low", "conf_high", "t", "df", "p_adj", "significance"), rows);
		}
		default -> {
			Map<String, Object> byAdjustment = map(report.get("pairwise_wilcox"));
			if (byAdjustment == null) {
				return null;
			}
			List<Map<String, Object>> none = list(byAdjustment.get("none"));
			List<Map<String, Object>> holm = list(byAdjustment.get("holm"));
			List<Map<String, Object>> bh = list(byAdjustment.get("BH"));
			for (int i = 0; none != null && i < none.size(); i++) {
				Map<String, Object> pair = none.get(i);
				Object holmP = holm == null ? null : holm.get(i).get("p");
				rows.add(List.of(text(pair.get("group1")), text(pair.get("group2")), cell(pair.get("p")), cell(holmP),
						bh == null ? "" : cell(bh.get(i).get("p")), stars(holmP)));
			}
			return new ReportTable("posthoc_wilcox", "Pairwise Wilcoxon rank-sum tests (significance by the Holm-adjusted p)",
					List.of("group1", "group2", "p", "p_holm", "p_BH", "significance"), rows);
		}
		}
	}

	/** @return the post hoc tests in report order: the chosen one first */
	List<String> postHocOrder() {
		List<String> order = new ArrayList<>(List.of(TUKEY, GAMES_HOWELL, WILCOX));
		String chosen = chosenPostHoc();
		if (chosen != null) {
			order.remove(chosen);
			order.add(0, chosen);
		}
		return order;
	}

	/** @return the report's sentences on tests that could not be computed */
	List<String> messages() {
		List<String> messages = new ArrayList<>();
		if (report.get("messages") instanceof List<?> list) {
			list.forEach(message -> messages.add(String.valueOf(message)));
		}
		return messages;
	}

	/** @return the group summaries, in report order */
	List<Map<String, Object>> groups() {
		List<Map<String, Object>> groups = list(report.get("groups"));
		return groups == null ? List.of() : groups;
	}

	/**
	 * @param p an adjusted p-value (a Number or null)
	 * @return {@code ***} below 0.001, {@code **} below 0.01, {@code *} below alpha, else empty
	 */
	String stars(Object p) {
		if (!(p instanceof Number number) || !(number.doubleValue() < alpha)) {
			return "";
		}
		double value = number.doubleValue();
		return value < 0.001 ? "***" : value < 0.01 ? "**" : "*";
	}

	/** @return a value as a table cell: numbers at full precision, null as empty */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double d) {
			return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) (double) d) : Double.toString(d);
		}
		return String.valueOf(value);
	}

	/** @return a number as people read it: 4 significant digits */
	static String number(Object value) {
		if (!(value instanceof Number n)) {
			return "NA";
		}
		double d = n.doubleValue();
		if (value instanceof Integer || value instanceof Long || (d == Math.rint(d) && Math.abs(d) < 1e6)) {
			return Long.toString((long) d);
		}
		String text = String.format(Locale.ROOT, "%.4g", d);
		if (text.contains("e")) {
			return text.replaceAll("\\.?0+e", "e").replace("e+0", "e+").replace("e-0", "e-");
		}
		return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
	}

	private static int integer(Object value) {
		return value instanceof Number n ? n.intValue() : 0;
	}

	private static String text(Object value) {
		return value == null ? "" : String.valueOf(value);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return value instanceof List<?> ? (List<Map<String, Object>>) value : null;
	}
}
