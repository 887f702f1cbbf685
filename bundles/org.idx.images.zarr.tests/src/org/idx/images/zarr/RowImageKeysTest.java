// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.idx.images.ImageAccessException;
import org.idx.images.LocalImageStore;
import org.idx.images.StoreSpec;
import org.idx.images.s3.S3Credentials;
import org.idx.images.s3.S3ImageStore;
import org.idx.images.s3.S3Location;
import org.idx.images.s3.S3Options;
import org.idx.images.s3.S3StoreFactory;
import org.idx.images.testing.S3ProxyServer;
import org.idx.images.testing.ZarrFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row -> image key: by path, and by plate/well/field through generated OME-Zarr HCS plates. */
class RowImageKeysTest {

    @TempDir
    Path folder;

    /** A 2 x 3 plate (rows A, B; columns 1-3) with wells A/1 (one field) and B/3 (two fields). */
    static Map<String, byte[]> plate(String key, int format) {
        ZarrFixture field = ZarrFixture.image("yx", new long[] { 8, 8 }, new int[] { 8, 8 }).samples(p -> p[0] + p[1]);
        Map<String, List<ZarrFixture>> wells = new LinkedHashMap<>();
        wells.put("A/1", List.of(field));
        wells.put("B/3", List.of(field, field));
        return ZarrFixture.plate(key, format, List.of("A", "B"), List.of("1", "2", "3"), wells);
    }

