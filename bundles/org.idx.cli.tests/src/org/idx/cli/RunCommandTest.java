// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idx methods} and {@code idx run}: outputs and exit statuses (spec/cli.md). */
class RunCommandTest {

    @TempDir
    Path dir;
    private Path table;
    private String stdout;
    private String stderr;

    @BeforeEach
    void writeTable() throws Exception {
        table = dir.resolve("cells.tsv");
        StringBuilder text = new StringBuilder("id\tarea\tintensity\tshape\tlabel\tnote\n");
        for (int i = 0; i < 20; i++) {
            String intensity = i == 3 ? "NA" : Double.toString(100 + 3.5 * i + (i % 4) * 7.25);
            text.append(i).append('\t').append(50 + i * i % 13).append('\t').append(intensity).append('\t')
                    .append(0.5 + (i % 5) * 0.1).append('\t').append(i % 2 == 0 ? "ctrl" : "drug").append('\t')
                    .append("cell number ").append(i).append('\n');
        }
        Files.writeString(table, text.toString());
    }

    private int run(String... args) {
        List<String> list = new ArrayList<>();
        for (String arg : args) {
            list.add(arg.replace("TABLE", table.toString()).replace("DIR", dir.toString()));
        }
        CliRun result = CliRun.of(list);
        stdout = result.stdout();
        stderr = result.stderr();
        return result.status();
    }

    @Test
    void methodsListsPcaWithParameters() {
        assertEquals(0, run("methods"));
        assertTrue(stdout.contains("pca  (reduction)  Principal component analysis"), stdout);
        assertTrue(stdout.contains("--param components=integer [1..] (default 2)"), stdout);
        assertTrue(stdout.contains("kmeans  (clustering)  k-means clustering"), stdout);
        assertTrue(stdout.contains("--param k=integer [1..] (required)"), stdout);
        assertEquals(0, run("methods", "--json"));
        assertTrue(stdout.startsWith("["), stdout);
        assertTrue(stdout.contains("\"id\": \"pca\""), stdout);
        assertTrue(stdout.contains("\"columnType\": \"numeric\""), stdout);
        assertEquals(2, run("methods", "--bogus"));
    }

    @Test
    void runPcaWritesTableAndReport() throws Exception {
        assertEquals(0, run("run", "pca", "--table", "TABLE", "--param", "columns=area,intensity,shape", "--param=components=2",
                "--out-table", "DIR/out.tsv", "--report", "DIR/report.json"), stderr);
        assertEquals("", stderr);
        assertTrue(stdout.startsWith("pca: done, 19 rows used, new columns PC1, PC2 in "), stdout);
        List<String> lines = Files.readAllLines(dir.resolve("out.tsv"));
        assertEquals("id\tarea\tintensity\tshape\tlabel\tnote\tPC1\tPC2", lines.get(0));
        assertEquals(21, lines.size());
        assertTrue(lines.get(4).endsWith("\tNA\tNA"), lines.get(4)); // row 3 has NA intensity
        assertFalse(lines.get(5).contains("NA"), lines.get(5));
        String report = Files.readString(dir.resolve("report.json"));
        assertTrue(report.contains("\"n\": 19"), report);
        assertTrue(report.contains("\"explained_variance_ratio\": ["), report);
        assertTrue(report.contains("\"PC1\": {"), report);
    }

