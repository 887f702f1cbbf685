// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.Label;
import org.idx.core.annotation.LabelSet;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.io.delimited.DelimitedTableReader;
import org.idx.io.delimited.DelimitedTableWriter;
import org.idx.io.delimited.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export Table writes the table of a session in full: the original columns, the annotation
 * column with the label names (renamed labels under their new names, unlabelled rows NA) and the
 * derived columns; the table file itself is untouched.
 */
class ExportWithLabelsTest {

    @TempDir
    Path folder;

    @Test
    void theExportedTableHasTheOriginalLabelAndDerivedColumns() throws Exception {
        int rows = 50;
        Path file = SessionTables.writeFile(folder, rows);
        byte[] original = Files.readAllBytes(file);
        DataTable table = SessionTables.read(rows);
        try (TableSession session = new TableSession(file, table, TableFingerprint.of(file, rows), () -> null)) {
            Annotations phenotype = session.createAnnotations("phenotype",
                    LabelSet.of(List.of(new Label("mitotic", 0xff0000), new Label("dead", 0x00ff00))));
            BitSet mitotic = new BitSet();
            mitotic.set(0, 10);
            phenotype.assign(mitotic, 0);
            phenotype.assign(SessionRoundTripTest.bits(20, 21), 1);
            phenotype.renameLabel(1, "apoptotic");
            double[] score = new double[rows];
            for (int row = 0; row < rows; row++) {
                score[row] = row * 0.25;
            }
            table.addColumn(DoubleArrayColumn.of("score", score));

            Path exported = folder.resolve("cells-export.csv");
            DelimitedTableWriter.write(session.table(), exported, ',', ProgressMonitor.NONE);

            DataTable read = DelimitedTableReader.read(exported).table();
            assertEquals(rows, read.rowCount());
            assertEquals(List.of("id", "area", "well", "phenotype", "score"),
                    read.columns().stream().map(Column::name).toList());
            CategoricalColumn labels = (CategoricalColumn) read.column("phenotype");
            for (int row = 0; row < rows; row++) {
                String expected = row < 10 ? "mitotic" : row == 20 || row == 21 ? "apoptotic" : null;
                assertEquals(expected, labels.text(row), "label of row " + row);
                assertEquals(row * 0.25, ((NumericColumn) read.column("score")).value(row), "score of row " + row);
                assertEquals(row * 0.5, ((NumericColumn) read.column("area")).value(row), "area of row " + row);
            }
            assertArrayEquals(original, Files.readAllBytes(file), "the table file is not written");
        }
    }
}
