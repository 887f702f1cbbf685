// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

import org.idx.core.DataTable;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;

/** Tables the session tests work on, and their files (only the header matters to a session). */
final class SessionTables {

    private SessionTables() {
    }

    /** Writes a table file of {@code rows} rows: id, area, well. */
    static Path writeFile(Path folder, int rows) throws IOException {
        StringBuilder csv = new StringBuilder("id,area,well\n");
        for (int row = 0; row < rows; row++) {
            csv.append(row).append(',').append(row * 0.5).append(',').append(row % 2 == 0 ? "A01" : "B02").append('\n');
        }
        Path file = folder.resolve("cells.csv");
        Files.writeString(file, csv);
        return file;
    }

    /** The table as a reader would have read {@link #writeFile}. */
    static DataTable read(int rows) {
        double[] id = new double[rows];
        double[] area = new double[rows];
        int[] well = new int[rows];
        for (int row = 0; row < rows; row++) {
            id[row] = row;
            area[row] = row * 0.5;
            well[row] = row % 2;
        }
        return new InMemoryDataTable(rows, List.of(DoubleArrayColumn.adopt("id", id, new BitSet(), true),
                DoubleArrayColumn.adopt("area", area, null, false),
                DictionaryColumn.adopt("well", well, List.of("A01", "B02"))));
    }
}
