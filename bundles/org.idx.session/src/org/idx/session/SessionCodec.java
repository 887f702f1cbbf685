// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.idx.analysis.TrainedModel;
import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnRoles;
import org.idx.core.NumericColumn;
import org.idx.core.TextColumn;
import org.idx.core.annotation.Label;
import org.idx.core.annotation.LabelSet;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.StringArrayColumn;
import org.idx.io.config.ConfigurationException;
import org.idx.io.config.DatasetConfiguration;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Writes and reads sessions as JSON (format {@value #FORMAT}, version {@value #VERSION}; see
 * {@code docs/sessions.md}). Large parts stay compact and exact: codes are run-length encoded,
 * numbers are the IEEE 754 bits of each double, big-endian, in Base64, and NA rows a Base64 bit
 * set. Reading streams through the file; a file that does not follow the format is refused with
 * a sentence naming the file, the key and the line.
 */
public final class SessionCodec {

    /** The value of the {@code format} key. */
    public static final String FORMAT = "idx-session";
    /** The version written. */
    public static final int VERSION = 1;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private SessionCodec() {
    }

    // ------------------------------------------------------------------ writing

    /**
     * @param session the session
     * @param out     where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void write(Session session, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeStringField("saved", session.saved().toString());
            writeTable(json, session);
            writeConfiguration(json, session.configuration());
            json.writeArrayFieldStart("annotations");
            for (AnnotationState annotation : session.annotations()) {
                json.writeStartObject();
                json.writeStringField("column", annotation.column().name());
                json.writeBooleanField("created", annotation.created());
                json.writeArrayFieldStart("labels");
                for (Label label : annotation.labels().labels()) {
                    json.writeStartObject();
                    json.writeStringField("name", label.name());
                    json.writeStringField("colour", label.hex());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeFieldName("codes");
                writeRuns(json, annotation.column());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("derived");
            for (Column column : session.derived()) {
                writeColumn(json, column);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("models");
            for (TrainedModel model : session.models()) {
                writeModel(json, model);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeTable(JsonGenerator json, Session session) throws IOException {
        TableFingerprint fingerprint = session.fingerprint();
        json.writeObjectFieldStart("table");
        json.writeStringField("path", session.table().toString());
        json.writeNumberField("size", fingerprint.size());
        json.writeNumberField("modified", fingerprint.modified());
        json.writeStringField("headerSha256", fingerprint.headerSha256());
        json.writeNumberField("rows", fingerprint.rows());
        json.writeEndObject();
    }

    /** The configuration object, exactly as a configuration file holds it ({@code docs/configuration.md}). */
    private static void writeConfiguration(JsonGenerator json, DatasetConfiguration configuration) throws IOException {
        json.writeFieldName("configuration");
        json.writeRawValue(configuration.toJson());
    }

    /** Codes as runs: code, length, code, length... ({@code -1} is NA). */
    private static void writeRuns(JsonGenerator json, CategoricalColumn column) throws IOException {
        json.writeStartArray();
        int n = column.size();
        int row = 0;
        while (row < n) {
            int code = column.code(row);
            int end = row + 1;
            while (end < n && column.code(end) == code) {
                end++;
            }
            json.writeNumber(code);
            json.writeNumber(end - row);
            row = end;
        }
        json.writeEndArray();
    }

    /** A trained model: what every model has, and its own bytes in Base64. */
    private static void writeModel(JsonGenerator json, TrainedModel model) throws IOException {
        json.writeStartObject();
        json.writeStringField("method", model.method());
        json.writeStringField("name", model.name());
        json.writeStringField("created", model.created().toString());
        json.writeArrayFieldStart("features");
        for (String feature : model.features()) {
            json.writeString(feature);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("classes");
        for (String name : model.classes()) {
            json.writeString(name);
        }
        json.writeEndArray();
        json.writeStringField("description", model.description());
        json.writeFieldName("bytes");
        json.writeBinary(model.bytes());
        json.writeEndObject();
    }

    private static void writeColumn(JsonGenerator json, Column column) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", column.name());
        switch (column) {
        case NumericColumn numeric -> {
            json.writeStringField("type", "numeric");
            json.writeBooleanField("integer", numeric.isInteger());
            ByteBuffer bits = ByteBuffer.allocate(Math.multiplyExact(numeric.size(), Double.BYTES));
            BitSet na = new BitSet();
            for (int row = 0; row < numeric.size(); row++) {
                bits.putLong(Double.doubleToRawLongBits(numeric.value(row)));
                if (numeric.isNA(row)) {
                    na.set(row);
                }
            }
            json.writeFieldName("float64");
            json.writeBinary(bits.array());
            json.writeFieldName("na");
            json.writeBinary(na.toByteArray());
        }
        case CategoricalColumn categorical -> {
            json.writeStringField("type", "categorical");
            json.writeArrayFieldStart("levels");
            for (String level : categorical.levels()) {
                json.writeString(level);
            }
            json.writeEndArray();
            json.writeFieldName("codes");
            writeRuns(json, categorical);
        }
        case TextColumn text -> {
            json.writeStringField("type", "text");
            json.writeArrayFieldStart("values");
            for (int row = 0; row < text.size(); row++) {
                json.writeString(text.text(row));
            }
            json.writeEndArray();
        }
        }
        json.writeEndObject();
    }

    // ------------------------------------------------------------------ reading

    /**
     * @param in   the JSON (not closed)
     * @param name the file name, for messages
     * @return the session
     * @throws SessionFormatException when the content is not a session of a version this reads
     * @throws IOException            when reading fails
     */
    public static Session read(InputStream in, String name) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            json.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return new Reader(json, name).session();
        } catch (JsonProcessingException e) {
            throw new SessionFormatException(name + " is not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Reads one session; knows the file name and the key being read for its messages. */
    private static final class Reader {
        private final JsonParser json;
        private final String name;

        Reader(JsonParser json, String name) {
            this.json = json;
            this.name = name;
        }

        private SessionFormatException problem(String what) {
            return new SessionFormatException(name + ", line " + json.currentLocation().getLineNr() + ": " + what);
        }

        private void expect(JsonToken token, String key) throws IOException {
            if (json.currentToken() != token) {
                throw problem("'" + key + "' should be " + describe(token) + ", not " + describe(json.currentToken()));
            }
        }

        private static String describe(JsonToken token) {
            if (token == null) {
                return "the end of the file";
            }
            return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name().toLowerCase() : "'" + token.asString() + "'";
            };
        }

        private String string(String key) throws IOException {
            expect(JsonToken.VALUE_STRING, key);
            return json.getText();
        }

        private long integer(String key) throws IOException {
            expect(JsonToken.VALUE_NUMBER_INT, key);
            return json.getLongValue();
        }

        private boolean bool(String key) throws IOException {
            if (!json.currentToken().isBoolean()) {
                expect(JsonToken.VALUE_TRUE, key);
            }
            return json.getBooleanValue();
        }

        Session session() throws IOException {
            json.nextToken();
            expect(JsonToken.START_OBJECT, "the file");
            String format = null;
            long version = -1;
            Instant saved = null;
            Path table = null;
            TableFingerprint fingerprint = null;
            DatasetConfiguration configuration = new DatasetConfiguration(ColumnRoles.NONE, Optional.empty(), Optional.empty());
            List<AnnotationState> annotations = new ArrayList<>();
            List<Column> derived = new ArrayList<>();
            List<TrainedModel> models = new ArrayList<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                switch (key) {
                case "format" -> format = string(key);
                case "version" -> version = integer(key);
                case "saved" -> saved = instant(string(key));
                case "table" -> {
                    Object[] parsed = table();
                    table = (Path) parsed[0];
                    fingerprint = (TableFingerprint) parsed[1];
                }
                case "configuration" -> configuration = configuration();
                case "annotations" -> {
                    expect(JsonToken.START_ARRAY, key);
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        annotations.add(annotation(fingerprint));
                    }
                }
                case "derived" -> {
                    expect(JsonToken.START_ARRAY, key);
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        derived.add(column(fingerprint));
                    }
                }
                case "models" -> {
                    expect(JsonToken.START_ARRAY, key);
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        TrainedModel model = model();
                        if (models.stream().anyMatch(m -> m.name().equals(model.name()))) {
                            throw problem("two models are named '" + model.name() + "'");
                        }
                        models.add(model);
                    }
                }
                default -> json.skipChildren();
                }
                if (format != null && !FORMAT.equals(format)) {
                    throw problem("'format' is '" + format + "', not '" + FORMAT + "': this is not an IDX session");
                }
                if (version > VERSION) {
                    throw problem("the session has version " + version + "; this IDX reads up to version " + VERSION
                            + ". A newer IDX wrote it.");
                }
            }
            if (format == null) {
                throw problem("there is no 'format' key: this is not an IDX session");
            }
            if (fingerprint == null) {
                throw problem("the 'table' object is missing");
            }
            return new Session(table, fingerprint, saved == null ? Instant.EPOCH : saved, configuration, annotations,
                    derived, models);
        }

        private Instant instant(String text) throws SessionFormatException {
            return instant("saved", text);
        }

        private Instant instant(String key, String text) throws SessionFormatException {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw problem("'" + key + "' is not a time: " + text);
            }
        }

        private TrainedModel model() throws IOException {
            expect(JsonToken.START_OBJECT, "models[]");
            String method = null;
            String modelName = null;
            Instant created = Instant.EPOCH;
            List<String> features = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            String description = "";
            byte[] bytes = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                switch (key) {
                case "method" -> method = string("models[].method");
                case "name" -> modelName = string("models[].name");
                case "created" -> created = instant("models[].created", string("models[].created"));
                case "features" -> strings("models[].features", features);
                case "classes" -> strings("models[].classes", classes);
                case "description" -> description = string("models[].description");
                case "bytes" -> {
                    expect(JsonToken.VALUE_STRING, "models[].bytes");
                    bytes = json.getBinaryValue();
                }
                default -> json.skipChildren();
                }
            }
            if (method == null || modelName == null || bytes == null) {
                throw problem("a model needs 'method', 'name' and 'bytes'");
            }
            try {
                return new TrainedModel(method, modelName, created, features, classes, description, bytes);
            } catch (IllegalArgumentException e) {
                throw problem("model '" + modelName + "': " + e.getMessage());
            }
        }

        private void strings(String key, List<String> into) throws IOException {
            expect(JsonToken.START_ARRAY, key);
            while (json.nextToken() != JsonToken.END_ARRAY) {
                into.add(string(key + "[]"));
            }
        }

        private Object[] table() throws IOException {
            expect(JsonToken.START_OBJECT, "table");
            String path = null;
            long size = -1;
            long modified = -1;
            String header = null;
            long rows = -1;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                switch (key) {
                case "path" -> path = string("table.path");
                case "size" -> size = integer("table.size");
                case "modified" -> modified = integer("table.modified");
                case "headerSha256" -> header = string("table.headerSha256");
                case "rows" -> rows = integer("table.rows");
                default -> json.skipChildren();
                }
            }
            if (path == null || header == null || rows < 0 || rows > Integer.MAX_VALUE) {
                throw problem("'table' needs 'path', 'headerSha256' and 'rows'");
            }
            return new Object[] { Path.of(path), new TableFingerprint(size, modified, header, (int) rows) };
        }

        private DatasetConfiguration configuration() throws IOException {
            try {
                return DatasetConfiguration.read(json, name);
            } catch (ConfigurationException e) {
                throw new SessionFormatException(e.getMessage(), e);
            }
        }

        private AnnotationState annotation(TableFingerprint fingerprint) throws IOException {
            expect(JsonToken.START_OBJECT, "annotations[]");
            String column = null;
            boolean created = true;
            List<Label> labels = new ArrayList<>();
            int[] codes = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                switch (key) {
                case "column" -> column = string("annotations[].column");
                case "created" -> created = bool("annotations[].created");
                case "labels" -> {
                    expect(JsonToken.START_ARRAY, "annotations[].labels");
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        labels.add(label());
                    }
                }
                case "codes" -> codes = runs("annotations[].codes", rowsOf(fingerprint));
                default -> json.skipChildren();
                }
            }
            if (column == null || codes == null) {
                throw problem("an annotation needs 'column' and 'codes'");
            }
            try {
                LabelSet set = LabelSet.of(labels);
                return new AnnotationState(set, DictionaryColumn.adopt(column, codes, set.names()), created);
            } catch (IllegalArgumentException e) {
                throw problem("annotation column '" + column + "': " + e.getMessage());
            }
        }

        private Label label() throws IOException {
            expect(JsonToken.START_OBJECT, "labels[]");
            String labelName = null;
            int rgb = 0;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                switch (key) {
                case "name" -> labelName = string("labels[].name");
                case "colour" -> {
                    String colour = string("labels[].colour");
                    if (!colour.matches("#[0-9a-fA-F]{6}")) {
                        throw problem("label colour '" + colour + "' is not #rrggbb");
                    }
                    rgb = Integer.parseInt(colour.substring(1), 16);
                }
                default -> json.skipChildren();
                }
            }
            if (labelName == null || labelName.isBlank()) {
                throw problem("a label needs a 'name'");
            }
            return new Label(labelName, rgb);
        }

        private static int rowsOf(TableFingerprint fingerprint) {
            return fingerprint == null ? -1 : fingerprint.rows();
        }

        private int[] runs(String key, int rows) throws IOException {
            if (rows < 0) {
                throw problem("'table' must come before '" + key + "'");
            }
            expect(JsonToken.START_ARRAY, key);
            int[] codes = new int[rows];
            int row = 0;
            while (json.nextToken() != JsonToken.END_ARRAY) {
                int code = (int) integer(key);
                json.nextToken();
                long length = integer(key);
                if (length <= 0 || row + length > rows) {
                    throw problem("'" + key + "' has a run of " + length + " rows at row " + row + " of " + rows);
                }
                java.util.Arrays.fill(codes, row, row + (int) length, code);
                row += (int) length;
            }
            if (row != rows) {
                throw problem("'" + key + "' covers " + row + " rows, the table has " + rows);
            }
            return codes;
        }

        private Column column(TableFingerprint fingerprint) throws IOException {
            expect(JsonToken.START_OBJECT, "derived[]");
            int rows = rowsOf(fingerprint);
            String column = null;
            String type = null;
            boolean integerColumn = false;
            byte[] float64 = null;
            byte[] na = new byte[0];
            List<String> levels = null;
            int[] codes = null;
            String[] values = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                switch (key) {
                case "name" -> column = string("derived[].name");
                case "type" -> type = string("derived[].type");
                case "integer" -> integerColumn = bool("derived[].integer");
                case "float64" -> {
                    expect(JsonToken.VALUE_STRING, "derived[].float64");
                    float64 = json.getBinaryValue();
                }
                case "na" -> {
                    expect(JsonToken.VALUE_STRING, "derived[].na");
                    na = json.getBinaryValue();
                }
                case "levels" -> {
                    expect(JsonToken.START_ARRAY, "derived[].levels");
                    levels = new ArrayList<>();
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        levels.add(string("derived[].levels[]"));
                    }
                }
                case "codes" -> codes = runs("derived[].codes", rows);
                case "values" -> {
                    expect(JsonToken.START_ARRAY, "derived[].values");
                    if (rows < 0) {
                        throw problem("'table' must come before 'derived'");
                    }
                    values = new String[rows];
                    int row = 0;
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        if (row >= rows) {
                            throw problem("derived column '" + column + "' has more than " + rows + " values");
                        }
                        values[row++] = json.currentToken() == JsonToken.VALUE_NULL ? null : string("derived[].values[]");
                    }
                    if (row != rows) {
                        throw problem("derived column '" + column + "' has " + row + " values, the table " + rows);
                    }
                }
                default -> json.skipChildren();
                }
            }
            if (column == null || type == null) {
                throw problem("a derived column needs 'name' and 'type'");
            }
            try {
                return switch (type) {
                case "numeric" -> {
                    if (float64 == null || float64.length != (long) rows * Double.BYTES) {
                        throw problem("derived column '" + column + "': 'float64' must hold " + rows + " values");
                    }
                    double[] doubles = new double[rows];
                    ByteBuffer.wrap(float64).asDoubleBuffer().get(doubles);
                    BitSet naRows = BitSet.valueOf(na);
                    if (naRows.length() > rows) {
                        throw problem("derived column '" + column + "': 'na' names a row past the table's end");
                    }
                    yield DoubleArrayColumn.adopt(column, doubles, naRows, integerColumn);
                }
                case "categorical" -> {
                    if (levels == null || codes == null) {
                        throw problem("derived column '" + column + "' needs 'levels' and 'codes'");
                    }
                    yield DictionaryColumn.adopt(column, codes, levels);
                }
                case "text" -> {
                    if (values == null) {
                        throw problem("derived column '" + column + "' needs 'values'");
                    }
                    yield StringArrayColumn.adopt(column, values);
                }
                default -> throw problem("derived column '" + column + "' has the unknown type '" + type + "'");
                };
            } catch (IllegalArgumentException e) {
                throw problem("derived column '" + column + "': " + e.getMessage());
            }
        }
    }
}
