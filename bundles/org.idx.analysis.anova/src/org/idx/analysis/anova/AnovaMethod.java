// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.anova;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisMethod;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.ParameterValues;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.stats.AnovaAnalysis;
import org.idx.stats.AnovaReport;
import org.idx.stats.BartlettTest;
import org.idx.stats.Decision;
import org.idx.stats.DecisionRule;
import org.idx.stats.GroupSummary;
import org.idx.stats.GroupedSample;
import org.idx.stats.KruskalWallis;
import org.idx.stats.NotComputableException;
import org.idx.stats.OneWayAnova;
import org.idx.stats.ShapiroWilk;
import org.idx.stats.WelchAnova;

/**
 * The {@code anova} method: one numeric column compared between the groups of another column, with
 * every assumption test, omnibus test and post hoc test of {@link AnovaAnalysis} and the Image Data
 * Explorer's decision rule. Rows with NA in the value or the group are dropped (an infinite value
 * counts as NA, with a message). No new columns; the report is the {@code anova} report of the CLI
 * contract plus {@code messages}, sentences on every test that could not be computed (which is
 * {@code null} in the report).
 * <p>
 * A numeric grouping column is grouped by its distinct values, labelled as R prints them
 * ({@link GroupLabels}). With more than {@value #PAIRWISE_GROUP_LIMIT} groups the pairwise tests
 * (pairwise Wilcoxon, Tukey HSD, Games-Howell) are not computed (their tables would have
 * k(k - 1)/2 rows: 49,995,000 for 10,000 groups); they are {@code null} with a message, and the
 * group summaries, Shapiro-Wilk, Bartlett, ANOVA, Welch, Kruskal-Wallis and the decision are still
 * reported. Where one kind of message repeats for many groups, the first
 * {@value #MESSAGES_PER_KIND} are kept and one sentence counts the rest.
 */
public final class AnovaMethod implements AnalysisMethod {

    /** The most groups for which the pairwise (post hoc) tables are computed. */
    public static final int PAIRWISE_GROUP_LIMIT = 200;

    /** How many messages of one repeated kind are listed before the rest are counted. */
    public static final int MESSAGES_PER_KIND = 10;

    /** Message kinds that can repeat once per group or pair: prefix, and what to call them. */
    private static final String[][] REPEATED = {
            { "Shapiro-Wilk for group ", "Shapiro-Wilk" },
            { "Decision: normality of group ", "Decision" },
            { "Wilcoxon test ", "Wilcoxon" },
            { "Games-Howell ", "Games-Howell" } };