    @Test
    void reportGoesToStdoutWithoutReportOption() {
        assertEquals(0, run("run", "pca", "--table", "TABLE", "--param", "columns=area,shape"));
        assertTrue(stdout.startsWith("{\n  \"method\": \"pca\",\n  \"n\": 20,"), stdout);
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("run", "nosuch", "--table", "TABLE"));
        assertTrue(stderr.startsWith("idx: unknown method 'nosuch' (installed: pca"), stderr);
        assertEquals(2, run("run", "pca", "--table", "TABLE", "--param", "colour=red"));
        assertTrue(stderr.startsWith("idx: method 'pca' has no parameter 'colour'"), stderr);
        assertEquals(2, run("run", "pca", "--table", "TABLE", "--param", "components=two"));
        assertTrue(stderr.startsWith("idx: parameter 'components': 'two' is not a whole number"), stderr);
        assertEquals(2, run("run", "pca", "--table", "TABLE", "--frobnicate"));
        assertTrue(stderr.startsWith("idx: unknown option '--frobnicate' for run"), stderr);
        assertEquals(2, run("run", "pca"));
        assertEquals(2, run("run", "--table", "TABLE"));
        assertEquals(2, run("run", "pca", "--table"));
        assertEquals(1, stderr.lines().count());
    }

    @Test
    void badInputExitsThree() throws Exception {
        assertEquals(3, run("run", "pca", "--table", "DIR/missing.csv"));
        assertTrue(stderr.contains("missing.csv: no such file"), stderr);
        assertEquals(3, run("run", "pca", "--table", "TABLE", "--param", "columns=area,volume"));
        assertTrue(stderr.contains("pca: the table has no column 'volume' (parameter columns)"), stderr);
        assertEquals(3, run("run", "pca", "--table", "TABLE", "--param", "columns=area,note"));
        assertTrue(stderr.contains("column 'note' is text, not numeric"), stderr);
        assertEquals(3, run("run", "pca", "--table", "TABLE", "--param", "columns=area,label"));
        assertTrue(stderr.contains("column 'label' is categorical text, not numeric"), stderr);
        Path tiny = dir.resolve("tiny.csv");
        Files.writeString(tiny, "a,b\n1,2\n");
        assertEquals(3, run("run", "pca", "--table", tiny.toString(), "--param", "components=1"));
        assertTrue(stderr.contains("too few complete rows: 1 of 1"), stderr);
        assertEquals(1, stderr.lines().count());
        assertEquals(3, run("run", "kmeans", "--table", "TABLE", "--param", "k=25", "--out-table", "DIR/out.tsv"));
        assertTrue(stderr.contains("kmeans: k = 25 is larger than the 19 complete rows"), stderr);
        assertFalse(Files.exists(dir.resolve("out.tsv")));
    }

    @Test
    void runKmeans() throws Exception {
        assertEquals(2, run("run", "kmeans", "--table", "TABLE"));
        assertTrue(stderr.startsWith("idx: method 'kmeans' needs parameter 'k'"), stderr);
        assertEquals(0, run("run", "kmeans", "--table", "TABLE", "--param", "k=3", "--param", "columns=area,intensity",
                "--out-table", "DIR/out.tsv"), stderr);
        assertTrue(stdout.contains("\"withinss_over_totss\": 0."), stdout);
        List<String> lines = Files.readAllLines(dir.resolve("out.tsv"));
        assertTrue(lines.get(0).endsWith("\tkmeans"));
        assertTrue(lines.get(4).endsWith("\tNA"), lines.get(4));
        assertTrue(lines.get(1).matches(".*\t[123]"), lines.get(1));
    }

    @Test
    void runHdbscan() throws Exception {
        assertEquals(2, run("run", "hdbscan", "--table", "TABLE", "--param", "min-points=1"));
        assertTrue(stderr.contains("parameter 'min-points': '1' is below the minimum 2"), stderr);
        assertEquals(3, run("run", "hdbscan", "--table", "TABLE", "--param", "min-points=25", "--param", "columns=area,intensity"));
        assertTrue(stderr.contains("hdbscan: min-points = 25 is larger than the 19 complete rows"), stderr);
        assertEquals(0, run("run", "hdbscan", "--table", "TABLE", "--param", "min-points=3", "--param", "columns=area,intensity",
                "--out-table", "DIR/out.tsv"), stderr);
        assertTrue(stdout.contains("\"n\": 19"), stdout);
        assertTrue(stdout.contains("\"n_clusters\": "), stdout);
        assertTrue(stdout.contains("\"n_noise\": "), stdout);
        List<String> lines = Files.readAllLines(dir.resolve("out.tsv"));
        assertTrue(lines.get(0).endsWith("\thdbscan"));
        assertTrue(lines.get(4).endsWith("\tNA"), lines.get(4));
        assertTrue(lines.get(1).matches(".*\t[0-9]+"), lines.get(1));
    }
}
