// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.images.ImageAccessException;
import org.idx.images.LocalImageStore;
import org.idx.images.PlatePath;
import org.idx.images.testing.ZarrFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plate path setting: where a screen's plates lie below the image root, as a folder or a {plate} pattern. */
class PlatePathTest {

    @TempDir
    Path folder;

    @Test
    void aSettingIsNormalisedAndABadOneIsRefusedInOneSentenceNamingTheSetting() {
        assertTrue(PlatePath.parse(null).isDefault());
        assertTrue(PlatePath.parse("  ").isDefault());
        assertEquals("plates/{plate}.ome.zarr", PlatePath.parse(" ./plates//{plate}.ome.zarr/ ").text());
        assertTrue(PlatePath.parse("plates/{plate}.ome.zarr").isPattern());
        assertEquals("screens/2024", PlatePath.parse("screens/2024/").folder());
        assertFalse(PlatePath.parse("screens").isPattern());
        assertEquals("plates/P1.ome.zarr", PlatePath.parse("plates/{plate}.ome.zarr").keyOf("P1"));
        for (String[] bad : new String[][] { { "plates/{well}.zarr", "brace that is not part of {plate}" },
                { "../plates/{plate}", "leaves the image root" }, { "/data/plates", "not relative to the image root" },
                { "s3://bucket/{plate}", "not relative to the image root" }, { "plates\\{plate}", "separate folders with '/'" },
                { "plates/{plate", "brace" } }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlatePath.parse(bad[0]), bad[0]);
            assertTrue(e.getMessage().startsWith("The plate path setting '" + bad[0] + "' ") && e.getMessage().contains(bad[1]),
                    e.getMessage());
        }
    }

    private static DataTable table() {
        return RowImageKeysTest.table(ColumnRoles.NONE.with(ColumnRole.PLATE, "plate").with(ColumnRole.WELL, "well"),
                Map.of("plate", new Object[] { "P1", "P2", "P3" }, "well", new Object[] { "A1", "B3", "A1" }));
    }

    private static RowImageKeys resolve(DataTable table, HcsPlates plates) {
        return RowImageKeys.resolve(table, table.roles(), plates, () -> false);
    }

    @Test
    void aPatternPlacesEachPlateExactlyWhereItSays() throws Exception {
        ZarrFixture.writeTo(RowImageKeysTest.plate("screen/P1.ome.zarr", 2), folder);
        ZarrFixture.writeTo(RowImageKeysTest.plate("screen/P2.ome.zarr", 3), folder);
        ZarrFixture.writeTo(RowImageKeysTest.plate("P3.zarr", 2), folder); // where the default would look: not with a pattern
        HcsPlates plates = HcsPlates.open(new LocalImageStore(folder), PlatePath.parse("screen/{plate}.ome.zarr"));
        RowImageKeys keys = resolve(table(), plates);
        assertTrue(keys.fromPlates());
        assertEquals("screen/P1.ome.zarr/A/1/0", keys.key(0));
        assertEquals("screen/P2.ome.zarr/B/3/0", keys.key(1));
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> keys.key(2));
        assertEquals("Row 3: plate 'P3' (column plate) is not found: folder screen/P3.ome.zarr below the image root "
                + folder + " is not an OME-Zarr plate (plate path setting 'screen/{plate}.ome.zarr').", e.getMessage());
        assertEquals(List.of("screen/P1.ome.zarr"), plates.candidates("P1"));
        assertEquals(List.of(), plates.candidates("../../P1"), "a plate name may not leave the root");
    }

    @Test
    void aFolderHoldsThePlateFoldersOrIsItselfThePlate() throws Exception {
        ZarrFixture.writeTo(RowImageKeysTest.plate("plates/P1.zarr", 2), folder);
        ZarrFixture.writeTo(RowImageKeysTest.plate("plates/P2", 3), folder);
        HcsPlates plates = HcsPlates.open(new LocalImageStore(folder), PlatePath.parse("plates"));
        RowImageKeys keys = resolve(table(), plates);
        assertEquals("plates/P1.zarr/A/1/0", keys.key(0));
        assertEquals("plates/P2/B/3/0", keys.key(1));
        assertTrue(keys.whyNoPlates().isEmpty());
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> keys.key(2));
        assertTrue(e.getMessage().contains("no folder plates/P3, plates/P3.zarr or plates/P3.ome.zarr below the image root "
                + folder + " is an OME-Zarr plate (plate path setting 'plates')"), e.getMessage());

        // One plate: the folder is the plate; a table without a plate column points into it.
        ZarrFixture.writeTo(RowImageKeysTest.plate("one/only.zarr", 2), folder);
        DataTable wellsOnly = RowImageKeysTest.table(ColumnRoles.NONE.with(ColumnRole.WELL, "well"),
                Map.of("well", new Object[] { "B3" }));
        RowImageKeys single = resolve(wellsOnly, HcsPlates.open(new LocalImageStore(folder), PlatePath.parse("one/only.zarr")));
        assertEquals("one/only.zarr/B/3/0", single.key(0));
        RowImageKeys none = resolve(wellsOnly, HcsPlates.open(new LocalImageStore(folder), PlatePath.parse("one")));
        assertEquals("the folder one below the image root " + folder + " is not an OME-Zarr plate (plate path setting 'one')",
                none.whyNoPlates().orElseThrow());
    }
}
