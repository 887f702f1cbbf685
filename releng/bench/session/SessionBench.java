// SPDX-License-Identifier: GPL-3.0-or-later
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import org.idx.core.DataTable;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.LabelSet;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.session.Session;
import org.idx.session.SessionFiles;
import org.idx.session.TableFingerprint;
import org.idx.session.TableSession;

/**
 * Save and load time of a session of a 1M-row table with one label column and two derived
 * (analysis) columns. Two label patterns: a realistic one (5% of rows labelled, in a few thousand
 * selections) and the worst case for run-length codes (every row labelled at random). Wall and
 * CPU time of the calling thread are printed for the third of three rounds (the machine may be
 * shared: the CPU time is the steadier figure).
 */
public final class SessionBench {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path folder = Files.createTempDirectory("idx-session-bench");
        Path file = folder.resolve("cells.csv");
        Files.writeString(file, "id,area,well\n");
        for (String pattern : new String[] { "sparse", "dense" }) {
            for (int round = 0; round < 3; round++) {
                run(pattern, rows, file, round == 2);
            }
        }
    }

    private static DataTable table(int rows) {
        double[] id = new double[rows];
        double[] area = new double[rows];
        int[] well = new int[rows];
        SplittableRandom random = new SplittableRandom(1);
        for (int row = 0; row < rows; row++) {
            id[row] = row;
            area[row] = 50 + 200 * random.nextDouble();
            well[row] = row % 96;
        }
        List<String> wells = new java.util.ArrayList<>();
        for (int w = 0; w < 96; w++) {
            wells.add("W" + w);
        }
        return new InMemoryDataTable(rows, List.of(DoubleArrayColumn.adopt("id", id, null, true),
                DoubleArrayColumn.adopt("area", area, null, false), DictionaryColumn.adopt("well", well, wells)));
    }

    private static void run(String pattern, int rows, Path file, boolean print) throws Exception {
        DataTable table = table(rows);
        TableSession session = new TableSession(file, table, TableFingerprint.of(file, rows), () -> null);
        Annotations labels = session.createAnnotations("phenotype",
                LabelSet.named(List.of("interphase", "mitotic", "apoptotic", "debris")));
        SplittableRandom random = new SplittableRandom(2);
        if (pattern.equals("sparse")) {
            for (int selection = 0; selection < 2_000; selection++) {
                BitSet rowsOf = new BitSet();
                int start = random.nextInt(rows - 100);
                for (int i = 0; i < 25; i++) {
                    rowsOf.set(start + random.nextInt(100));
                }
                labels.assign(rowsOf, random.nextInt(4));
            }
        } else {
            int[] codes = new int[rows];
            for (int row = 0; row < rows; row++) {
                codes[row] = random.nextInt(4);
            }
            table.replaceColumn(DictionaryColumn.adopt("phenotype", codes, labels.labels().names()));
        }
        double[] pc1 = new double[rows];
        double[] pc2 = new double[rows];
        for (int row = 0; row < rows; row++) {
            pc1[row] = random.nextGaussian();
            pc2[row] = random.nextGaussian() * 1e-3;
        }
        table.addColumn(DoubleArrayColumn.adopt("pca.PC1", pc1, null, false));
        table.addColumn(DoubleArrayColumn.adopt("pca.PC2", pc2, null, false));

        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Path saved = session.save();
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        Session read = SessionFiles.read(saved);
        long t2 = System.nanoTime();
        long c2 = cpu.getCurrentThreadCpuTime();
        DataTable fresh = table(rows);
        TableSession reopened = new TableSession(file, fresh, TableFingerprint.of(file, rows), () -> null);
        long t3 = System.nanoTime();
        List<String> notes = reopened.restore(read);
        long t4 = System.nanoTime();
        if (!notes.isEmpty() || fresh.columnCount() != 6) {
            throw new AssertionError("restore incomplete: " + notes);
        }
        if (print) {
            System.out.printf("%,d rows, labels %-6s (%,d labelled): save %4d ms (cpu %4d), read %4d ms (cpu %4d),"
                    + " restore %3d ms, file %5.1f MB%n", rows, pattern, rows - labels.counts()[4], (t1 - t0) / 1_000_000,
                    (c1 - c0) / 1_000_000, (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000, (t4 - t3) / 1_000_000,
                    Files.size(saved) / 1e6);
        }
        Files.delete(saved);
    }
}
