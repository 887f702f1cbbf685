// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.annotation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.idx.core.CategoricalColumn;
import org.idx.core.DataTable;
import org.idx.core.DataTableEvent;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.junit.jupiter.api.Test;

class AnnotationsTest {

    private static DataTable table(int rows) {
        double[] area = new double[rows];
        for (int i = 0; i < rows; i++) {
            area[i] = i;
        }
        int[] codes = new int[rows];
        for (int i = 0; i < rows; i++) {
            codes[i] = i % 2;
        }
        return new InMemoryDataTable(rows, List.of(DoubleArrayColumn.of("area", area),
                DictionaryColumn.adopt("treatment", codes, List.of("dmso", "drug")),
                DoubleArrayColumn.of("x", area)));
    }

    private static BitSet rows(int... rows) {
        BitSet bits = new BitSet();
        for (int row : rows) {
            bits.set(row);
        }
        return bits;
    }

    private static String[] texts(CategoricalColumn column) {
        String[] texts = new String[column.size()];
        for (int row = 0; row < texts.length; row++) {
            texts[row] = column.text(row);
        }
        return texts;
    }

    @Test
    void aNewColumnStartsUnlabelledAndCountsFollowAssignments() {
        DataTable table = table(6);
        Annotations annotations = Annotations.create(table, "class", LabelSet.named(List.of("mitotic", "apoptotic")));
        assertArrayEquals(new int[] { 0, 0, 6 }, annotations.counts());
        annotations.assign(rows(0, 2, 4), 0);
        annotations.assign(rows(4, 5), 1);
        assertArrayEquals(new String[] { "mitotic", null, "mitotic", null, "apoptotic", "apoptotic" },
                texts(annotations.column()));
        assertArrayEquals(new int[] { 2, 2, 2 }, annotations.counts());
    }

    @Test
    void changesFireValuesChangedAndTheAnnotationListener() {
        DataTable table = table(4);
        Annotations annotations = Annotations.create(table, "class", LabelSet.named(List.of("a")));
        List<DataTableEvent> events = new ArrayList<>();
        table.addListener(events::add);
        int[] told = new int[1];
        annotations.addListener(a -> told[0]++);
        annotations.assign(rows(1), 0);
        assertEquals(1, events.size());
        assertEquals(DataTableEvent.Kind.VALUES_CHANGED, events.get(0).kind());
        assertEquals("class", events.get(0).column());
        assertEquals(1, told[0]);
        annotations.recolourLabel(0, 0x123456);
        assertEquals(1, events.size(), "a colour is not in the table");
        assertEquals(2, told[0]);
    }

    @Test
    void undoRestoresExactlyTheOldCodesAndRedoReapplies() {
        DataTable table = table(8);
        Annotations annotations = Annotations.create(table, "class", LabelSet.named(List.of("a", "b")));
        annotations.assign(rows(0, 1, 2), 0);
        String[] before = texts(annotations.column());
        LabelChange change = annotations.assign(rows(1, 2, 3, 7), 1);
        assertEquals(4, change.size());
        String[] after = texts(annotations.column());
        annotations.undo(change);
        assertArrayEquals(before, texts(annotations.column()));
        annotations.redo(change);
        assertArrayEquals(after, texts(annotations.column()));
        LabelChange clear = annotations.clear(rows(0, 1, 5));
        assertEquals(2, clear.size(), "row 5 had no label: it does not change");
        assertEquals(null, annotations.column().text(0));
        annotations.undo(clear);
        assertArrayEquals(after, texts(annotations.column()));
    }

    @Test
    void aChangeKeepsOnlyTheRowsThatChanged() {
        DataTable table = table(5);
        Annotations annotations = Annotations.create(table, "class", LabelSet.named(List.of("a")));
        annotations.assign(rows(0, 1), 0);
        LabelChange again = annotations.assign(rows(0, 1, 2), 0);
        assertEquals(1, again.size());
        assertEquals(2, again.row(0));
        assertEquals(CategoricalColumn.NA_CODE, again.oldCode(0));
        assertTrue(annotations.assign(rows(0), 0).isEmpty());
    }

    @Test
    void anExistingCategoricalColumnCanHoldTheLabels() {
        DataTable table = table(4);
        Annotations annotations = Annotations.adopt(table, "treatment", null);
        assertEquals(List.of("dmso", "drug"), annotations.labels().names());
        annotations.addLabel(new Label("control", 0x00FF00));
        annotations.assign(rows(3), 2);
        assertEquals(List.of("dmso", "drug", "control"), annotations.column().levels());
        assertArrayEquals(new String[] { "dmso", "drug", "dmso", "control" }, texts(annotations.column()));
        annotations.renameLabel(0, "vehicle");
        assertEquals("vehicle", annotations.column().text(0));
        IllegalArgumentException numeric = assertThrows(IllegalArgumentException.class,
                () -> Annotations.adopt(table, "area", null));
        assertTrue(numeric.getMessage().contains("'area' is numeric"), numeric.getMessage());
    }

    @Test
    void labelNamesMustBeDistinct() {
        LabelSet set = LabelSet.named(List.of("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> set.with(new Label("a", 0)));
        assertThrows(IllegalArgumentException.class, () -> set.renamed(0, "b"));
        assertEquals(0x009E73, LabelSet.defaultColour(2));
    }

    @Test
    void removingALabelUnlabelsItsRowsAndInsertingItBackRestoresEveryCode() {
        DataTable table = table(7);
        Annotations annotations = Annotations.create(table, "class",
                LabelSet.of(List.of(new Label("a", 0x111111), new Label("b", 0x222222), new Label("c", 0x333333))));
        annotations.assign(rows(0, 3), 0);
        annotations.assign(rows(1, 4, 6), 1);
        annotations.assign(rows(2, 5), 2);
        annotations.clear(rows(6));
        int[] before = Annotations.codesOf(annotations.column());
        LabelSet labelsBefore = annotations.labels();

        Annotations.Removal removal = annotations.removeLabel(1);
        assertEquals(List.of("a", "c"), annotations.labels().names());
        assertEquals(List.of("a", "c"), annotations.column().levels());
        assertArrayEquals(new String[] { "a", null, "c", "a", null, "c", null }, texts(annotations.column()));
        assertArrayEquals(new int[] { 2, 2, 3 }, annotations.counts());
        assertEquals(2, removal.size(), "rows 1 and 4 had the label");
        assertEquals(new Label("b", 0x222222), removal.label());

        annotations.insertLabel(removal);
        assertEquals(labelsBefore, annotations.labels(), "name, colour and position are back");
        assertArrayEquals(before, Annotations.codesOf(annotations.column()), "every row has its code back");
    }

    @Test
    void removingTheLastLabelLeavesTheOthersCodesAlone() {
        DataTable table = table(4);
        Annotations annotations = Annotations.create(table, "class", LabelSet.named(List.of("a", "b")));
        annotations.assign(rows(0, 1), 0);
        Annotations.Removal removal = annotations.removeLabel(1);
        assertEquals(0, removal.size());
        assertArrayEquals(new String[] { "a", "a", null, null }, texts(annotations.column()));
        annotations.insertLabel(removal);
        assertEquals(List.of("a", "b"), annotations.column().levels());
    }
}
