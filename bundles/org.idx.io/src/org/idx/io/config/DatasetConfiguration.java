// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.io.files.AtomicWrite;
import org.idx.io.json.JsonWriter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * What links a table's rows to their images, as a user configures it and saves it beside a table
 * (the "input configuration"): the column of each {@link ColumnRole}, where the images live and how
 * a second image is shown. It names columns, never rows, so it can be restored on any table with
 * the same columns. The JSON object (documented in {@code docs/configuration.md}) is also what a
 * saved session embeds: {@link #write(JsonWriter)} and {@link #read(JsonParser, String)} work on
 * one object inside a larger document.
 *
 * @param roles       the column of each role
 * @param imageRoot   where the images live, if configured
 * @param secondImage how the second image is shown, if configured
 * @param platePath   where the HCS plates lie below the image root ({@code org.idx.images.PlatePath}: a
 *                    folder, or a pattern with {@code {plate}}), if configured; checked when applied
 */
public record DatasetConfiguration(ColumnRoles roles, Optional<ImageRootSetting> imageRoot,
        Optional<SecondImageMode> secondImage, Optional<String> platePath) {

    /** The format version this class writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    /** The suffix of the configuration file IDX looks for beside a table: {@code nuclei.csv.idx-config.json}. */
    public static final String FILE_SUFFIX = ".idx-config.json";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public DatasetConfiguration {
        Objects.requireNonNull(roles);
        Objects.requireNonNull(imageRoot);
        Objects.requireNonNull(secondImage);
        Objects.requireNonNull(platePath);
        platePath = platePath.filter(p -> !p.isBlank());
    }

    /**
     * A configuration without a plate path.
     *
     * @param roles       the column of each role
     * @param imageRoot   where the images live, if configured
     * @param secondImage how the second image is shown, if configured
     */
    public DatasetConfiguration(ColumnRoles roles, Optional<ImageRootSetting> imageRoot, Optional<SecondImageMode> secondImage) {
        this(roles, imageRoot, secondImage, Optional.empty());
    }

    /**
     * @param table a table
     * @return the configuration file IDX restores on opening it: {@code <table>.idx-config.json} beside it
     */
    public static Path besideTable(Path table) {
        return table.resolveSibling(table.getFileName() + FILE_SUFFIX);
    }

    /**
     * @param role a role
     * @return its name in configuration files: {@code image}, {@code mask_image}, {@code anchor_x}...
     */
    public static String key(ColumnRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param key a role's name in configuration files
     * @return the role, if the name is known
     */
    public static Optional<ColumnRole> role(String key) {
        for (ColumnRole role : ColumnRole.values()) {
            if (key(role).equals(key)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- applying

    /**
     * What {@link #applyTo(DataTable)} did.
     *
     * @param roles   the roles the table has now
     * @param missing for each role whose column the table lacks, {@code role -> column name}; those roles were left
     *                unassigned
     */
    public record Applied(ColumnRoles roles, Map<ColumnRole, String> missing) {

        public Applied {
            missing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missing));
        }

        /** @return one sentence naming the columns the table lacks, or an empty string when it has them all */
        public String describeMissing() {
            if (missing.isEmpty()) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            missing.forEach((role, column) -> parts.add("'" + column + "' (" + key(role).replace('_', ' ') + ")"));
            return "The table has no column " + String.join(", ", parts) + "; "
                    + (missing.size() == 1 ? "that role was" : "those roles were") + " left unassigned.";
        }
    }

    /**
     * Gives the table the configured roles. Roles whose column the table lacks are left unassigned and
     * reported; the others are applied. Fires the table's {@code ROLES_CHANGED} when the roles differ.
     * Roles this configuration does not name are cleared, so the table ends up configured exactly as saved.
     *
     * @param table the table
     * @return the roles applied and the columns missing
     */
    public Applied applyTo(DataTable table) {
        ColumnRoles applied = ColumnRoles.NONE;
        Map<ColumnRole, String> missing = new LinkedHashMap<>();
        for (Map.Entry<ColumnRole, String> entry : roles.asMap().entrySet()) {
            if (table.findColumn(entry.getValue()).isPresent()) {
                applied = applied.with(entry.getKey(), entry.getValue());
            } else {
                missing.put(entry.getKey(), entry.getValue());
            }
        }
        table.setRoles(applied);
        return new Applied(applied, missing);
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes this configuration as one JSON object, e.g. as a member of a session document.
     *
     * @param json where to write; positioned where a value is due
     * @throws IOException when the output fails
     */
    public void write(JsonWriter json) throws IOException {
        json.beginObject();
        json.name("version").value(FORMAT_VERSION);
        json.name("roles").beginObject();
        for (Map.Entry<ColumnRole, String> entry : roles.asMap().entrySet()) {
            json.name(key(entry.getKey())).value(entry.getValue());
        }
        json.endObject();
        if (imageRoot.isPresent()) {
            json.name("imageRoot").beginObject();
            json.name("scheme").value(imageRoot.get().scheme());
            json.name("properties").beginObject();
            for (Map.Entry<String, String> property : imageRoot.get().properties().entrySet()) {
                json.name(property.getKey()).value(property.getValue());
            }
            json.endObject();
            json.endObject();
        }
        if (secondImage.isPresent()) {
            json.name("secondImage").value(secondImage.get().key());
        }
        if (platePath.isPresent()) {
            json.name("platePath").value(platePath.get());
        }
        json.endObject();
    }

    /** @return this configuration as an indented JSON document */
    public String toJson() {
        StringWriter out = new StringWriter();
        try {
            write(new JsonWriter(out, true));
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Writes the configuration file atomically: into a temporary file beside it, then moved over it, so a
     * failed write leaves any previous file intact.
     *
     * @param file the file to write
     * @throws IOException when it cannot be written
     */
    public void write(Path file) throws IOException {
        AtomicWrite.write(file, out -> out.write(toJson().getBytes(StandardCharsets.UTF_8)));
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a configuration file.
     *
     * @param file the file
     * @return the configuration
     * @throws ConfigurationException naming the file, line and column of what is wrong
     */
    public static DatasetConfiguration read(Path file) throws ConfigurationException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigurationException(file.toString(), "the file is not UTF-8 text.", e);
        } catch (IOException e) {
            throw new ConfigurationException(file.toString(), "the file cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /**
     * Reads a configuration document: one JSON object and nothing after it.
     *
     * @param in     the text
     * @param source the name of the source, for messages
     * @return the configuration
     * @throws ConfigurationException naming the source, line and column of what is wrong
     * @throws IOException            when the input fails
     */
    public static DatasetConfiguration read(Reader in, String source) throws ConfigurationException, IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() == null) {
                throw new ConfigurationException(source, 1, 1, "the file is empty; a configuration is a JSON object.");
            }
            DatasetConfiguration configuration = read(parser, source);
            if (parser.nextToken() != null) {
                throw problem(parser, source, "unexpected text after the configuration object.");
            }
            return configuration;
        } catch (JsonParseException e) {
            throw syntax(e, source);
        }
    }

    /**
     * Reads one configuration object from a parser positioned on its {@code START_OBJECT} (e.g. inside a
     * session document) and leaves the parser on its {@code END_OBJECT}.
     *
     * @param parser the parser
     * @param source the name of the source, for messages
     * @return the configuration
     * @throws ConfigurationException naming the source, line and column of what is wrong
     * @throws IOException            when the input fails
     */
    public static DatasetConfiguration read(JsonParser parser, String source) throws ConfigurationException, IOException {
        try {
            return new ObjectReader(parser, source).read();
        } catch (JsonParseException e) {
            throw syntax(e, source);
        }
    }

    private static ConfigurationException syntax(JsonParseException e, String source) {
        JsonLocation at = e.getLocation();
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        String sentence = (cut < 0 ? message : message.substring(0, cut)).trim();
        return new ConfigurationException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                "not valid JSON: " + sentence);
    }

    private static ConfigurationException problem(JsonParser parser, String source, String problem) {
        JsonLocation at = parser.currentTokenLocation();
        return new ConfigurationException(source, at.getLineNr(), at.getColumnNr(), problem);
    }

    /** Reads one object; strict: unknown or mistyped members are errors that name their place. */
    private static final class ObjectReader {
        private final JsonParser parser;
        private final String source;
        private ColumnRoles roles = ColumnRoles.NONE;
        private ImageRootSetting imageRoot;
        private SecondImageMode secondImage;
        private String platePath;
        private int version = -1;
        private ConfigurationException unknown;

        ObjectReader(JsonParser parser, String source) {
            this.parser = parser;
            this.source = source;
        }

        DatasetConfiguration read() throws ConfigurationException, IOException {
            expect(JsonToken.START_OBJECT, "a configuration is a JSON object");
            JsonLocation start = parser.currentTokenLocation();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                case "version" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT) {
                        throw problem(parser, source, "'version' must be a whole number.");
                    }
                    version = parser.getIntValue();
                }
                case "roles" -> readRoles();
                case "imageRoot" -> imageRoot = readImageRoot();
                case "secondImage" -> {
                    String key = text("secondImage");
                    secondImage = SecondImageMode.of(key).orElseThrow(() -> problem(parser, source,
                            "'secondImage' is '" + key + "'; it must be 'overlay' or 'side-by-side'."));
                }
                case "platePath" -> platePath = text("platePath");
                default -> {
                    if (unknown == null) {
                        unknown = problem(parser, source, "unknown member '" + name
                                + "'; a configuration has 'version', 'roles', 'imageRoot', 'secondImage' and 'platePath'.");
                    }
                    parser.skipChildren();
                }
                }
            }
            if (version < 0) {
                throw new ConfigurationException(source, start.getLineNr(), start.getColumnNr(),
                        "the configuration has no 'version'.");
            }
            if (version > FORMAT_VERSION) {
                throw new ConfigurationException(source, start.getLineNr(), start.getColumnNr(), "the configuration has format version "
                        + version + ", written by a newer IDX; this one reads version " + FORMAT_VERSION + ".");
            }
            if (unknown != null) {
                throw unknown;
            }
            return new DatasetConfiguration(roles, Optional.ofNullable(imageRoot), Optional.ofNullable(secondImage),
                    Optional.ofNullable(platePath));
        }

        private void readRoles() throws ConfigurationException, IOException {
            expect(JsonToken.START_OBJECT, "'roles' must be an object of role name to column name");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                ColumnRole role = role(name).orElseThrow(() -> problem(parser, source, "unknown role '" + name
                        + "'; the roles are " + String.join(", ", java.util.Arrays.stream(ColumnRole.values())
                                .map(DatasetConfiguration::key).toList()) + "."));
                parser.nextToken();
                String column = text("roles." + name);
                if (column.isEmpty()) {
                    throw problem(parser, source, "the column of role '" + name + "' is empty.");
                }
                roles = roles.with(role, column);
            }
        }

        private ImageRootSetting readImageRoot() throws ConfigurationException, IOException {
            expect(JsonToken.START_OBJECT, "'imageRoot' must be an object with 'scheme' and 'properties'");
            JsonLocation start = parser.currentTokenLocation();
            String scheme = null;
            Map<String, String> properties = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                case "scheme" -> {
                    scheme = text("imageRoot.scheme");
                    if (scheme.isBlank()) {
                        throw problem(parser, source, "'imageRoot.scheme' is empty.");
                    }
                }
                case "properties" -> {
                    expect(JsonToken.START_OBJECT, "'imageRoot.properties' must be an object of names to text values");
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String property = parser.currentName();
                        parser.nextToken();
                        properties.put(property, text("imageRoot.properties." + property));
                    }
                }
                default -> throw problem(parser, source, "unknown member 'imageRoot." + name
                        + "'; an image root has 'scheme' and 'properties'.");
                }
            }
            if (scheme == null) {
                throw new ConfigurationException(source, start.getLineNr(), start.getColumnNr(), "'imageRoot' has no 'scheme'.");
            }
            return new ImageRootSetting(scheme, properties);
        }

        private void expect(JsonToken token, String what) throws ConfigurationException {
            if (parser.currentToken() != token) {
                throw problem(parser, source, what + ".");
            }
        }

        private String text(String member) throws ConfigurationException, IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw problem(parser, source, "'" + member + "' must be text (in double quotes).");
            }
            return parser.getText();
        }
    }
}
