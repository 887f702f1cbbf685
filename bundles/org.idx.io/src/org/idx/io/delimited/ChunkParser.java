// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * Parses the records that start in one byte range of the file into {@link ChunkData}.
 * <p>
 * A chunk owns every record whose first byte lies in {@code [start, nominalEnd)}; the last such
 * record may run past {@code nominalEnd}, and the buffer then grows. A chunk's true start is the
 * previous chunk's end, which is known only after that one is parsed, so chunks are first parsed
 * from a <em>guessed</em> start (the byte after the first line feed at or after the nominal
 * start) and checked afterwards; see {@link DelimitedTableReader}. One instance per task.
 */
final class ChunkParser {

    /** How to parse a column's fields in this pass. */
    enum Mode {
        NUMERIC, STRING, SKIP
    }

    private static final int MARGIN = 64 * 1024;
    private static final int MAX_BUFFER = Integer.MAX_VALUE - 64;

    private final ReadContext context;
    private final ByteSource source;
    private final ParseSettings settings;
    private final FieldScanner scanner;
    private final NumberParser numbers;
    private byte[] unescaped = new byte[256];

    private byte[] buffer;
    private long bufferStart;
    private int limit;
    private boolean eof;

    /**
     * @param context what the parsers of one read share
     */
    ChunkParser(ReadContext context) {
        this.context = context;
        this.source = context.source();
        this.settings = context.settings();
        this.scanner = new FieldScanner(settings.dialect().delimiter());
        this.numbers = new NumberParser(settings.dialect().decimal());
    }

