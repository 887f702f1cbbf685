// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedTableWriterTest {

    @TempDir
    Path dir;

    private static DataTable sample(int rows) {
        Random random = new Random(11);
        double[] doubles = new double[rows];
        double[] ints = new double[rows];
        int[] codes = new int[rows];
        String[] text = new String[rows];
        String[] tricky = {"a,b", "quote \"x\"", "line\nbreak", "", "NA", " padded ", "plain", "Ünïcødé"};
        for (int i = 0; i < rows; i++) {
            doubles[i] = i % 17 == 0 ? Double.NaN : Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(doubles[i])) {
                doubles[i] = random.nextGaussian() * 1e-300;
            }
            ints[i] = random.nextInt() * 1024.0;
            codes[i] = i % 9 == 0 ? -1 : random.nextInt(3);
            text[i] = i % 13 == 0 ? null : tricky[random.nextInt(tricky.length)] + i;
        }
        doubles[1] = 3.0;
        text[2] = "";
        text[3] = "NA";
        return new InMemoryDataTable(rows, List.of(DoubleArrayColumn.of("double, with comma", doubles),
                DoubleArrayColumn.adopt("int", ints, null, true),
                DictionaryColumn.adopt("cat", codes, List.of("ctrl", "kd \"1\"", "x;y")),
                StringArrayColumn.of("text", text)));
    }

    @Test
    void roundTripIsExact() throws Exception {
        for (char delimiter : new char[] {',', '\t'}) {
            DataTable table = sample(500);
            Path path = dir.resolve("out" + (int) delimiter + ".csv");
            DelimitedTableWriter.write(table, path, delimiter, ProgressMonitor.NONE);
            ReadResult back = DelimitedTableReader.read(path);
            assertEquals(delimiter, back.dialect().delimiter());
            assertEquals(table.rowCount(), back.table().rowCount());
            for (Column column : table.columns()) {
                Column read = back.table().column(column.name());
                assertEquals(column.type(), read.type(), column.name());
                for (int row = 0; row < table.rowCount(); row++) {
                    assertEquals(column.text(row), read.text(row), column.name() + " row " + row);
                    if (column instanceof NumericColumn numbers && !numbers.isNA(row)) {
                        assertEquals(Double.doubleToLongBits(numbers.value(row)),
                                Double.doubleToLongBits(((NumericColumn) read).value(row)));
                    }
                }
            }
            assertEquals(true, ((NumericColumn) back.table().column("int")).isInteger());
        }
    }

    @Test
    void writesNAIntegersAndQuotes() throws Exception {
        BitSet na = new BitSet();
        na.set(1);
        DataTable table = new InMemoryDataTable(2, List.of(DoubleArrayColumn.adopt("n", new double[] {42, 0}, na, true),
                StringArrayColumn.of("s", "a,b", "NA")));
        Path path = dir.resolve("small.csv");
        DelimitedTableWriter.write(table, path, ',', ProgressMonitor.NONE);
        assertEquals("n,s\n42,\"a,b\"\nNA,\"NA\"\n", Files.readString(path, StandardCharsets.UTF_8));
    }

    @Test
    void failedWriteLeavesTargetIntact() throws IOException {
        Path path = dir.resolve("keep.csv");
        Files.writeString(path, "old\n");
        ProgressMonitor cancel = new ProgressMonitor() {
            @Override
            public void worked(long rows) {
                // ignored
            }

            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> DelimitedTableWriter.write(sample(20_000), path, ',', cancel));
        assertEquals("old\n", Files.readString(path));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