    @Override
    public AnalysisResult run(DataTable table, ParameterValues parameters, IProgressMonitor monitor) throws AnalysisException {
        SubMonitor progress = SubMonitor.convert(monitor, "One-way ANOVA", 100);
        Column valueColumn = parameters.column(table, "value")
                .orElseThrow(() -> new AnalysisException("choose the numeric column to compare (parameter value)"));
        if (!(valueColumn instanceof NumericColumn numeric)) {
            throw new AnalysisException("column '" + valueColumn.name() + "' is " + valueColumn.type().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not numeric (parameter value)");
        }
        Column groupColumn = parameters.column(table, "group")
                .orElseThrow(() -> new AnalysisException("choose the grouping column (parameter group)"));
        double alpha = parameters.number("alpha");
        if (!(alpha > 0 && alpha < 1)) {
            throw new AnalysisException("parameter 'alpha' must be strictly between 0 and 1, it is " + alpha);
        }
        checkCanceled(progress);
        int n = table.rowCount();
        double[] values = new double[n];
        int infinite = 0;
        for (int row = 0; row < n; row++) {
            double value = numeric.isNA(row) ? Double.NaN : numeric.value(row);
            if (Double.isInfinite(value)) {
                infinite++;
            }
            values[row] = value;
        }
        String[] labels = GroupLabels.of(groupColumn);
        Optional<String> kept = parameters.string("groups").filter(text -> !text.isBlank());
        if (kept.isPresent()) {
            int size = keepGroups(values, labels, groupColumn.name(), kept.get());
            values = Arrays.copyOf(values, size);
            labels = Arrays.copyOf(labels, size);
        }
        progress.worked(10);
        checkCanceled(progress);
        GroupedSample sample = GroupedSample.of(values, labels);
        progress.worked(20);
        checkCanceled(progress);
        AnovaReport report = sample.groupCount() <= PAIRWISE_GROUP_LIMIT ? AnovaAnalysis.run(sample, alpha)
                : withoutPairwise(sample, alpha);
        progress.worked(65);
        List<String> messages = new ArrayList<>();
        if (infinite > 0) {
            messages.add(infinite + (infinite == 1 ? " row has" : " rows have") + " an infinite value in column '"
                    + valueColumn.name() + "'; " + (infinite == 1 ? "it was" : "they were") + " treated as missing.");
        }
        messages.addAll(condense(report.messages()));
        Map<String, Object> map = new LinkedHashMap<>(report.toMap());
        map.put("messages", messages);
        progress.done();
        return new AnalysisResult(List.of(), map);
    }

    /**
     * Moves the rows of the listed groups to the front of the arrays, in their order.
     *
     * @param values the values per row
     * @param labels the group label per row ({@code null} for NA)
     * @param column the grouping column's name, for messages
     * @param list   the groups to keep, comma-separated
     * @return the number of rows kept
     * @throws AnalysisException when a listed group is not in the column, or fewer than two are listed
     */
    static int keepGroups(double[] values, String[] labels, String column, String list) throws AnalysisException {
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                wanted.add(name.strip());
            }
        }
        Set<String> present = new HashSet<>();
        for (String label : labels) {
            if (label != null) {
                present.add(label);
            }
        }
        for (String name : wanted) {
            if (!present.contains(name)) {
                throw new AnalysisException("group '" + name + "' of parameter 'groups' is not a value of column '" + column + "'");
            }
        }
        if (wanted.size() < 2) {
            throw new AnalysisException("parameter 'groups' must list at least two groups, comma-separated; it lists " + wanted.size());
        }
        int size = 0;
        for (int row = 0; row < labels.length; row++) {
            if (labels[row] != null && wanted.contains(labels[row])) {
                values[size] = values[row];
                labels[size] = labels[row];
                size++;
            }
        }
        return size;
    }

    /**
     * Everything but the pairwise tables, for more than {@link #PAIRWISE_GROUP_LIMIT} groups (the
     * same tests and messages as {@link AnovaAnalysis#run(GroupedSample, double)} otherwise).
     */
    static AnovaReport withoutPairwise(GroupedSample sample, double alpha) {
        int k = sample.groupCount();
        List<String> messages = new ArrayList<>();
        if (sample.droppedRows() > 0) {
            messages.add(sample.droppedRows() + " rows with a missing value or group were dropped.");
        }
        List<GroupSummary> summaries = IntStream.range(0, k).parallel().mapToObj(g -> GroupSummary.of(sample, g)).toList();
        ShapiroWilk.Result[] tests = new ShapiroWilk.Result[k];
        IntStream.range(0, k).parallel().forEach(g -> tests[g] = attempt(() -> ShapiroWilk.test(sample.values(g)), null));
        Map<String, ShapiroWilk.Result> shapiro = new LinkedHashMap<>();
        for (int g = 0; g < k; g++) {
            if (tests[g] == null) {
                int size = sample.size(g);
                messages.add("Shapiro-Wilk for group " + sample.name(g) + ": "
                        + (size < ShapiroWilk.MIN_SIZE || size > ShapiroWilk.MAX_SIZE
                                ? "not computed for " + size + " values (defined for 3 to 5000)."
                                : "not computed, all values are identical."));
            }
            shapiro.put(sample.name(g), tests[g]);
        }
        BartlettTest.Result bartlett = attempt(() -> BartlettTest.test(sample), messages);
        OneWayAnova.Result anova = attempt(() -> OneWayAnova.test(sample), messages);
        WelchAnova.Result welch = attempt(() -> WelchAnova.test(sample), messages);
        KruskalWallis.Result kruskal = attempt(() -> KruskalWallis.test(sample), messages);
        long pairs = (long) k * (k - 1) / 2;
        messages.add("Pairwise Wilcoxon tests, Tukey HSD and Games-Howell were not computed: " + k
                + " groups would make " + pairs + " pairs, they are computed for at most " + PAIRWISE_GROUP_LIMIT
                + " groups.");
        Decision decision = DecisionRule.decide(sample, shapiro, bartlett, alpha, messages);
        return new AnovaReport(sample.totalSize(), k, summaries, shapiro, bartlett, anova, welch, kruskal, null,
                null, null, decision, List.copyOf(messages));
    }

    /** Keeps the first {@link #MESSAGES_PER_KIND} messages of a repeated kind and counts the rest. */
    static List<String> condense(List<String> messages) {
        int[] seen = new int[REPEATED.length];
        int[] total = new int[REPEATED.length];
        int[] lastKept = new int[REPEATED.length];
        for (String message : messages) {
            int kind = kind(message);
            if (kind >= 0) {
                total[kind]++;
            }
        }
        List<String> result = new ArrayList<>();
        for (String message : messages) {
            int kind = kind(message);
            if (kind < 0) {
                result.add(message);
                continue;
            }
            if (++seen[kind] <= MESSAGES_PER_KIND) {
                result.add(message);
                lastKept[kind] = result.size();
            }
        }
        // insert the counts from the last position backwards so that earlier positions stay valid
        List<Integer> condensed = new ArrayList<>();
        for (int kind = 0; kind < REPEATED.length; kind++) {
            if (total[kind] > MESSAGES_PER_KIND) {
                condensed.add(kind);
            }
        }
        condensed.sort((a, b) -> Integer.compare(lastKept[b], lastKept[a]));
        for (int kind : condensed) {
            int more = total[kind] - MESSAGES_PER_KIND;
            result.add(lastKept[kind], REPEATED[kind][1] + ": " + more + " more message" + (more == 1 ? "" : "s")
                    + " like the one above " + (more == 1 ? "was" : "were") + " left out (" + total[kind] + " in all).");
        }
        return result;
    }

    private static int kind(String message) {
        for (int kind = 0; kind < REPEATED.length; kind++) {
            if (message.startsWith(REPEATED[kind][0])) {
                return kind;
            }
        }
        return -1;
    }

    private static <T> T attempt(Supplier<T> test, List<String> messages) {
        try {
            return test.get();
        } catch (NotComputableException e) {
            if (messages != null && !messages.contains(e.getMessage())) {
                messages.add(e.getMessage());
            }
            return null;
        }
    }

    private static void checkCanceled(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }
}