    /** A table of text columns, names ending in '#' numeric; values per column, null for NA. */
    static DataTable table(ColumnRoles roles, Map<String, Object[]> values) {
        List<Column> columns = new ArrayList<>();
        int n = values.values().iterator().next().length;
        values.forEach((name, v) -> {
            if (name.endsWith("#")) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = v[i] == null ? Double.NaN : ((Number) v[i]).doubleValue();
                }
                columns.add(DoubleArrayColumn.of(name.substring(0, name.length() - 1), d));
            } else {
                String[] s = new String[n];
                for (int i = 0; i < n; i++) {
                    s[i] = (String) v[i];
                }
                columns.add(StringArrayColumn.of(name, s));
            }
        });
        DataTable table = new InMemoryDataTable(n, columns);
        table.setRoles(roles);
        return table;
    }

    private static ColumnRoles roles(Object... roleAndColumn) {
        ColumnRoles roles = ColumnRoles.NONE;
        for (int i = 0; i < roleAndColumn.length; i += 2) {
            roles = roles.with((ColumnRole) roleAndColumn[i], (String) roleAndColumn[i + 1]);
        }
        return roles;
    }

    private static Map<String, Object[]> columns(Object... nameAndValues) {
        Map<String, Object[]> out = new LinkedHashMap<>();
        for (int i = 0; i < nameAndValues.length; i += 2) {
            out.put((String) nameAndValues[i], (Object[]) nameAndValues[i + 1]);
        }
        return out;
    }

    @Test
    void theImageColumnValueIsTheKeyAndMayPointIntoAZarr() throws Exception {
        DataTable table = table(roles(ColumnRole.IMAGE, "image"),
                columns("image", new Object[] { "plate.zarr/B/3/0", " images/a.tif ", null }));
        RowImageKeys keys = RowImageKeys.paths(table);
        assertTrue(keys.canResolve());
        assertFalse(keys.fromPlates());
        assertEquals("plate.zarr/B/3/0", keys.key(0));
        assertEquals("images/a.tif", keys.key(1));
        assertNull(keys.keyOrNull(2));
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> keys.key(2));
        assertEquals("Row 3 has no image: its value in column image is empty.", e.getMessage());
    }

    @Test
    void plateWellAndFieldAtARootThatIsAPlate() throws Exception {
        ZarrFixture.writeTo(plate("plate.zarr", 2), folder);
        DataTable table = table(roles(ColumnRole.WELL, "Metadata_Well", ColumnRole.FIELD, "Metadata_Field"),
                columns("Metadata_Well", new Object[] { "B03", "b3", "B-03", "r02c03", "A01", "B/3", "a1" },
                        "Metadata_Field#", new Object[] { 0, 1, 1, 0, 0, 1, 0 }));
        RowImageKeys keys = RowImageKeys.resolve(table, new LocalImageStore(folder.resolve("plate.zarr")), () -> false);
        assertTrue(keys.fromPlates(), keys.whyNoPlates().toString());
        assertEquals(List.of("B/3/0", "B/3/1", "B/3/1", "B/3/0", "A/1/0", "B/3/1", "A/1/0"),
                List.of(keys.key(0), keys.key(1), keys.key(2), keys.key(3), keys.key(4), keys.key(5), keys.key(6)));
        assertEquals("fixture plate", keys.plates().get(0).name());
        assertFalse(keys.oneBasedFields());
    }

    @Test
    void onePlateFolderPerPlateNamedByThePlateColumn() throws Exception {
        ZarrFixture.writeTo(plate("P1.zarr", 2), folder);
        ZarrFixture.writeTo(plate("P2.ome.zarr", 3), folder);
        ZarrFixture.writeTo(plate("P3", 2), folder);
        DataTable table = table(roles(ColumnRole.PLATE, "plate", ColumnRole.WELL, "well", ColumnRole.IMAGE, "image"),
                columns("plate", new Object[] { "P1", "P2", "P3", "P1" }, "well", new Object[] { "A1", "B3", "B03", "A01" },
                        "image", new Object[] { null, null, null, "elsewhere/x.tif" }));
        RowImageKeys keys = RowImageKeys.resolve(table, new LocalImageStore(folder), () -> false);
        assertEquals("P1.zarr/A/1/0", keys.key(0));
        assertEquals("P2.ome.zarr/B/3/0", keys.key(1), "NGFF 0.5 plate; no field column: the first field");
        assertEquals("P3/B/3/0", keys.key(2));
        assertEquals("elsewhere/x.tif", keys.key(3), "an image column value wins over plate/well");
        assertEquals(3, keys.plates().size());
    }

    @Test
    void fieldsCountFromOneWhenNoRowHasFieldZero() throws Exception {
        ZarrFixture.writeTo(plate("plate.zarr", 2), folder);
        DataTable table = table(roles(ColumnRole.WELL, "well", ColumnRole.FIELD, "site"),
                columns("well", new Object[] { "B03", "B03", "A01" }, "site#", new Object[] { 1, 2, 1 }));
        RowImageKeys keys = RowImageKeys.resolve(table, new LocalImageStore(folder.resolve("plate.zarr")), () -> false);
        assertTrue(keys.oneBasedFields());
        assertEquals(List.of("B/3/0", "B/3/1", "A/1/0"), List.of(keys.key(0), keys.key(1), keys.key(2)));
    }

    @Test
    void badValuesSayRowColumnAndValue() throws Exception {
        ZarrFixture.writeTo(plate("P1.zarr", 2), folder);
        DataTable table = table(roles(ColumnRole.PLATE, "plate", ColumnRole.WELL, "well", ColumnRole.FIELD, "field"),
                columns("plate", new Object[] { "P1", "P1", "P1", "P9", "P1", "P1", "../up" },
                        "well", new Object[] { "B03", "H12", "B03", "A01", "A01", null, "A01" },
                        "field#", new Object[] { 0, 0, 5, 0, 0.5, 0, 0 }));
        RowImageKeys keys = RowImageKeys.resolve(table, new LocalImageStore(folder), () -> false);
        assertEquals("P1.zarr/B/3/0", keys.key(0));
        assertEquals("Row 2: well 'H12' (column well) is not in plate 'fixture plate', whose 2 wells lie in rows A–B and columns 1–3.",
                message(keys, 1));
        assertEquals("Row 3: field 5 (column field) is out of range: well B/3 of plate 'fixture plate' has 2 fields (0–1).",
                message(keys, 2));
        assertEquals("Row 4: plate 'P9' (column plate) is not found: no folder P9, P9.zarr or P9.ome.zarr below the image root "
                + folder + " is an OME-Zarr plate.", message(keys, 3));
        assertEquals("Row 5: field '0.5' (column field) is not a whole number.", message(keys, 4));
        assertEquals("Row 6 has no image: its value in column well is empty.", message(keys, 5));
        assertTrue(message(keys, 6).startsWith("Row 7: plate '../up' (column plate) is not found"), "a plate name may not leave the root");
        assertNull(keys.keyOrNull(1));
    }

    @Test
    void aWellListedButMissingOnDiskIsNamed() throws Exception {
        Map<String, byte[]> objects = plate("plate.zarr", 2);
        objects.keySet().removeIf(k -> k.startsWith("plate.zarr/A/1/"));
        ZarrFixture.writeTo(objects, folder);
        DataTable table = table(roles(ColumnRole.WELL, "well"), columns("well", new Object[] { "A1" }));
        RowImageKeys keys = RowImageKeys.resolve(table, new LocalImageStore(folder.resolve("plate.zarr")), () -> false);
        String message = message(keys, 0);
        assertTrue(message.startsWith("Row 1: Well A/1 of plate 'fixture plate' is listed in the plate's metadata, but"), message);
    }

    @Test
    void aMalformedPlateIsReportedAsSuchNotAsMissing() throws Exception {
        ZarrFixture.writeTo(plate("P1.zarr", 2), folder);
        java.nio.file.Files.writeString(folder.resolve("P1.zarr/.zattrs"), "{\"plate\": {\"rows\": [{\"name\": \"A\"}], "
                + "\"columns\": [{\"name\": \"1\"}], \"wells\": [{\"path\": \"B/3\"}]}}");
        DataTable table = table(roles(ColumnRole.PLATE, "plate", ColumnRole.WELL, "well"),
                columns("plate", new Object[] { "P1" }, "well", new Object[] { "A1" }));
        RowImageKeys keys = RowImageKeys.resolve(table, new LocalImageStore(folder), () -> false);
        assertEquals("Row 1: plate 'P1' (column plate) cannot be read: OME-Zarr plate 'P1.zarr' lists well 'B/3' outside its 1 rows "
                + "and 1 columns.", message(keys, 0));
    }

    @Test
    void noImageColumnAndNoPlateSaysWhatToDo() throws Exception {
        DataTable table = table(roles(ColumnRole.WELL, "well"), columns("well", new Object[] { "A1" }));
        RowImageKeys keys = RowImageKeys.resolve(table, new LocalImageStore(folder), () -> false);
        assertFalse(keys.canResolve());
        assertEquals("No image column is configured and the image root " + folder + " is not an OME-Zarr plate: give a column of "
                + "image paths the role IMAGE, or point the image root at an OME-Zarr plate.", message(keys, 0));
    }

    @Test
    void plateFoldersInABucketOfARealS3Server() throws Exception {
        Map<String, byte[]> objects = new LinkedHashMap<>(plate("screen/P1.ome.zarr", 3));
        try (S3ProxyServer server = S3ProxyServer.start(folder, false)) {
            server.put("bucket", objects);
            StoreSpec spec = new StoreSpec("s3", Map.of(S3Location.ENDPOINT, server.endpoint().toString(), S3Location.BUCKET, "bucket",
                    S3Location.PREFIX, "screen", S3Location.PATH_STYLE, "true"));
            S3StoreFactory factory = new S3StoreFactory(l -> Optional.of(S3Credentials.of(S3ProxyServer.KEY_ID, S3ProxyServer.SECRET)),
                    S3Options.DEFAULT);
            try (S3ImageStore store = factory.open(spec)) {
                DataTable table = table(roles(ColumnRole.PLATE, "plate", ColumnRole.WELL, "well", ColumnRole.FIELD, "field"),
                        columns("plate", new Object[] { "P1", "P1", "P2" }, "well", new Object[] { "B03", "A01", "A01" },
                                "field#", new Object[] { 1, 0, 0 }));
                RowImageKeys keys = RowImageKeys.resolve(table, store, () -> false);
                assertEquals("P1.ome.zarr/B/3/1", keys.key(0));
                assertEquals("P1.ome.zarr/A/1/0", keys.key(1));
                assertTrue(message(keys, 2).startsWith("Row 3: plate 'P2' (column plate) is not found"), message(keys, 2));
                assertEquals(2, ZarrReaderTest.registry().open(store, keys.key(0)).metadata().width() / 4);
            }
        }
    }

    private static String message(RowImageKeys keys, int row) {
        return assertThrows(ImageAccessException.class, () -> keys.key(row)).getMessage();
    }
}
