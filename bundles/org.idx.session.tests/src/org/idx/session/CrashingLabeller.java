// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;

import org.idx.core.DataTable;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.LabelSet;
import org.idx.core.memory.DoubleArrayColumn;

/**
 * The program {@link AutosaveCrashTest} runs in a separate JVM and kills: it labels rows of a
 * table in batches with autosave on, tells its parent each batch on standard output, says
 * {@code JOURNALLED} once the autosave has caught up with the last change, then waits to be
 * killed. Batch {@code k} first sets the column "batch" to {@code k} in every row, then labels, so
 * a journal says which batch it saw, and its labels must be {@link #expected(int, int)} after
 * batch {@code k} or (taken between the two steps) after batch {@code k - 1}.
 * <p>
 * Arguments: the table file, the journal folder, the row count, the batch count, the pause between
 * batches in milliseconds, the autosave delay in milliseconds.
 */
public final class CrashingLabeller {

    /** The labels used. */
    static final LabelSet LABELS = LabelSet.named(List.of("mitotic", "apoptotic", "interphase"));

    private CrashingLabeller() {
    }

    /**
     * @param batch a batch number, from 1
     * @param rows  the row count
     * @return the rows labelled in that batch
     */
    static BitSet rowsOf(int batch, int rows) {
        BitSet selected = new BitSet();
        long state = batch * 0x9E3779B97F4A7C15L;
        for (int row = 0; row < rows; row++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            if ((state >>> 58) == 0) { // one row in 64
                selected.set(row);
            }
        }
        return selected;
    }

    /**
     * @param batch a batch number, from 1
     * @return the label that batch gives, or -1 when it clears
     */
    static int labelOf(int batch) {
        return batch % 5 == 0 ? -1 : batch % LABELS.size();
    }

    /**
     * @param batches the number of batches done
     * @param rows    the row count
     * @return the code of every row after those batches
     */
    static int[] expected(int batches, int rows) {
        int[] codes = new int[rows];
        java.util.Arrays.fill(codes, -1);
        for (int batch = 1; batch <= batches; batch++) {
            int label = labelOf(batch);
            BitSet selected = rowsOf(batch, rows);
            for (int row = selected.nextSetBit(0); row >= 0; row = selected.nextSetBit(row + 1)) {
                codes[row] = label;
            }
        }
        return codes;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Journal journal = new Journal(Path.of(args[1]));
        int rows = Integer.parseInt(args[2]);
        int batches = Integer.parseInt(args[3]);
        long pause = Long.parseLong(args[4]);
        Duration delay = Duration.ofMillis(Long.parseLong(args[5]));
        DataTable table = SessionTables.read(rows);
        TableSession session = new TableSession(file, table, TableFingerprint.of(file, rows), () -> null);
        Autosave autosave = session.startAutosave(journal, delay, e -> e.printStackTrace());
        Annotations annotations = session.createAnnotations("phenotype", LABELS);
        table.addColumn(DoubleArrayColumn.of("batch", new double[rows]));
        for (int batch = 1; batch <= batches; batch++) {
            double[] marker = new double[rows];
            java.util.Arrays.fill(marker, batch);
            int label = labelOf(batch);
            BitSet selected = rowsOf(batch, rows);
            table.replaceColumn(DoubleArrayColumn.of("batch", marker));
            if (label < 0) {
                annotations.clear(selected);
            } else {
                annotations.assign(selected, label);
            }
            System.out.println("BATCH " + batch);
            System.out.flush();
            Thread.sleep(pause);
        }
        System.out.println("DONE " + batches);
        System.out.flush();
        while (autosave.written() != autosave.generation()) {
            Thread.sleep(5);
        }
        System.out.println("JOURNALLED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