    /**
     * @param position a file position
     * @return the position after the first line feed at or after {@code position - 1}, or the file
     *         size when there is none
     */
    long guessRecordStart(long position) throws IOException {
        byte[] block = new byte[64 * 1024];
        long at = position - 1;
        while (at < source.size()) {
            int n = source.read(at, block, 0, block.length);
            for (int i = 0; i < n; i++) {
                if (block[i] == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
        return source.size();
    }

    /**
     * Parses the records starting in {@code [start, nominalEnd)}.
     *
     * @param start        the first record's position
     * @param nominalEnd   records starting here or later belong to the next chunk
     * @param modes        how to parse each column (copied; a numeric column that meets a non-number
     *                     switches to {@link Mode#SKIP})
     * @param speculative  whether {@code start} is only a guess: then the parse gives up rather than
     *                     grow its buffer far beyond the chunk
     * @param recordIssues whether to report record-level warnings (off when parsing again)
     */
    ChunkData parse(long start, long nominalEnd, Mode[] modes, boolean speculative, boolean recordIssues)
            throws IOException {
        int columns = settings.columnCount();
        ChunkData data = new ChunkData(start, columns);
        if (start >= nominalEnd) {
            return data;
        }
        Mode[] mode = modes.clone();
        int numericColumns = (int) Arrays.stream(mode).filter(m -> m == Mode.NUMERIC).count();
        int capacity = (int) Math.min((Integer.MAX_VALUE - 8) / Math.max(1, numericColumns),
                (nominalEnd - start) / settings.bytesPerRecordGuess() * 9 / 8 + 16);
        double[] slab = new double[numericColumns * capacity];
        int segment = 0;
        for (int c = 0; c < columns; c++) {
            switch (mode[c]) {
                case NUMERIC -> {
                    data.numbers[c] = new NumericBuffer(slab, capacity * segment++);
                    data.captures[c] = ChunkData.Capture.NUMERIC;
                }
                case STRING -> {
                    data.strings[c] = new CodeBuffer(capacity);
                    data.captures[c] = ChunkData.Capture.STRING;
                }
                case SKIP -> data.captures[c] = ChunkData.Capture.NONE;
            }
        }
        long span = nominalEnd - start;
        long giveUpAt = span + 4 * span + MARGIN;
        load(start, (int) Math.min(MAX_BUFFER, span + MARGIN));
        int p = 0;
        long feeds = 0;
        int row = 0;
        records:
        while (true) {
            while (true) { // blank lines
                if (bufferStart + p >= nominalEnd) {
                    break records;
                }
                if (p < limit && buffer[p] == '\n') {
                    p++;
                    feeds++;
                } else if (p + 1 < limit && buffer[p] == '\r' && buffer[p + 1] == '\n') {
                    p += 2;
                    feeds++;
                } else if (p + 1 >= limit && !eof) {
                    if (!grow(speculative, giveUpAt)) {
                        data.abandoned = true;
                        return data;
                    }
                } else {
                    break;
                }
            }
            if (p >= limit) {
                break; // end of file
            }
            if (row == capacity) {
                capacity = growRows(data, capacity);
            }
            int recordStart = p;
            long recordFeeds = feeds;
            int field = 0;
            while (true) {
                int status = scanner.scan(buffer, p, limit, eof);
                if (status == FieldScanner.NEED_MORE) {
                    if (!grow(speculative, giveUpAt)) {
                        data.abandoned = true;
                        return data;
                    }
                    p = recordStart;
                    feeds = recordFeeds;
                    field = 0;
                    for (NumericBuffer buffered : data.numbers) {
                        if (buffered != null) {
                            buffered.clear(row);
                        }
                    }
                    continue;
                }
                if (status != FieldScanner.DELIMITER && status != FieldScanner.RECORD_END) {
                    data.error = scanError(status, recordFeeds, field);
                    return data;
                }
                if (field >= columns) {
                    data.error = new Issue("fields", recordFeeds, -1, "more fields than the " + columns
                            + " columns of the header (too many delimiters, or a quote missing?)");
                    return data;
                }
                feeds += scanner.lineFeeds;
                store(data, mode, field, row, recordFeeds);
                field++;
                p = scanner.next;
                if (status == FieldScanner.RECORD_END) {
                    break;
                }
            }
            if (field < columns) {
                for (int c = field; c < columns; c++) {
                    storeNA(data, mode, c, row);
                }
                if (recordIssues) {
                    data.warn(new Issue("ragged", recordFeeds, -1, field + " fields instead of " + columns
                            + "; the missing values are NA"));
                }
            }
            row++;
            if ((row & 4095) == 0 && context.canceled().get()) {
                throw new CancellationException();
            }
        }
        data.end = bufferStart + p;
        data.rows = row;
        data.lineFeeds = feeds;
        context.buffers().give(buffer);
        return data;
    }

    private void store(ChunkData data, Mode[] mode, int c, int row, long line) {
        switch (mode[c]) {
            case NUMERIC -> storeNumber(data, mode, c, row, line);
            case STRING -> {
                int code;
                if (!scanner.quoted && settings.naTokens().matches(buffer, scanner.start, scanner.end)) {
                    code = CodeBuffer.NA;
                } else if (scanner.escapes) {
                    int n = unescapeField();
                    code = data.strings[c].pool.intern(unescaped, 0, n);
                } else {
                    code = data.strings[c].pool.intern(buffer, scanner.start, scanner.end);
                }
                data.strings[c].codes[row] = code;
            }
            case SKIP -> {
                // not wanted in this pass
            }
        }
    }

    private void storeNumber(ChunkData data, Mode[] mode, int c, int row, long line) {
        NumericBuffer target = data.numbers[c];
        if (settings.naTokens().matches(buffer, scanner.start, scanner.end)) {
            target.setNA(row); // in a numeric column even a quoted NA token is NA
            return;
        }
        int kind = scanner.escapes ? NumberParser.NOT_A_NUMBER : numbers.parse(buffer, scanner.start, scanner.end);
        switch (kind) {
            case NumberParser.INTEGER -> target.set(row, numbers.value);
            case NumberParser.DECIMAL -> {
                target.set(row, numbers.value);
                target.integral = false;
            }
            case NumberParser.BIG_INTEGER -> {
                target.set(row, numbers.value);
                if (target.firstBigIntegerLine < 0) {
                    target.firstBigIntegerLine = line;
                }
            }
            default -> {
                if (settings.forcedNumeric()[c]) {
                    target.setNA(row);
                    data.warn(new Issue("not-a-number", line, c, "'" + fieldText() + "' is not a number; read as NA"));
                } else {
                    mode[c] = Mode.SKIP;
                    data.captures[c] = ChunkData.Capture.NONE;
                    data.notNumeric[c] = true;
                }
            }
        }
    }

    private void storeNA(ChunkData data, Mode[] mode, int c, int row) {
        switch (mode[c]) {
            case NUMERIC -> data.numbers[c].setNA(row);
            case STRING -> data.strings[c].codes[row] = CodeBuffer.NA;
            case SKIP -> {
                // not wanted in this pass
            }
        }
    }

    private int unescapeField() {
        if (unescaped.length < scanner.length()) {
            unescaped = new byte[Math.max(scanner.length(), 2 * unescaped.length)];
        }
        return scanner.unescape(buffer, unescaped);
    }

    private String fieldText() {
        int n = Math.min(scanner.length(), 40);
        return new String(buffer, scanner.start, n, StandardCharsets.UTF_8);
    }

    private static Issue scanError(int status, long line, int field) {
        return switch (status) {
            case FieldScanner.NUL_BYTE -> new Issue("binary", line, field, "NUL byte: this is not a text table");
            case FieldScanner.UNTERMINATED_QUOTE -> new Issue("quote", line, field,
                    "quoted field not closed before the end of the file");
            default -> new Issue("quote", line, field, "text after the closing quote of a quoted field");
        };
    }

    private int growRows(ChunkData data, int capacity) {
        int numericColumns = (int) Arrays.stream(data.numbers).filter(b -> b != null).count();
        int bigger = (int) Math.min((Integer.MAX_VALUE - 8) / Math.max(1, numericColumns), capacity + (capacity >> 1) + 16L);
        if (bigger <= capacity) {
            throw new IllegalStateException("too many rows in one chunk");
        }
        double[] slab = new double[numericColumns * bigger];
        int segment = 0;
        for (int c = 0; c < data.numbers.length; c++) {
            if (data.numbers[c] != null) {
                data.numbers[c].moveTo(slab, bigger * segment++, capacity);
            }
            if (data.strings[c] != null) {
                data.strings[c].grow(bigger);
            }
        }
        return bigger;
    }

    private void load(long position, int length) throws IOException {
        buffer = context.buffers().take(length);
        bufferStart = position;
        limit = source.read(position, buffer, 0, length);
        eof = position + limit >= source.size();
    }

    /** Doubles the buffer and reads on; false when a speculative parse should give up instead. */
    private boolean grow(boolean speculative, long giveUpAt) throws IOException {
        if (eof) {
            return true;
        }
        long bigger = Math.min(MAX_BUFFER, 2L * buffer.length);
        if (speculative && bigger > giveUpAt) {
            return false;
        }
        if (bigger <= limit) {
            throw new IOException("A record longer than " + MAX_BUFFER + " bytes");
        }
        byte[] grown = Arrays.copyOf(buffer, (int) bigger);
        int n = source.read(bufferStart + limit, grown, limit, grown.length - limit);
        buffer = grown;
        limit += n;
        eof = bufferStart + limit >= source.size();
        return true;
    }
}
