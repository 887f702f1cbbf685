// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.info;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.idx.core.NumberText;
import org.idx.io.delimited.ReadResult;
import org.idx.io.delimited.ReadWarning;
import org.idx.io.json.JsonWriter;

/**
 * What the reader made of a table: the content of {@code idx info} (spec/cli.md).
 *
 * <pre>
 * { "rows": N, "delimiter": ",", "decimal": ".",
 *   "columns": [ {"name", "type": "numeric|categorical|text", "na": N,
 *                 "min", "max", "mean" (numeric only), "levels" (categorical only)} ],
 *   "warnings": ["..."] }
 * </pre>
 *
 * @param rows      the number of rows
 * @param delimiter the field delimiter
 * @param decimal   the decimal mark
 * @param columns   one entry per column
 * @param warnings  the reader's warnings, one line each
 */
public record TableInfo(int rows, String delimiter, String decimal, List<ColumnInfo> columns, List<String> warnings) {

    /** Copies the lists. */
    public TableInfo {
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param result a read result
     * @return its information
     */
    public static TableInfo of(ReadResult result) {
        return new TableInfo(result.table().rowCount(), String.valueOf(result.dialect().delimiter()),
                String.valueOf(result.dialect().decimal()),
                result.table().columns().stream().map(ColumnInfo::of).toList(),
                result.warnings().stream().map(ReadWarning::toString).toList());
    }

    /**
     * Writes the information as one JSON object. Numbers are at full precision; NA/undefined
     * (the min of an all-NA column) is {@code null}.
     *
     * @param json the writer
     * @throws IOException when writing fails
     */
    public void write(JsonWriter json) throws IOException {
        json.beginObject();
        json.name("rows").value(rows);
        json.name("delimiter").value(delimiter);
        json.name("decimal").value(decimal);
        json.name("columns").beginArray();
        for (ColumnInfo column : columns) {
            json.beginObject();
            json.name("name").value(column.name());
            json.name("type").value(column.type());
            json.name("na").value(column.na());
            if (column.type().equals("numeric")) {
                number(json.name("min"), column.min(), column.integer());
                number(json.name("max"), column.max(), column.integer());
                json.name("mean").value(column.mean());
            }
            if (column.levels() != null) {
                json.name("levels").beginArray();
                for (String level : column.levels()) {
                    json.value(level);
                }
                json.endArray();
            }
            json.endObject();
        }
        json.endArray();
        json.name("warnings").beginArray();
        for (String warning : warnings) {
            json.value(warning);
        }
        json.endArray();
        json.endObject();
    }

    /** @return the information as indented JSON text */
    public String toJson() {
        StringBuilder text = new StringBuilder();
        try {
            write(new JsonWriter(text, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return text.toString();
    }

    private static void number(JsonWriter json, double value, boolean integer) throws IOException {
        if (integer && Double.isFinite(value)) {
            json.value(Long.parseLong(NumberText.format(value, true)));
        } else {
            json.value(value);
        }
    }
}
