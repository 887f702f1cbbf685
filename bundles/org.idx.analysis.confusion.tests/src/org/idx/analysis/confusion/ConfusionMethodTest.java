// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.confusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.idx.analysis.AnalysisException;
import org.idx.analysis.MethodCategory;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterException;
import org.idx.analysis.ReportWriter;
import org.idx.core.DataTable;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.junit.jupiter.api.Test;

/** The confusion method's declaration, class coding across column types, bad input and its JSON. */
class ConfusionMethodTest {

    private static DataTable table() {
        String[] truth = { "b", "a", "a", null, "b", "c", "a", "c" };
        String[] prediction = { "b", "a", "b", "a", null, "c", "c", "a" };
        int[] codes = { 1, 0, 0, -1, 1, 2, 0, 2 };
        return new InMemoryDataTable(8, List.of(StringArrayColumn.of("truth", truth), StringArrayColumn.of("prediction", prediction),
                DictionaryColumn.adopt("truthLevels", codes, List.of("a", "b", "c")),
                DoubleArrayColumn.of("one", 1, 1, 1, 1, 1, 1, 1, 1),
                DoubleArrayColumn.of("clusters", 1, 2, 10, 2, 1, 10, 2, 1),
                DoubleArrayColumn.of("clusters2", 1, 2, 10, 10, 2, 1, 2, 1)));
    }

    @Test
    void registeredThroughTheExtensionPoint() throws Exception {
        MethodDescriptor confusion = Methods.descriptor();
        assertEquals(MethodCategory.CLASSIFICATION, confusion.category());
        assertEquals(List.of("truth", "prediction", "positive"), confusion.parameters().stream().map(p -> p.name()).toList());
        assertTrue(confusion.parameter("truth").orElseThrow().required());
        assertTrue(confusion.factory().create() instanceof ConfusionMethod);
    }

    @Test
    @SuppressWarnings("unchecked")
    void textAndCategoricalColumnsGiveTheSameReportAndNaRowsAreDropped() throws Exception {
        Map<String, Object> text = Methods.report(table(), "truth=truth", "prediction=prediction");
        Map<String, Object> levels = Methods.report(table(), "truth=truthLevels", "prediction=prediction");
        assertEquals(ReportWriter.toJson(text, false).replace("\"truth\":\"truth\"", "\"truth\":\"truthLevels\""), ReportWriter.toJson(levels, false));
        assertEquals(List.of("a", "b", "c"), text.get("levels"));
        assertEquals(6L, text.get("n"));
        assertEquals(2L, text.get("dropped"));
        assertEquals(List.of("2 rows have no truth or no prediction and were left out."), text.get("messages"));
        List<long[]> rows = (List<long[]>) text.get("table");
        // prediction rows a, b, c; truth columns a, b, c
        assertEquals("[1, 0, 1]", java.util.Arrays.toString(rows.get(0)));
        assertEquals("[1, 1, 0]", java.util.Arrays.toString(rows.get(1)));
        assertEquals("[1, 0, 1]", java.util.Arrays.toString(rows.get(2)));
        Map<String, Double> overall = (Map<String, Double>) text.get("overall");
        assertEquals(0.5, overall.get("Accuracy"), 1e-15);
        assertEquals(3, ((Map<String, Object>) text.get("byClass")).size());
    }

    @Test
    void numericClassesSortAsNumbers() throws Exception {
        Map<String, Object> report = Methods.report(table(), "truth=clusters", "prediction=clusters2");
        assertEquals(List.of("1", "2", "10"), report.get("levels"));
        String json = ReportWriter.toJson(report, false);
        assertTrue(json.contains("\"table\":[[2,0,1],[1,2,0],[0,1,1]]"), json);
    }

    @Test
    void badInput() throws Exception {
        DataTable table = table();
        assertEquals("a confusion matrix needs at least two classes; columns 'one' and 'one' hold only '1'",
                assertThrows(AnalysisException.class, () -> Methods.report(table, "truth=one", "prediction=one")).getMessage());
        assertEquals("the table has no column 'nope' (parameter prediction)",
                assertThrows(AnalysisException.class, () -> Methods.report(table, "truth=truth", "prediction=nope")).getMessage());
        assertEquals("a positive class applies to two classes only; columns 'truth' and 'prediction' hold 3 (a, b, c)",
                assertThrows(AnalysisException.class,
                        () -> Methods.report(table, "truth=truth", "prediction=prediction", "positive=a")).getMessage());
        DataTable two = new InMemoryDataTable(3, List.of(StringArrayColumn.of("t", "x", "y", "x"), StringArrayColumn.of("p", "x", "x", "y")));
        assertEquals("the positive class 'z' is not one of the classes of columns 't' and 'p' (x, y)",
                assertThrows(AnalysisException.class, () -> Methods.report(two, "truth=t", "prediction=p", "positive=z")).getMessage());
        assertEquals("y", Methods.report(two, "truth=t", "prediction=p", "positive=y").get("positive"));
        DataTable disjoint = new InMemoryDataTable(2, List.of(StringArrayColumn.of("t", "x", null), StringArrayColumn.of("p", null, "y")));
        assertEquals("no row has both a true and a predicted class in columns 't' and 'p'",
                assertThrows(AnalysisException.class, () -> Methods.report(disjoint, "truth=t", "prediction=p")).getMessage());
        assertEquals("method 'confusion' needs parameter 'prediction' (--param prediction=...)",
                assertThrows(ParameterException.class, () -> Methods.report(table, "truth=truth")).getMessage());
    }
}
