// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.examples.platezscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.AnalysisRunner;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.analysis.ParameterValues;
import org.idx.core.ColumnRole;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.io.delimited.DelimitedTableReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The example method against R: {@code make-reference.R} (beside the test data) computes the
 * per-plate z-scores with base R's mean/sd and median/mad.
 */
class PlateZScoreMethodTest {

    @TempDir
    static Path dir;
    static DataTable input;
    static DataTable expected;
    static MethodDescriptor method;

    @BeforeAll
    static void read() throws Exception {
        input = DelimitedTableReader.read(copy("input.csv")).table();
        expected = DelimitedTableReader.read(copy("expected.csv")).table();
        method = MethodRegistry.fromPlatform().find("plate-zscore").orElseThrow();
    }

    private static Path copy(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = PlateZScoreMethodTest.class.getResourceAsStream(name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static AnalysisResult run(String... params) throws Exception {
        return AnalysisRunner.run(method, input, ParameterValues.parse(method, List.of(params)), new NullProgressMonitor());
    }

    @ParameterizedTest
    @CsvSource({ "false,false,mean_all", "false,true,mean_controls", "true,false,robust_all", "true,true,robust_controls" })
    void equalsR(boolean robust, boolean controls, String variant) throws Exception {
        List<String> params = new ArrayList<>(List.of("columns=area,intensity", "by=plate", "robust=" + robust));
        if (controls) {
            params.addAll(List.of("control-column=group", "control=control"));
        }
        AnalysisResult result = run(params.toArray(String[]::new));
        assertEquals(2, result.columns().size());
        for (int c = 0; c < 2; c++) {
            String feature = c == 0 ? "area" : "intensity";
            NumericColumn actual = (NumericColumn) result.columns().get(c);
            NumericColumn wanted = (NumericColumn) expected.column(feature + "_" + variant);
            assertEquals(feature + "_z", actual.name());
            for (int row = 0; row < input.rowCount(); row++) {
                assertEquals(wanted.isNA(row), actual.isNA(row), feature + " row " + row);
                if (!wanted.isNA(row)) {
                    assertEquals(wanted.value(row), actual.value(row), 1e-12 * Math.max(1, Math.abs(wanted.value(row))),
                            feature + " " + variant + " row " + row);
                }
            }
        }
    }

    @Test
    void thePlateRoleIsTheDefaultGrouping() throws Exception {
        input.setRoles(input.roles().with(ColumnRole.PLATE, "plate"));
        try {
            AnalysisResult byRole = run("columns=area");
            AnalysisResult explicit = run("columns=area", "by=plate");
            NumericColumn a = (NumericColumn) byRole.columns().get(0);
            NumericColumn b = (NumericColumn) explicit.columns().get(0);
            for (int row = 0; row < input.rowCount(); row++) {
                assertEquals(b.isNA(row) ? Double.NaN : b.value(row), a.isNA(row) ? Double.NaN : a.value(row));
            }
            assertEquals("plate", byRole.report().get("by"));
        } finally {
            input.setRoles(input.roles().without(ColumnRole.PLATE));
        }
    }

    @Test
    void badInputSaysWhatIsWrong() {
        AnalysisException missingValue = assertThrows(AnalysisException.class,
                () -> run("columns=area", "by=plate", "control-column=group"));
        assertTrue(missingValue.getMessage().contains("no control value"), missingValue.getMessage());
        AnalysisException unknownControl = assertThrows(AnalysisException.class,
                () -> run("columns=area", "by=plate", "control-column=group", "control=DMSO"));
        assertEquals("no row has 'DMSO' in column group (parameter control)", unknownControl.getMessage());
        AnalysisException textFeature = assertThrows(AnalysisException.class, () -> run("columns=plate"));
        assertTrue(textFeature.getMessage().contains("plate"), textFeature.getMessage());
    }

    @Test
    void aPlateWithoutSpreadGetsNaAndAWarning() throws Exception {
        DataTable table = new InMemoryDataTable(6, List.of(DictionaryColumn.adopt("plate", new int[] { 0, 0, 0, 1, 1, 2 },
                List.of("A", "B", "C")), DoubleArrayColumn.of("v", 1, 2, 3, 5, 5, 9)));
        AnalysisResult result = AnalysisRunner.run(method, table, ParameterValues.parse(method, List.of("by=plate")),
                new NullProgressMonitor());
        NumericColumn z = (NumericColumn) result.columns().get(0);
        assertEquals(-1, z.value(0), 1e-15);
        assertEquals(0, z.value(1), 1e-15);
        assertEquals(1, z.value(2), 1e-15);
        assertTrue(z.isNA(3) && z.isNA(4) && z.isNA(5));
        @SuppressWarnings("unchecked")
        List<String> warnings = (List<String>) result.report().get("warnings");
        assertEquals(List.of("v in B: the reference values do not vary; its z-scores are NA",
                "v in C: 1 reference value(s), too few for a spread; its z-scores are NA"), warnings);
    }
}
