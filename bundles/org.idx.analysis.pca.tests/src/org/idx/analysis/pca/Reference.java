// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.pca;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.idx.core.DataTable;
import org.idx.io.delimited.DelimitedTableReader;

/** The R reference files in {@code resources/org/idx/analysis/pca/reference} (see reference.R there). */
final class Reference {

    private Reference() {
    }

    static DataTable table(Path dir) throws Exception {
        Path file = dir.resolve("pca-input.csv");
        try (InputStream in = open("pca-input.csv")) {
            Files.copy(in, file);
        }
        return DelimitedTableReader.read(file).table();
    }

    static Map<String, Double> expected() throws IOException {
        Map<String, Double> values = new HashMap<>();
        try (InputStream in = open("pca-expected.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                values.put(parts[0], parts[1].equals("NA") ? Double.NaN : Double.parseDouble(parts[1]));
            }
        }
        return values;
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Reference.class.getResourceAsStream("reference/" + name);
        if (in == null) {
            throw new IOException("missing test resource reference/" + name);
        }
        return in;
    }
}
