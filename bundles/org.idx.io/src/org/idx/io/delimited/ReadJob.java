// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.idx.core.ColumnType;

/**
 * One read of one file: sample, dialect, header, parallel chunk parsing, checking the chunk
 * boundaries, a second pass for columns that turned out not to be numeric, assembly.
 */
final class ReadJob {

    private static final int SAMPLE_SIZE = 1 << 20;
    private static final int MIN_AUTO_CHUNK = 1 << 20;
    private static final int MAX_AUTO_CHUNK = 16 << 20;
    private static final int TYPE_SAMPLE_SIZE = 64 * 1024;

    private final Path file;
    private final ByteSource source;
    private final ReadOptions options;
    private final ProgressMonitor monitor;
    private final AtomicBoolean canceled = new AtomicBoolean();
    private final List<ReadWarning> warnings = new ArrayList<>();

    private byte[] sample;
    private int sampleLimit;
    private ParseSettings settings;
    private List<String> names;
    private AtomicIntegerArray notNumeric;
    private Workers workers;
    private ReadContext context;

    ReadJob(Path file, ByteSource source, ReadOptions options, ProgressMonitor monitor) {
        this.file = file;
        this.source = source;
        this.options = options;
        this.monitor = monitor;
    }

    ReadResult run() throws IOException, TableReadException {
        long size = source.size();
        monitor.begin(size);
        if (size == 0) {
            throw error(0, -1, "empty file: there is no header line");
        }
        readSample(SAMPLE_SIZE);
        int from = hasBom() ? 3 : 0;
        Issue notText = TextCheck.check(sample, from, sampleLimit, sampleLimit == size);
        if (notText != null) {
            throw error(notText.localLine(), -1, notText.message());
        }
        Dialect dialect = dialect(from);
        int headerStart = skipBlankLines(from);
        if (headerStart >= sampleLimit) {
            throw error(0, -1, "empty file: there is no header line");
        }
        Header header = readHeader(dialect, headerStart, countFeeds(from, headerStart));
        List<Issue> renamed = new ArrayList<>();
        names = ColumnNames.unique(header.fields(), (c, message) -> renamed.add(new Issue("name", 1, c, message)));
        renamed.forEach(issue -> warnings.add(warning(1, issue.columnIndex(), issue.message())));
        settings = new ParseSettings(dialect, new NaTokens(options.naTokens()), names.size(), forcedNumeric(),
                bytesPerRecordGuess(header.end()));
        notNumeric = new AtomicIntegerArray(names.size());
        context = new ReadContext(source, settings, notNumeric, canceled, new BufferPool());
        try (Workers started = new Workers(file, options.threads(), monitor, canceled)) {
            workers = started;
            ChunkPlan plan = parse(header.end(), header.lineFeeds());
            TableAssembler assembler = new TableAssembler(file, names, options, context, workers, warnings);
            return new ReadResult(assembler.assemble(plan), dialect, warnings);
        }
    }

    /**
     * The header record.
     *
     * @param fields    the names as written
     * @param end       the position after it
     * @param lineFeeds the line feeds up to its end (blank lines before it included)
     */
    private record Header(List<String> fields, int end, int lineFeeds) {
    }

    private Header readHeader(Dialect dialect, int start, int feedsBefore) throws IOException, TableReadException {
        FieldScanner scanner = new FieldScanner(dialect.delimiter());
        while (true) { // once more with a larger sample when the header does not fit
            List<String> fields = new ArrayList<>();
            int feeds = feedsBefore;
            int p = start;
            int status;
            do {
                status = scanner.scan(sample, p, sampleLimit, sampleLimit == source.size());
                if (status == FieldScanner.NEED_MORE) {
                    break;
                }
                if (status != FieldScanner.DELIMITER && status != FieldScanner.RECORD_END) {
                    throw error(1 + feeds, fields.size(), "malformed header: " + (status == FieldScanner.UNTERMINATED_QUOTE
                            ? "quoted name not closed" : status == FieldScanner.NUL_BYTE ? "NUL byte" : "text after a closing quote"));
                }
                byte[] content = Arrays.copyOfRange(sample, scanner.start, scanner.end);
                if (scanner.escapes) {
                    content = Arrays.copyOf(content, scanner.unescape(sample, content));
                }
                fields.add(new String(content, StandardCharsets.UTF_8));
                feeds += scanner.lineFeeds;
                p = scanner.next;
            } while (status == FieldScanner.DELIMITER);
            if (status == FieldScanner.RECORD_END) {
                return new Header(fields, p, feeds);
            }
            readSample((int) Math.min(Integer.MAX_VALUE - 64, 4L * sample.length));
        }
    }

