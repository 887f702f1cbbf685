// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.idx.io.json.JsonWriter;

/**
 * Writes a report tree ({@link AnalysisResult#report()}) as JSON: maps as objects in their
 * iteration order, lists and primitive arrays as arrays, numbers at full double precision
 * (integral {@code Integer}/{@code Long} as whole numbers), NaN and infinities as {@code null}.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * @param report the report
     * @param out    where to write
     * @param pretty whether to indent
     * @throws IOException when the output fails
     * @throws IllegalArgumentException when the tree holds an unsupported value
     */
    public static void write(Map<String, ?> report, Appendable out, boolean pretty) throws IOException {
        JsonWriter json = new JsonWriter(out, pretty);
        value(json, report);
    }

    /**
     * @param report the report
     * @param pretty whether to indent
     * @return the JSON text
     */
    public static String toJson(Map<String, ?> report, boolean pretty) {
        StringBuilder out = new StringBuilder();
        try {
            write(report, out, pretty);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    /**
     * Writes one value of a report tree.
     *
     * @param json  the writer
     * @param value the value
     * @throws IOException when the output fails
     */
    public static void value(JsonWriter json, Object value) throws IOException {
        switch (value) {
            case null -> json.nullValue();
            case Map<?, ?> map -> {
                json.beginObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.name(String.valueOf(entry.getKey()));
                    value(json, entry.getValue());
                }
                json.endObject();
            }
            case List<?> list -> {
                json.beginArray();
                for (Object item : list) {
                    value(json, item);
                }
                json.endArray();
            }
            case double[] array -> {
                json.beginArray();
                for (double item : array) {
                    json.value(item);
                }
                json.endArray();
            }
            case int[] array -> {
                json.beginArray();
                for (int item : array) {
                    json.value(item);
                }
                json.endArray();
            }
            case long[] array -> {
                json.beginArray();
                for (long item : array) {
                    json.value(item);
                }
                json.endArray();
            }
            case String text -> json.value(text);
            case Boolean truth -> json.value(truth.booleanValue());
            case Integer number -> json.value(number.longValue());
            case Long number -> json.value(number.longValue());
            case Short number -> json.value(number.longValue());
            case Byte number -> json.value(number.longValue());
            case Number number -> json.value(number.doubleValue());
            default -> throw new IllegalArgumentException("a report cannot hold a " + value.getClass().getName());
        }
    }
}
