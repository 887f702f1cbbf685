// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.Label;
import org.idx.core.annotation.LabelSet;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.StringArrayColumn;
import org.idx.images.StoreSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session saved beside a table and restored into the table read again gives back every label,
 * the label set, every derived value bit for bit, and the roles; the table file is not touched.
 */
class SessionRoundTripTest {

    private static final int ROWS = 5_000;

    @TempDir
    Path folder;

    /** Doubles that a decimal round trip could get wrong, and NA among them. */
    private static double[] awkward(int rows) {
        double[] special = { -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MIN_NORMAL, 0.1 + 0.2, 1e-310,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Math.PI, Math.nextUp(1.0) };
        SplittableRandom random = new SplittableRandom(7);
        double[] values = new double[rows];
        for (int row = 0; row < rows; row++) {
            values[row] = row < special.length ? special[row] : Double.longBitsToDouble(random.nextLong() >>> 2);
        }
        return values;
    }

    @Test
    void labelsLabelSetsDerivedColumnsAndRolesComeBackExactly() throws Exception {
        Path file = SessionTables.writeFile(folder, ROWS);
        byte[] tableBytes = Files.readAllBytes(file);
        DataTable table = SessionTables.read(ROWS);
        TableFingerprint fingerprint = TableFingerprint.of(file, ROWS);
        StoreSpec images = new StoreSpec("s3", Map.of("bucket", "plates", "prefix", "run 7/"));
        TableSession session = new TableSession(file, table, fingerprint, () -> images);

        Annotations phenotype = session.createAnnotations("phenotype",
                LabelSet.of(List.of(new Label("mitotic", 0xff0000), new Label("apoptotic", 0x00ff00))));
        BitSet mitotic = new BitSet();
        for (int row = 0; row < ROWS; row += 7) {
            mitotic.set(row);
        }
        phenotype.assign(mitotic, 0);
        BitSet apoptotic = new BitSet();
        apoptotic.set(100, 900);
        phenotype.assign(apoptotic, 1);
        phenotype.addLabel(new Label("interphase", 0x0000ff));
        phenotype.assign(bits(4_999), 2);
        Annotations well = session.adoptAnnotations("well");
        well.addLabel(new Label("C03", 0x123456));
        well.assign(bits(3, 4), 2);

        double[] awkward = awkward(ROWS);
        BitSet na = new BitSet();
        na.set(11);
        na.set(4_000, 4_010);
        table.addColumn(DoubleArrayColumn.adopt("pca.PC1", awkward.clone(), (BitSet) na.clone(), false));
        double[] clusters = new double[ROWS];
        for (int row = 0; row < ROWS; row++) {
            clusters[row] = row % 5;
        }
        table.addColumn(DoubleArrayColumn.adopt("kmeans.cluster", clusters, null, true));
        table.addColumn(DictionaryColumn.adopt("kmeans.name", new int[ROWS], List.of("one")));
        String[] notes = new String[ROWS];
        notes[1] = "näive, \"quoted\"";
        table.addColumn(StringArrayColumn.adopt("note", notes));
        table.setRoles(ColumnRoles.NONE.with(ColumnRole.WELL, "well").with(ColumnRole.LABEL, "phenotype"));
        assertTrue(session.isDirty());

        Path saved = session.save();
        assertEquals(folder.resolve("cells.csv.idx-session.json"), saved);
        assertFalse(session.isDirty());
        assertArrayEquals(tableBytes, Files.readAllBytes(file), "the table file is never written");

        // A new start: the table is read again and the session applied.
        DataTable fresh = SessionTables.read(ROWS);
        TableSession reopened = new TableSession(file, fresh, TableFingerprint.of(file, ROWS), () -> null);
        Session loaded = SessionFiles.besides(file).orElseThrow();
        assertEquals(List.of(), loaded.fingerprint().differences(TableFingerprint.of(file, ROWS)));
        assertEquals(images, loaded.configuration().imageRoot().map(root -> new StoreSpec(root.scheme(), root.properties())).orElse(null));
        assertEquals(List.of(), reopened.restore(loaded));

        assertEquals(table.columns().stream().map(Column::name).sorted().toList(),
                fresh.columns().stream().map(Column::name).sorted().toList());
        assertEquals(table.roles(), fresh.roles());
        assertSameCategories(table.column("phenotype"), fresh.column("phenotype"));
        assertSameCategories(table.column("well"), fresh.column("well"));
        assertSameCategories(table.column("kmeans.name"), fresh.column("kmeans.name"));
        assertEquals(phenotype.labels(), reopened.annotations("phenotype").orElseThrow().labels());
        assertEquals(well.labels(), reopened.annotations("well").orElseThrow().labels());
        assertArrayEquals(phenotype.counts(), reopened.annotations("phenotype").orElseThrow().counts());

        NumericColumn pc1 = (NumericColumn) fresh.column("pca.PC1");
        for (int row = 0; row < ROWS; row++) {
            assertEquals(na.get(row), pc1.isNA(row), "NA at row " + row);
            if (!na.get(row)) {
                assertEquals(Double.doubleToRawLongBits(awkward[row]), Double.doubleToRawLongBits(pc1.value(row)),
                        "bits of row " + row);
            }
        }
        NumericColumn cluster = (NumericColumn) fresh.column("kmeans.cluster");
        assertTrue(cluster.isInteger());
        assertEquals(4.0, cluster.value(4));
        assertEquals("näive, \"quoted\"", fresh.column("note").text(1));
        assertEquals(null, fresh.column("note").text(0));
    }

