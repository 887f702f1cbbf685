// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnType;
import org.idx.core.NumericColumn;
import org.idx.core.NumericSummary;
import org.idx.core.TextColumn;
import org.idx.core.memory.InMemoryDataTable;

/**
 * Turns checked chunks into a table: decides each column's type, parses again as strings what
 * the first pass took for numbers, joins the chunks column by column (in parallel), and adds the
 * warnings about chunks and columns.
 */
final class TableAssembler {

    private static final int WARNINGS_PER_KIND = 10;

    private final Path file;
    private final List<String> names;
    private final ReadOptions options;
    private final ReadContext context;
    private final Workers workers;
    private final List<ReadWarning> warnings;

    TableAssembler(Path file, List<String> names, ReadOptions options, ReadContext context, Workers workers,
            List<ReadWarning> warnings) {
        this.file = file;
        this.names = names;
        this.options = options;
        this.context = context;
        this.workers = workers;
        this.warnings = warnings;
    }

    InMemoryDataTable assemble(ChunkPlan plan) throws TableReadException {
        long totalRows = plan.rows();
        if (totalRows > Integer.MAX_VALUE - 8) {
            throw new TableReadException(file, 0, 0, null, totalRows + " rows: more than an in-memory table can hold");
        }
        int rows = (int) totalRows;
        int columns = names.size();
        ColumnType[] kinds = new ColumnType[columns]; // NUMERIC, or null for "strings, type to infer"
        for (int c = 0; c < columns; c++) {
            kinds[c] = finalKind(plan, c, rows > 0);
        }
        reparseStrings(plan, kinds);
        collectChunkWarnings(plan);
        ColumnBuilder builder = new ColumnBuilder(plan.chunks(), rows);
        List<Future<Column>> built = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            int index = c;
            String name = names.get(c);
            built.add(workers.submit(() -> {
                Column column;
                if (kinds[index] == ColumnType.NUMERIC) {
                    column = builder.numeric(name, index, plan.chunks().stream().allMatch(k -> k.rows == 0
                            || k.numbers[index].integral && k.numbers[index].firstBigIntegerLine < 0));
                } else {
                    ColumnType type = options.columnTypes().get(name);
                    column = builder.strings(name, index, rows == 0 && type == null ? ColumnType.TEXT : type,
                            options.maxLevels());
                }
                column.naCount(); // statistics are cached in the column: compute them here, in parallel
                return column;
            }));
        }
        List<Column> result = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            Column column = workers.await(built.get(c));
            checkValues(column, c, rows);
            result.add(column);
        }
        return new InMemoryDataTable(rows, result);
    }

    private ColumnType finalKind(ChunkPlan plan, int c, boolean anyRows) {
        ColumnType override = options.columnTypes().get(names.get(c));
        if (override == ColumnType.NUMERIC) {
            warnBigIntegers(plan, c, "integers beyond 2^53 are rounded to the nearest double (column forced numeric)");
            return ColumnType.NUMERIC;
        }
        if (override != null || context.notNumeric().get(c) == 1) {
            return null;
        }
        if (!anyRows) {
            return ColumnType.NUMERIC;
        }
        boolean integral = plan.chunks().stream().allMatch(k -> k.rows == 0 || k.numbers[c].integral);
        if (integral && warnBigIntegers(plan, c, "whole numbers beyond 2^53 (identifiers?) cannot be stored exactly as"
                + " numbers; the column is read as text")) {
            return null;
        }
        return ColumnType.NUMERIC;
    }

    private boolean warnBigIntegers(ChunkPlan plan, int c, String message) {
        for (int i = 0; i < plan.count(); i++) {
            ChunkData chunk = plan.chunk(i);
            if (chunk.rows > 0 && chunk.numbers[c] != null && chunk.numbers[c].firstBigIntegerLine >= 0) {
                warnings.add(warning(1 + plan.feedsBefore(i) + chunk.numbers[c].firstBigIntegerLine, c, message));
                return true;
            }
        }
        return false;
    }

    /** Parses again, as strings, the chunks of string columns that the first pass took for numbers. */
    private void reparseStrings(ChunkPlan plan, ColumnType[] kinds) throws TableReadException {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < plan.count(); i++) {
            ChunkData chunk = plan.chunk(i);
            ChunkParser.Mode[] modes = new ChunkParser.Mode[kinds.length];
            boolean needed = false;
            for (int c = 0; c < kinds.length; c++) {
                boolean again = kinds[c] == null && chunk.captures[c] != ChunkData.Capture.STRING;
                modes[c] = again ? ChunkParser.Mode.STRING : ChunkParser.Mode.SKIP;
                needed |= again;
            }
            if (!needed || chunk.rows == 0) {
                continue;
            }
            long nominalEnd = plan.nominalEnd(i);
            futures.add(workers.submit(() -> {
                ChunkData again = new ChunkParser(context)
                        .parse(chunk.start, nominalEnd, modes, false, false);
                if (again.rows != chunk.rows || again.error != null) {
                    throw new IllegalStateException("second pass disagrees on chunk at " + chunk.start);
                }
                for (int c = 0; c < modes.length; c++) {
                    if (modes[c] == ChunkParser.Mode.STRING) {
                        chunk.strings[c] = again.strings[c];
                        chunk.captures[c] = ChunkData.Capture.STRING;
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            workers.await(future);
        }
    }

    private void collectChunkWarnings(ChunkPlan plan) {
        Map<String, Integer> listed = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        for (int i = 0; i < plan.count(); i++) {
            ChunkData chunk = plan.chunk(i);
            chunk.warningCounts.forEach((kind, n) -> total.merge(kind, n, Integer::sum));
            for (Issue issue : chunk.warnings) {
                if (listed.merge(issue.kind(), 1, Integer::sum) <= WARNINGS_PER_KIND) {
                    warnings.add(warning(1 + plan.feedsBefore(i) + issue.localLine(), issue.columnIndex(), issue.message()));
                }
            }
        }
        total.forEach((kind, n) -> {
            if (n > WARNINGS_PER_KIND) {
                warnings.add(warning(0, -1, (n - WARNINGS_PER_KIND) + " more lines with the same problem ("
                        + kind + ") not listed"));
            }
        });
    }

    private void checkValues(Column column, int c, int rows) {
        if (rows == 0) {
            return;
        }
        if (column.naCount() == rows) {
            warnings.add(warning(1, c, "all values are NA; kept as an empty numeric column"));
        } else if (rows > 1 && isConstant(column)) {
            warnings.add(warning(1, c, "all non-NA values are equal ('" + firstValue(column) + "'); kept"));
        }
    }

    private static boolean isConstant(Column column) {
        return switch (column) {
            case NumericColumn numbers -> {
                NumericSummary s = numbers.summary();
                yield s.min() == s.max();
            }
            case CategoricalColumn categories -> categories.levels().size() == 1;
            case TextColumn text -> {
                String first = null;
                for (int row = 0; row < text.size(); row++) {
                    String v = text.value(row);
                    if (v != null) {
                        if (first != null && !first.equals(v)) {
                            yield false;
                        }
                        first = v;
                    }
                }
                yield true;
            }
        };
    }

    private static String firstValue(Column column) {
        for (int row = 0; row < column.size(); row++) {
            if (!column.isNA(row)) {
                return column.text(row);
            }
        }
        return "";
    }

    private ReadWarning warning(long line, int column, String message) {
        return new ReadWarning(file, line, column + 1, column >= 0 ? names.get(column) : null, message);
    }
}
