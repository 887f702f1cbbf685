// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnType;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedTableReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String name, byte[] content) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, content);
        return path;
    }

    private ReadResult read(String content) throws Exception {
        return DelimitedTableReader.read(file("t.csv", content));
    }

    private static NumericColumn numbers(DataTable table, String name) {
        return (NumericColumn) table.column(name);
    }

    private static String warnings(ReadResult result) {
        return String.join("\n", result.warnings().stream().map(ReadWarning::toString).toList());
    }

    @Test
    void readsTypesAndNA() throws Exception {
        ReadResult result = read("id,Area,siRNA,path\n1,10.5,ctrl,a.tif\n2,NA,kd,b.tif\n3,,ctrl,\n4,NaN,kd,d.tif\n"
                + "5,null,ctrl,e.tif\n6,#N/A,kd,f.tif\n");
        DataTable table = result.table();
        assertEquals(6, table.rowCount());
        assertEquals(Dialect.CSV, result.dialect());
        NumericColumn id = numbers(table, "id");
        assertTrue(id.isInteger());
        assertEquals("6", id.text(5));
        NumericColumn area = numbers(table, "Area");
        assertFalse(area.isInteger());
        assertEquals(5, area.naCount());
        assertEquals(10.5, area.value(0));
        CategoricalColumn siRNA = (CategoricalColumn) table.column("siRNA");
        assertEquals(List.of("ctrl", "kd"), siRNA.levels());
        assertEquals("kd", siRNA.text(3));
        TextColumn path = (TextColumn) table.column("path");
        assertNull(path.value(2));
        assertEquals("f.tif", path.value(5));
    }

    @Test
    void sniffsTabSemicolonPipeAndDecimalComma() throws Exception {
        ReadResult tab = read("a\tb\n1,5\t2\n3\t4\n");
        assertEquals('\t', tab.dialect().delimiter());
        assertEquals(ColumnType.TEXT, tab.table().column("a").type()); // "1,5" is no number here
        ReadResult semicolon = read("a;b;c\n1,5;-2,25;x\n3;4,0;x\n");
        assertEquals(new Dialect(';', ','), semicolon.dialect());
        assertEquals(-2.25, numbers(semicolon.table(), "b").value(0));
        assertEquals(1.5, numbers(semicolon.table(), "a").value(0));
        ReadResult semicolonPoint = read("a;b\n1.5;2\n");
        assertEquals(new Dialect(';', '.'), semicolonPoint.dialect());
        assertEquals(1.5, numbers(semicolonPoint.table(), "a").value(0));
        ReadResult pipe = read("a|b|c\n1|2|3\n");
        assertEquals('|', pipe.dialect().delimiter());
        assertEquals(3, pipe.table().columnCount());
    }

    @Test
    void quotingPerRfc4180WithBomAndCrlf() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "name,\"note, with comma\",n\r\n\"a \"\"b\"\"\",\"line1\nline2\",1\r\n\"c\",,\"2\"\r\n";
        byte[] content = new byte[bom.length + text.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(text.getBytes(StandardCharsets.UTF_8), 0, content, 3, content.length - 3);
        DataTable table = DelimitedTableReader.read(file("q.csv", content)).table();
        assertEquals(List.of("name", "note, with comma", "n"), table.columns().stream().map(Column::name).toList());
        assertEquals("a \"b\"", table.column("name").text(0));
        assertEquals("line1\nline2", table.column("note, with comma").text(0));
        assertTrue(table.column("note, with comma").isNA(1));
        assertEquals(2.0, numbers(table, "n").value(1));
    }

    @Test
    void quotedNATokensAreStringsInTextButNAInNumbers() throws Exception {
        DataTable table = read("s,n\n\"NA\",\"NA\"\nNA,1\n\"\",2\nx,3\n").table();
        TextColumn s = (TextColumn) table.column("s");
        assertEquals("NA", s.value(0));
        assertNull(s.value(1));
        assertEquals("", s.value(2));
        assertTrue(numbers(table, "n").isNA(0));
    }

    @Test
    void duplicateAndEmptyNamesAreMadeUnique() throws Exception {
        ReadResult result = read("NucleusArea,NucleusArea,x,NucleusArea.1,,NucleusArea\n1,2,3,4,5,6\n7,8,9,10,11,12\n");
        assertEquals(List.of("NucleusArea", "NucleusArea.2", "x", "NucleusArea.1", "V5", "NucleusArea.3"),
                result.table().columns().stream().map(Column::name).toList());
        String w = warnings(result);
        assertTrue(w.contains("t.csv:1: column 2 'NucleusArea.2': duplicate column name 'NucleusArea' renamed to 'NucleusArea.2'"), w);
        assertTrue(w.contains(":1: column 5 'V5': empty column name"), w);
    }

    @Test
    void tooFewFieldsBecomeNAWithWarning() throws Exception {
        ReadResult result = read("a,b,c\n1,2,3\n4,5\n\n6,7,8\n");
        assertEquals(3, result.table().rowCount());
        assertTrue(numbers(result.table(), "c").isNA(1));
        assertEquals(8.0, numbers(result.table(), "c").value(2));
        assertTrue(warnings(result).contains("t.csv:3: 2 fields instead of 3; the missing values are NA"), warnings(result));
    }

    @Test
    void manyRaggedLinesAreSummarised() throws Exception {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 30; i++) {
            text.append(i).append('\n');
        }
        ReadResult result = read(text.toString());
        assertEquals(10 + 1 + 1, result.warnings().size()); // 10 listed, the count of the others, b is all NA
        assertTrue(warnings(result).contains("20 more lines with the same problem"), warnings(result));
    }

    @Test
    void tooManyFieldsIsAnErrorNamingTheLine() throws Exception {
        Path path = file("m.csv", "a,b\n1,2\n\"x\ny\",2\n3,4,5\n");
        TableReadException e = assertThrows(TableReadException.class, () -> DelimitedTableReader.read(path));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().startsWith(path + ":5: more fields than the 2 columns"), e.getMessage());
    }

    @Test
    void allNAAndConstantColumnsAreKeptWithWarnings() throws Exception {
        ReadResult result = read("a,b,c,d\n1,NA,5,x\n2,,5,x\n");
        assertEquals(ColumnType.NUMERIC, result.table().column("b").type());
        assertEquals(2, result.table().column("b").naCount());
        String w = warnings(result);
        assertTrue(w.contains("t.csv:1: column 2 'b': all values are NA"), w);
        assertTrue(w.contains("t.csv:1: column 3 'c': all non-NA values are equal ('5')"), w);
        assertTrue(w.contains("column 4 'd': all non-NA values are equal ('x')"), w);
        assertFalse(w.contains("'a'"), w);
    }

    @Test
    void headerLongerThanTheSampleAndMalformedHeaders() throws Exception {
        String longName = "n".repeat(1_500_000);
        DataTable table = read("\n\"" + longName + "\",b\n1,2\n").table();
        assertEquals(longName, table.column(0).name());
        assertEquals(2.0, numbers(table, "b").value(0));
        Path open = file("h.csv", "a,\"b\n1,2\n");
        TableReadException e = assertThrows(TableReadException.class, () -> DelimitedTableReader.read(open));
        assertEquals(1, e.line());
        assertEquals(2, e.columnIndex());
    }

    @Test
    void headerOnlyGivesZeroRows() throws Exception {
        ReadResult result = read("a,b\n");
        assertEquals(0, result.table().rowCount());
        assertEquals(2, result.table().columnCount());
        assertTrue(result.warnings().isEmpty());
        assertEquals(2, read("a,b").table().columnCount());
    }

    @Test
    void emptyBinaryAndNonUtf8FilesAreErrors() throws Exception {
        Path empty = file("empty.csv", "");
        assertTrue(assertThrows(TableReadException.class, () -> DelimitedTableReader.read(empty)).getMessage()
                .equals(empty + ": empty file: there is no header line"));
        Path blank = file("blank.csv", "\n\n");
        assertThrows(TableReadException.class, () -> DelimitedTableReader.read(blank));
        Path binary = file("b.csv", new byte[] {'a', ',', 'b', '\n', 1, 0, 2, '\n'});
        TableReadException e = assertThrows(TableReadException.class, () -> DelimitedTableReader.read(binary));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
        Path latin1 = file("l.csv", "a,b\nM\u00fcller,1\n".getBytes(StandardCharsets.ISO_8859_1));
        TableReadException notUtf8 = assertThrows(TableReadException.class, () -> DelimitedTableReader.read(latin1));
        assertTrue(notUtf8.getMessage().startsWith(latin1 + ":2: not UTF-8"), notUtf8.getMessage());
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": file not found",
                assertThrows(TableReadException.class, () -> DelimitedTableReader.read(missing)).getMessage());
    }

    @Test
    void quoteErrorsNameLineAndColumn() throws Exception {
        Path open = file("o.csv", "a,b\n1,\"never closed\n2,3\n");
        TableReadException e = assertThrows(TableReadException.class, () -> DelimitedTableReader.read(open));
        assertEquals(2, e.line());
        assertEquals(2, e.columnIndex());
        assertEquals("b", e.columnName());
        Path after = file("x.csv", "a,b\n1,2\n\"x\"y,3\n");
        assertEquals(3, assertThrows(TableReadException.class, () -> DelimitedTableReader.read(after)).line());
    }

    @Test
    void integersBeyond2To53BecomeTextNotRoundedNumbers() throws Exception {
        ReadResult result = read("id,v\n9007199254740993,1\n12,2\n");
        TextColumn id = (TextColumn) result.table().column("id");
        assertEquals("9007199254740993", id.value(0));
        assertTrue(warnings(result).contains("t.csv:2: column 1 'id': whole numbers beyond 2^53"), warnings(result));
        ReadResult exact = read("id\n9007199254740992\n-9007199254740992\n");
        assertTrue(numbers(exact.table(), "id").isInteger());
        assertEquals("9007199254740992", exact.table().column("id").text(0));
        ReadResult decimals = read("x\n12345678901234567890\n0.5\n"); // not an integer column: a double like any other
        assertEquals(ColumnType.NUMERIC, decimals.table().column("x").type());
    }

    @Test
    void typeOverrides() throws Exception {
        Path path = file("o.csv", "well,n,code\n1,1,5\n2,x,5\n1,3,6\n");
        ReadOptions options = ReadOptions.DEFAULTS.withColumnType("well", ColumnType.CATEGORICAL)
                .withColumnType("n", ColumnType.NUMERIC).withColumnType("code", ColumnType.TEXT);
        ReadResult result = DelimitedTableReader.read(path, options, ProgressMonitor.NONE);
        assertEquals(List.of("1", "2"), ((CategoricalColumn) result.table().column("well")).levels());
        assertTrue(numbers(result.table(), "n").isNA(1));
        assertEquals("6", ((TextColumn) result.table().column("code")).value(2));
        assertTrue(warnings(result).contains("o.csv:3: column 2 'n': 'x' is not a number; read as NA"), warnings(result));
    }

    @Test
    void categoricalInferenceRule() throws Exception {
        DataTable table = read("few,unique\na,x1\nb,x2\na,x3\nb,x4\n").table();
        assertEquals(ColumnType.CATEGORICAL, table.column("few").type());
        assertEquals(ColumnType.TEXT, table.column("unique").type());
    }

    /** Many small chunks: records, quoted line breaks and type changes cross chunk boundaries. */
    @Test
    void chunkBoundariesAreFoundSafelyWithQuotes() throws Exception {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder("n,label,note,x\n");
        int rows = 2000;
        for (int i = 0; i < rows; i++) {
            String note = switch (random.nextInt(4)) {
                case 0 -> "\"multi\nline, \"\"quoted\"\"\n" + i + "\"";
                case 1 -> "\"\n\"";
                case 2 -> "";
                default -> "plain" + i;
            };
            String x = i == rows - 7 ? "oops" : Double.toString(random.nextGaussian());
            text.append(i).append(',').append("L").append(i % 3).append(',').append(note).append(',').append(x).append('\n');
        }
        Path path = file("chunks.csv", text.toString());
        DataTable whole = DelimitedTableReader.read(path, ReadOptions.DEFAULTS.withParallelism(1, 0), ProgressMonitor.NONE).table();
        for (int chunk : new int[] {7, 64, 333, 4096}) {
            DataTable chunked = DelimitedTableReader.read(path, ReadOptions.DEFAULTS.withParallelism(2, chunk),
                    ProgressMonitor.NONE).table();
            assertEquals(rows, chunked.rowCount());
            for (Column column : whole.columns()) {
                Column other = chunked.column(column.name());
                assertEquals(column.type(), other.type());
                for (int row = 0; row < rows; row++) {
                    assertEquals(column.text(row), other.text(row), column.name() + " row " + row + " chunk " + chunk);
                }
            }
        }
        assertEquals(ColumnType.TEXT, whole.column("x").type());
        assertEquals("oops", whole.column("x").text(rows - 7));
        assertEquals(ColumnType.NUMERIC, whole.column("n").type());
        assertEquals(rows - 1.0, numbers(whole, "n").value(rows - 1));
    }

    /** Long records in the sampled head, short ones later: chunk buffers must grow. */
    @Test
    void buffersGrowWhenRecordsAreShorterThanSampled() throws Exception {
        StringBuilder text = new StringBuilder("a,b,s\n");
        String padding = "p".repeat(6000);
        for (int i = 0; i < 200; i++) {
            text.append(i).append(',').append(i * 0.5).append(',').append(padding).append('\n');
        }
        int rows = 200 + 300_000;
        for (int i = 200; i < rows; i++) {
            text.append(i).append(',').append(i * 0.5).append(",\n");
        }
        DataTable table = DelimitedTableReader.read(file("grow.csv", text.toString()),
                ReadOptions.DEFAULTS.withParallelism(2, 0), ProgressMonitor.NONE).table();
        assertEquals(rows, table.rowCount());
        NumericColumn a = numbers(table, "a");
        NumericColumn b = numbers(table, "b");
        for (int row = 0; row < rows; row++) {
            assertEquals(row, a.value(row));
            assertEquals(row * 0.5, b.value(row));
        }
        assertEquals(rows - 200, table.column("s").naCount());
    }

    @Test
    void errorLinesAreRightAcrossChunks() throws Exception {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 500; i++) {
            text.append(i % 10 == 0 ? "\"x\ny\"," : "1,").append(i).append('\n');
        }
        text.append("1,2,3\n");
        Path path = file("e.csv", text.toString());
        TableReadException e = assertThrows(TableReadException.class, () -> DelimitedTableReader.read(path,
                ReadOptions.DEFAULTS.withParallelism(2, 100), ProgressMonitor.NONE));
        assertEquals(1 + 500 + 50 + 1, e.line());
    }

    @Test
    void progressAndCancellation() throws Exception {
        StringBuilder text = new StringBuilder("a\n");
        for (int i = 0; i < 50_000; i++) {
            text.append(i).append('\n');
        }
        Path path = file("p.csv", text.toString());
        long[] worked = new long[1];
        ProgressMonitor counting = new ProgressMonitor() {
            @Override
            public void worked(long bytes) {
                worked[0] += bytes;
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
        DelimitedTableReader.read(path, ReadOptions.DEFAULTS.withParallelism(2, 4096), counting);
        assertEquals(Files.size(path) - 2, worked[0]);
        ProgressMonitor canceled = new ProgressMonitor() {
            @Override
            public void worked(long bytes) {
                // ignored
            }

            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        assertThrows(CancellationException.class,
                () -> DelimitedTableReader.read(path, ReadOptions.DEFAULTS.withParallelism(2, 4096), canceled));
    }

    @Test
    void chunkPlanUsesLongPositionsBeyond2GB() {
        long start = 17;
        long end = 5L * Integer.MAX_VALUE;
        ChunkPlan plan = ChunkPlan.of(start, end, 16 << 20);
        int last = plan.count() - 1;
        assertEquals(end, plan.nominalEnd(last));
        assertTrue(plan.nominalStart(last) > Integer.MAX_VALUE * 4L);
        assertEquals(plan.nominalEnd(last - 1), plan.nominalStart(last));
    }

    @Test
    void numbersParseExactlyFromBytes() {
        NumberParser parser = new NumberParser('.');
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            byte[] b = Double.toString(v).getBytes(StandardCharsets.US_ASCII);
            assertEquals(NumberParser.DECIMAL, parser.parse(b, 0, b.length));
            assertEquals(v, parser.value);
        }
        byte[] b = " -42 ".getBytes(StandardCharsets.US_ASCII);
        assertEquals(NumberParser.INTEGER, parser.parse(b, 0, b.length));
        assertEquals(-42.0, parser.value);
        for (String notNumber : new String[] {"1d", "1f", "abc", "1.2.3", "-", "0x", "1e"}) {
            byte[] n = notNumber.getBytes(StandardCharsets.US_ASCII);
            assertEquals(NumberParser.NOT_A_NUMBER, parser.parse(n, 0, n.length), notNumber);
        }
        byte[] inf = "-Inf".getBytes(StandardCharsets.US_ASCII);
        assertEquals(NumberParser.DECIMAL, parser.parse(inf, 0, inf.length));
        assertEquals(Double.NEGATIVE_INFINITY, parser.value);
    }

    @Test
    void integerPathAgreesWithDoubleParsing() {
        NumberParser parser = new NumberParser('.');
        long[] samples = {0, 7, -7, 123456789012345678L, (1L << 53), (1L << 53) + 1, -(1L << 53) - 1};
        for (long v : samples) {
            byte[] b = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
            int kind = parser.parse(b, 0, b.length);
            assertEquals(Math.abs(v) > (1L << 53) ? NumberParser.BIG_INTEGER : NumberParser.INTEGER, kind, Long.toString(v));
            assertEquals(Double.parseDouble(Long.toString(v)), parser.value);
        }
        assertArrayEquals(new int[] {NumberParser.BIG_INTEGER},
                new int[] {parser.parse("99999999999999999999".getBytes(StandardCharsets.US_ASCII), 0, 20)});
    }
}
