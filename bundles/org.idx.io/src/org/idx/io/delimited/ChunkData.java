// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What parsing one chunk (the records starting in a byte range) produced. */
final class ChunkData {

    /** How a column was captured in this chunk. */
    enum Capture {
        /** As numbers, for every row. */
        NUMERIC,
        /** As strings, for every row. */
        STRING,
        /** Not, or not for every row: must be parsed again if needed. */
        NONE
    }

    /** At most this many issues of one kind are kept per chunk; the rest are only counted. */
    private static final int ISSUES_PER_KIND = 20;

    /** File position of the first record. */
    final long start;
    /** File position after the last record. */
    long end;
    int rows;
    /** Line feeds in {@code [start, end)}. */
    long lineFeeds;
    /** Set when a speculative parse gave up (runaway quoted field): parse again from a known start. */
    boolean abandoned;
    /** The first error, or {@code null}. */
    Issue error;

    final Capture[] captures;
    /** Per column, whether a field was found that is no number (only trusted once the start is checked). */
    final boolean[] notNumeric;
    final NumericBuffer[] numbers;
    final CodeBuffer[] strings;
    final List<Issue> warnings = new ArrayList<>();
    final Map<String, Integer> warningCounts = new HashMap<>();

    ChunkData(long start, int columns) {
        this.start = start;
        this.end = start;
        this.captures = new Capture[columns];
        this.notNumeric = new boolean[columns];
        this.numbers = new NumericBuffer[columns];
        this.strings = new CodeBuffer[columns];
    }

    void warn(Issue issue) {
        int count = warningCounts.merge(issue.kind(), 1, Integer::sum);
        if (count <= ISSUES_PER_KIND) {
            warnings.add(issue);
        }
    }
}