    @Test
    void aChangedTableIsNoticed() throws Exception {
        Path file = SessionTables.writeFile(folder, 10);
        TableFingerprint before = TableFingerprint.of(file, 10);
        Files.writeString(file, "id,area,well,extra\n" + "1,2,A01,3\n".repeat(12));
        TableFingerprint after = TableFingerprint.of(file, 12);
        List<String> differences = before.differences(after);
        assertTrue(differences.contains("it had 10 rows, now 12"), differences.toString());
        assertTrue(differences.stream().anyMatch(d -> d.startsWith("its size was")), differences.toString());
        assertEquals(List.of(), before.differences(before));
        Files.writeString(file, Files.readString(file).replace("extra", "other"));
        assertTrue(after.differences(TableFingerprint.of(file, 12)).contains("its header line (the column names) differs"));
    }

    @Test
    void columnsThatNoLongerFitAreLeftOutWithASentence() throws Exception {
        Path file = SessionTables.writeFile(folder, 10);
        DataTable table = SessionTables.read(10);
        TableSession session = new TableSession(file, table, TableFingerprint.of(file, 10), () -> null);
        session.createAnnotations("class", LabelSet.named(List.of("a"))).assign(bits(1), 0);
        table.setRoles(ColumnRoles.NONE.with(ColumnRole.GROUP, "class"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionCodec.write(session.snapshot(), out);
        Session saved = SessionCodec.read(new ByteArrayInputStream(out.toByteArray()), "s.json");

        DataTable shorter = SessionTables.read(8);
        TableSession other = new TableSession(file, shorter, TableFingerprint.of(file, 8), () -> null);
        List<String> notes = other.restore(saved);
        assertEquals(List.of("Annotation column 'class' has 10 rows, the table 8: its labels are not restored.",
                "The role GROUP was given to column 'class', which the table does not have."), notes);
    }

    @Test
    void runsKeepTheFileSmall() throws Exception {
        Path file = SessionTables.writeFile(folder, 10);
        DataTable table = SessionTables.read(100_000);
        TableSession session = new TableSession(file, table, TableFingerprint.of(file, 100_000), () -> null);
        BitSet block = new BitSet();
        block.set(10, 20_000);
        session.createAnnotations("class", LabelSet.named(List.of("a"))).assign(block, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionCodec.write(session.snapshot(), out);
        assertTrue(out.size() < 2_000, "three runs, not 100,000 codes: " + out.size() + " bytes");
    }

    static BitSet bits(int... rows) {
        BitSet bits = new BitSet();
        for (int row : rows) {
            bits.set(row);
        }
        return bits;
    }

    private static void assertSameCategories(Column expected, Column actual) {
        CategoricalColumn a = (CategoricalColumn) expected;
        CategoricalColumn b = (CategoricalColumn) actual;
        assertEquals(a.levels(), b.levels(), expected.name());
        for (int row = 0; row < a.size(); row++) {
            assertEquals(a.code(row), b.code(row), expected.name() + " row " + row);
        }
    }
}
