// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.idx.core.DataTable;
import org.idx.io.delimited.DelimitedTableReader;

/** The R reference files in {@code resources/org/idx/analysis/umap/reference} (see reference.R there). */
final class Reference {

    private Reference() {
    }

    /**
     * @param dir  a scratch directory
     * @param name a gzipped CSV resource
     * @return the table it holds
     */
    static DataTable table(Path dir, String name) throws Exception {
        Path file = dir.resolve(name.replace(".gz", ""));
        try (InputStream in = new GZIPInputStream(open(name))) {
            Files.copy(in, file);
        }
        return DelimitedTableReader.read(file).table();
    }

    static Map<String, Double> expected() throws IOException {
        Map<String, Double> values = new HashMap<>();
        try (InputStream in = open("umap-expected.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.trim().split(" ");
                    values.put(parts[0], Double.parseDouble(parts[1]));
                }
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
