// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.idx.core.ColumnType;

/**
 * Options of {@link DelimitedTableReader}. Immutable; change with the {@code with...} methods.
 *
 * @param delimiter   the field separator, or {@code null} to sniff it from the first lines
 * @param decimal     the decimal mark, or {@code null}: {@code ,} when the delimiter is a sniffed
 *                    {@code ;} and numbers in the first lines use a comma, else {@code .}
 * @param naTokens    unquoted field contents that mean NA (an empty field always does)
 * @param columnTypes per-column type overrides by (final, de-duplicated) column name
 * @param maxLevels   inference: a string column is categorical when it has at most this many
 *                    distinct values and at most half as many distinct values as non-NA rows
 * @param threads     worker threads
 * @param chunkSize   bytes per parallel chunk, or 0 to choose from the file size and threads
 */
public record ReadOptions(Character delimiter, Character decimal, List<String> naTokens,
        Map<String, ColumnType> columnTypes, int maxLevels, int threads, int chunkSize) {

    /** The NA tokens used by default. */
    public static final List<String> DEFAULT_NA_TOKENS = List.of("NA", "NaN", "null", "#N/A");

    /** Sniffed dialect, default NA tokens, inferred types, all processors. */
    public static final ReadOptions DEFAULTS = new ReadOptions(null, null, DEFAULT_NA_TOKENS, Map.of(), 1000,
            Runtime.getRuntime().availableProcessors(), 0);

    /** Validates and copies. */
    public ReadOptions {
        naTokens = List.copyOf(naTokens);
        columnTypes = Map.copyOf(columnTypes);
        if (threads < 1 || chunkSize < 0 || maxLevels < 1) {
            throw new IllegalArgumentException("threads and maxLevels must be positive, chunkSize not negative");
        }
    }

    /**
     * @param dialect a fixed delimiter and decimal mark
     * @return options that use it instead of sniffing
     */
    public ReadOptions withDialect(Dialect dialect) {
        return new ReadOptions(dialect.delimiter(), dialect.decimal(), naTokens, columnTypes, maxLevels, threads, chunkSize);
    }

    /**
     * @param column a column name
     * @param type   the type it must get
     * @return options with that override added
     */
    public ReadOptions withColumnType(String column, ColumnType type) {
        Map<String, ColumnType> copy = new HashMap<>(columnTypes);
        copy.put(Objects.requireNonNull(column), Objects.requireNonNull(type));
        return new ReadOptions(delimiter, decimal, naTokens, copy, maxLevels, threads, chunkSize);
    }

    /**
     * @param tokens the NA tokens
     * @return options with these NA tokens
     */
    public ReadOptions withNaTokens(List<String> tokens) {
        return new ReadOptions(delimiter, decimal, tokens, columnTypes, maxLevels, threads, chunkSize);
    }

    /**
     * @param workerThreads the number of worker threads
     * @param bytesPerChunk bytes per chunk, 0 for automatic
     * @return options with this parallelism
     */
    public ReadOptions withParallelism(int workerThreads, int bytesPerChunk) {
        return new ReadOptions(delimiter, decimal, naTokens, columnTypes, maxLevels, workerThreads, bytesPerChunk);
    }

    /**
     * @param levels the categorical inference limit
     * @return options with it
     */
    public ReadOptions withMaxLevels(int levels) {
        return new ReadOptions(delimiter, decimal, naTokens, columnTypes, levels, threads, chunkSize);
    }
}