    private ChunkPlan parse(long dataStart, long headerFeeds) throws IOException, TableReadException {
        learnTextColumns(dataStart);
        ChunkPlan plan = ChunkPlan.of(dataStart, source.size(), chunkSize(source.size() - dataStart));
        List<Future<ChunkData>> futures = new ArrayList<>();
        for (int i = 0; i < plan.count(); i++) {
            int index = i;
            futures.add(workers.submit(() -> {
                ChunkParser parser = new ChunkParser(context);
                long start = index == 0 ? dataStart : parser.guessRecordStart(plan.nominalStart(index));
                return parser.parse(start, plan.nominalEnd(index), firstPassModes(), index > 0, true);
            }));
        }
        long feedsBefore = headerFeeds;
        long expectedStart = dataStart;
        for (int i = 0; i < plan.count(); i++) {
            ChunkData chunk = workers.await(futures.get(i));
            if (chunk.start != expectedStart || chunk.abandoned) { // the guess was wrong: parse from the true start
                chunk = new ChunkParser(context)
                        .parse(expectedStart, plan.nominalEnd(i), firstPassModes(), false, true);
            }
            if (chunk.error != null) {
                Issue e = chunk.error;
                throw error(1 + feedsBefore + e.localLine(), e.columnIndex(), e.message());
            }
            for (int c = 0; c < chunk.notNumeric.length; c++) {
                if (chunk.notNumeric[c]) {
                    notNumeric.set(c, 1);
                }
            }
            plan.set(i, chunk, feedsBefore);
            feedsBefore += chunk.lineFeeds;
            expectedStart = chunk.end;
            monitor.worked(plan.nominalEnd(i) - plan.nominalStart(i));
        }
        return plan;
    }

    /**
     * Parses the first lines to find columns that are plainly not numeric, so that the chunks read
     * them as strings straight away instead of once more in the second pass.
     */
    private void learnTextColumns(long dataStart) throws IOException {
        long end = Math.min(source.size(), dataStart + TYPE_SAMPLE_SIZE);
        ChunkData head = new ChunkParser(context).parse(dataStart, end, firstPassModes(), false, false);
        for (int c = 0; c < head.notNumeric.length; c++) {
            if (head.notNumeric[c] && head.error == null) {
                notNumeric.set(c, 1);
            }
        }
    }

    private ChunkParser.Mode[] firstPassModes() {
        ChunkParser.Mode[] modes = new ChunkParser.Mode[names.size()];
        for (int c = 0; c < modes.length; c++) {
            ColumnType override = options.columnTypes().get(names.get(c));
            boolean strings = override == ColumnType.CATEGORICAL || override == ColumnType.TEXT || notNumeric.get(c) == 1;
            modes[c] = strings ? ChunkParser.Mode.STRING : ChunkParser.Mode.NUMERIC;
        }
        return modes;
    }

    private boolean[] forcedNumeric() {
        boolean[] forced = new boolean[names.size()];
        for (int c = 0; c < forced.length; c++) {
            forced[c] = options.columnTypes().get(names.get(c)) == ColumnType.NUMERIC;
        }
        return forced;
    }

    private int chunkSize(long dataBytes) {
        if (options.chunkSize() > 0) {
            return options.chunkSize();
        }
        long perThread = dataBytes / (4L * options.threads());
        return (int) Math.max(MIN_AUTO_CHUNK, Math.min(MAX_AUTO_CHUNK, perThread));
    }

    private Dialect dialect(int from) {
        char delimiter = options.delimiter() != null ? options.delimiter()
                : DialectSniffer.delimiter(sample, from, sampleLimit);
        char decimal = options.decimal() != null ? options.decimal()
                : DialectSniffer.decimal(sample, from, sampleLimit, delimiter);
        return new Dialect(delimiter, decimal);
    }

    private void readSample(int length) throws IOException {
        sample = new byte[(int) Math.min(length, source.size())];
        sampleLimit = source.read(0, sample, 0, sample.length);
    }

    private boolean hasBom() {
        return sampleLimit >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF;
    }

    private int skipBlankLines(int p) {
        while (p < sampleLimit && (sample[p] == '\n' || sample[p] == '\r' || sample[p] == ' ')) {
            p++;
        }
        return p;
    }

    private int countFeeds(int from, int to) {
        int feeds = 0;
        for (int i = from; i < to; i++) {
            if (sample[i] == '\n') {
                feeds++;
            }
        }
        return feeds;
    }

    private int bytesPerRecordGuess(int dataStart) {
        int feeds = countFeeds(dataStart, sampleLimit);
        return Math.max(1, feeds == 0 ? sampleLimit - dataStart : (sampleLimit - dataStart) / feeds);
    }

    private ReadWarning warning(long line, int column, String message) {
        return new ReadWarning(file, line, column + 1, column >= 0 ? names.get(column) : null, message);
    }

    private TableReadException error(long line, int column, String message) {
        String name = column >= 0 && names != null && column < names.size() ? names.get(column) : null;
        return new TableReadException(file, line, column + 1, name, message);
    }
}
