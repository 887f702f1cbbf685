// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a delimited text table (CSV, TSV, ...) into an in-memory {@link org.idx.core.DataTable}.
 *
 * <h2>Format</h2>
 * <ul>
 * <li>UTF-8, with or without a byte order mark; LF or CRLF line ends. A NUL byte or invalid UTF-8
 * in the first megabyte is an error (binary or wrongly encoded file); a NUL byte later too.</li>
 * <li>Delimiter {@code , \t ; |} sniffed from the first 100 lines unless set in the
 * {@link ReadOptions}: the candidate found on the header line whose count per line is the same on
 * at least 90% of the lines, the one giving the most columns first. Decimal mark: {@code ,} only
 * when the delimiter is {@code ;} and the first lines have numbers like {@code 12,5} and none like
 * {@code 12.5}; else {@code .}.</li>
 * <li>RFC 4180 quoting: a field starting with {@code "} may contain delimiters, line breaks and
 * doubled quotes. Text after a closing quote, or a quote left open at the end of the file, is an
 * error.</li>
 * <li>The first line is the header. Names are stripped of surrounding white space; empty names
 * become {@code V<n>}; repeated names get {@code .1}, {@code .2} as R's {@code make.unique}
 * (warning). Blank lines are skipped.</li>
 * <li>NA: an empty field and the {@link ReadOptions#naTokens() NA tokens} ({@code NA NaN null #N/A}
 * by default). In text and categorical columns only unquoted tokens are NA ({@code "NA"} is the
 * string NA; {@code ""} the empty string); in numeric columns quoted ones too.</li>
 * </ul>
 *
 * <h2>Types</h2>
 * A column is numeric when every non-NA field is a number; it is an integer column when every
 * number is whole and written without fraction or exponent. A column of whole numbers of which
 * one exceeds 2<sup>53</sup> in magnitude (64-bit identifiers) is read as text, with a warning, so
 * that no identifier is silently rounded. Other columns are categorical when they have at most
 * {@link ReadOptions#maxLevels()} distinct values and at most half as many distinct values as
 * non-NA rows (levels sorted by {@link String#compareTo}), else text. A per-column override in
 * {@link ReadOptions#columnTypes()} wins; a forced-numeric column reads non-numbers as NA with a
 * warning.
 *
 * <h2>Irregular input</h2>
 * <ul>
 * <li>too few fields in a record: the missing values are NA; warning naming the line;</li>
 * <li>too many fields: error naming the line (the columns would be shifted);</li>
 * <li>all-NA column: kept as numeric; warning. Constant column (one distinct value, more than one
 * row): kept; warning;</li>
 * <li>header only: a table with 0 rows. Empty file: error.</li>
 * </ul>
 * Warnings and errors name the file, the 1-based line (header = line 1; where a record spans lines,
 * its first line) and the column. At most 10 warnings of each kind are listed, then a count.
 *
 * <h2>Speed and size</h2>
 * The file is read with positional reads in chunks (positions are {@code long}: files beyond
 * 2 GB work) and the chunks are parsed in parallel; numbers are parsed from bytes. Nothing partly
 * read is returned: an error throws {@link TableReadException}, cancellation
 * {@link java.util.concurrent.CancellationException}.
 */
public final class DelimitedTableReader {

    private DelimitedTableReader() {
    }

    /**
     * Reads with the default options and no progress reporting.
     *
     * @param file the file
     * @return the table and what the reader made of the file
     * @throws TableReadException when the file cannot be read as a table
     */
    public static ReadResult read(Path file) throws TableReadException {
        return read(file, ReadOptions.DEFAULTS, ProgressMonitor.NONE);
    }

    /**
     * @param file    the file
     * @param options the options
     * @param monitor progress and cancellation, called on this thread only
     * @return the table and what the reader made of the file
     * @throws TableReadException when the file cannot be read as a table
     * @throws java.util.concurrent.CancellationException when the monitor asked to stop
     */
    public static ReadResult read(Path file, ReadOptions options, ProgressMonitor monitor) throws TableReadException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new ReadJob(file, new ByteSource(channel), options, monitor).run();
        } catch (NoSuchFileException e) {
            throw new TableReadException(file, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new TableReadException(file, "permission denied", e);
        } catch (IOException e) {
            throw new TableReadException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
