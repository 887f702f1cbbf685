// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.core.DataTableEvent;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetConfigurationTest {

    private static final DatasetConfiguration SAMPLE = new DatasetConfiguration(
            ColumnRoles.NONE.with(ColumnRole.IMAGE, "image").with(ColumnRole.MASK_IMAGE, "mask")
                    .with(ColumnRole.ANCHOR_X, "x").with(ColumnRole.ANCHOR_Y, "y").with(ColumnRole.GROUP, "siRNA"),
            Optional.of(new ImageRootSetting("file", Map.of("path", "/data/screen 1/images"))),
            Optional.of(SecondImageMode.SIDE_BY_SIDE));

    @TempDir
    Path dir;

    @Test
    void writesTheDocumentedFormat() {
        assertEquals("""
                {
                  "version": 1,
                  "roles": {
                    "image": "image",
                    "mask_image": "mask",
                    "anchor_x": "x",
                    "anchor_y": "y",
                    "group": "siRNA"
                  },
                  "imageRoot": {
                    "scheme": "file",
                    "properties": {
                      "path": "/data/screen 1/images"
                    }
                  },
                  "secondImage": "side-by-side"
                }
                """, SAMPLE.toJson());
    }

    @Test
    void fileRoundTripIsAtomicAndExact() throws Exception {
        Path file = dir.resolve("nuclei.csv.idx-config.json");
        Files.writeString(file, "old");
        SAMPLE.write(file);
        assertEquals(SAMPLE, DatasetConfiguration.read(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file is left behind");
        }
        DatasetConfiguration minimal = new DatasetConfiguration(ColumnRoles.NONE, Optional.empty(), Optional.empty());
        minimal.write(file);
        assertEquals(minimal, DatasetConfiguration.read(file));
    }

    @Test
    void fieldRoleRoundTripsAndOlderFilesWithoutItStillRead() throws Exception {
        Path file = dir.resolve("hcs.csv.idx-config.json");
        DatasetConfiguration hcs = new DatasetConfiguration(ColumnRoles.NONE.with(ColumnRole.PLATE, "Metadata_Plate")
                .with(ColumnRole.WELL, "Metadata_Well").with(ColumnRole.FIELD, "Metadata_Field"),
                Optional.of(new ImageRootSetting("file", Map.of("path", "/data/screen.zarr"))), Optional.empty());
        hcs.write(file);
        assertTrue(Files.readString(file).contains("\"field\": \"Metadata_Field\""), Files.readString(file));
        assertEquals(hcs, DatasetConfiguration.read(file));
        Files.writeString(file, "{\"version\": 1, \"roles\": {\"plate\": \"p\", \"well\": \"w\"}}");
        assertEquals(ColumnRoles.NONE.with(ColumnRole.PLATE, "p").with(ColumnRole.WELL, "w"), DatasetConfiguration.read(file).roles());
    }

    @Test
    void platePathRoundTripsAndOlderFilesWithoutItStillRead() throws Exception {
        Path file = dir.resolve("screen.csv.idx-config.json");
        DatasetConfiguration screen = new DatasetConfiguration(ColumnRoles.NONE.with(ColumnRole.PLATE, "Metadata_Plate")
                .with(ColumnRole.WELL, "Metadata_Well"), Optional.of(new ImageRootSetting("file", Map.of("path", "."))), Optional.empty(),
                Optional.of("plates/{plate}.ome.zarr"));
        screen.write(file);
        assertTrue(Files.readString(file).contains("\"platePath\": \"plates/{plate}.ome.zarr\""), Files.readString(file));
        assertEquals(screen, DatasetConfiguration.read(file));
        // Written before the setting existed: no plate path.
        Files.writeString(file, "{\"version\": 1, \"roles\": {\"well\": \"w\"}, \"secondImage\": \"overlay\"}");
        assertEquals(Optional.empty(), DatasetConfiguration.read(file).platePath());
        assertEquals(Optional.empty(), new DatasetConfiguration(ColumnRoles.NONE, Optional.empty(), Optional.empty(), Optional.of(" "))
                .platePath(), "a blank setting is no setting");
        assertProblem("{\"version\": 1, \"platePath\": 3}", 1, 29, "'platePath' must be text");
    }

    @Test
    void fileBesideTheTable() {
        assertEquals(dir.resolve("nuclei.csv.idx-config.json"), DatasetConfiguration.besideTable(dir.resolve("nuclei.csv")));
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\n  \"version\": 1,\n  \"roles\": { \"image\": \"image\" \n}\n", StandardCharsets.UTF_8);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> DatasetConfiguration.read(file));
        assertEquals(file.toString(), e.source());
        assertEquals(5, e.line(), "the object is left open: the error is at the end of the text");
        assertTrue(e.column() > 0);
        assertTrue(e.getMessage().startsWith(file + ":5:"), e.getMessage());
        assertTrue(e.problem().startsWith("not valid JSON"), e.problem());
    }

    @Test
    void strictAboutMembersAndTypes() {
        assertProblem("{\"version\": 1, \"roles\": {\"imagee\": \"a\"}}", 1, 26, "unknown role 'imagee'");
        assertProblem("{\"version\": 1, \"roles\": {\"image\": 3}}", 1, 35, "'roles.image' must be text");
        assertProblem("{\"version\": 1,\n \"colour\": 2}", 2, 12, "unknown member 'colour'");
        assertProblem("{\"roles\": {}}", 1, 1, "has no 'version'");
        assertProblem("{\"version\": 2, \"colour\": 2}", 1, 1, "format version 2, written by a newer IDX");
        assertProblem("{\"version\": 1, \"secondImage\": \"beside\"}", 1, 31, "must be 'overlay' or 'side-by-side'");
        assertProblem("{\"version\": 1, \"imageRoot\": {\"properties\": {}}}", 1, 29, "'imageRoot' has no 'scheme'");
        assertProblem("{\"version\": 1, \"imageRoot\": {\"scheme\": \"s3\", \"properties\": {\"secret\": 1}}}", 1, 71,
                "'imageRoot.properties.secret' must be text");
        assertProblem("{\"version\": 1, \"version\": 1}", 1, 25, "not valid JSON: Duplicate field 'version'");
        assertProblem("[1]", 1, 1, "a configuration is a JSON object");
        assertProblem("{\"version\": 1} {}", 1, 16, "unexpected text after");
        assertProblem("", 1, 1, "the file is empty");
    }

    private static void assertProblem(String json, int line, int column, String problem) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> DatasetConfiguration.read(new StringReader(json), "c.json"), json);
        assertTrue(e.problem().contains(problem), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }

    @Test
    void applyToSetsPresentRolesAndReportsMissingColumns() {
        DataTable table = new InMemoryDataTable(2, List.of(StringArrayColumn.of("image", "a.tif", "b.tif"),
                DoubleArrayColumn.of("x", 1, 2), DoubleArrayColumn.of("y", 3, 4), DoubleArrayColumn.of("area", 5, 6)));
        table.setRoles(ColumnRoles.NONE.with(ColumnRole.LABEL, "area"));
        List<DataTableEvent> events = new ArrayList<>();
        table.addListener(events::add);

        DatasetConfiguration.Applied applied = SAMPLE.applyTo(table);

        ColumnRoles expected = ColumnRoles.NONE.with(ColumnRole.IMAGE, "image").with(ColumnRole.ANCHOR_X, "x")
                .with(ColumnRole.ANCHOR_Y, "y");
        assertEquals(expected, table.roles());
        assertEquals(expected, applied.roles());
        assertEquals(Map.of(ColumnRole.MASK_IMAGE, "mask", ColumnRole.GROUP, "siRNA"), applied.missing());
        assertEquals("The table has no column 'mask' (mask image), 'siRNA' (group); those roles were left unassigned.",
                applied.describeMissing());
        assertEquals(List.of(DataTableEvent.Kind.ROLES_CHANGED), events.stream().map(DataTableEvent::kind).toList());
    }
}
