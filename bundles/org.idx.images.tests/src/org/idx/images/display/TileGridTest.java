// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.idx.images.PlaneRegion;
import org.idx.images.display.TileGrid.Tile;
import org.junit.jupiter.api.Test;

class TileGridTest {

    @Test
    void tilesAreClippedToThePlane() {
        TileGrid grid = new TileGrid(1300, 700, 512);
        assertEquals(3, grid.columns());
        assertEquals(2, grid.rows());
        assertEquals(new PlaneRegion(0, 0, 512, 512), grid.region(new Tile(0, 0)));
        assertEquals(new PlaneRegion(1024, 512, 276, 188), grid.region(new Tile(2, 1)));
        assertThrows(IllegalArgumentException.class, () -> grid.region(new Tile(3, 0)));
        assertThrows(IllegalArgumentException.class, () -> new TileGrid(0, 10, 512));
    }

    @Test
    void theWindowOfAViewIsWidenedByTheMarginToWholeTilesInsideThePlane() {
        // Level 1 of a 32768^2 image (16384^2): a 1200x800 view at 100 % around (16000, 16000) of the full image
        // is 600x400 level pixels around (8000, 8000).
        TileGrid level1 = new TileGrid(16384, 16384, 512);
        PlaneRegion w = level1.window(15400, 15600, 16600, 16400, 32768, 32768, 0);
        assertEquals(new PlaneRegion(7680, 7680, 1024, 1024), w, "7700..8300 x 7800..8200 lies in tiles 15..16 x 15..16");
        PlaneRegion margin = level1.window(15400, 15600, 16600, 16400, 32768, 32768, 100);
        assertEquals(new PlaneRegion(7168, 7680, 1536, 1024), margin, "7600..8400 x 7700..8300");
        // A view reaching past the image is clipped; one beside it meets nothing.
        assertEquals(new PlaneRegion(15872, 0, 512, 512), level1.window(32000, -500, 33000, 200, 32768, 32768, 0));
        assertNull(level1.window(40000, 0, 41000, 100, 32768, 32768, 0));
        // The last tile of an odd-sized plane ends at the plane's edge.
        TileGrid odd = new TileGrid(1000, 600, 512);
        assertEquals(new PlaneRegion(512, 0, 488, 600), odd.window(600, 10, 999, 590, 1000, 600, 0));
    }

    @Test
    void theTilesCoveringAWindowAreEachReadOnceNearestTheCentreFirst() {
        TileGrid grid = new TileGrid(10_000, 10_000, 512);
        PlaneRegion area = new PlaneRegion(1000, 1000, 1600, 1100);
        List<Tile> tiles = grid.covering(area);
        Set<Tile> unique = new HashSet<>(tiles);
        assertEquals(tiles.size(), unique.size());
        // columns 1..5 (512..3071), rows 1..4 (512..2559)
        assertEquals(5 * 4, tiles.size());
        for (Tile t : tiles) {
            assertTrue(t.column() >= 1 && t.column() <= 5 && t.row() >= 1 && t.row() <= 4, t.toString());
        }
        Tile first = tiles.get(0);
        assertTrue(first.column() == 3 && (first.row() == 2 || first.row() == 3), "the centre (1800, 1550) is in tile 3 of row 3: " + first);
        Tile last = tiles.get(tiles.size() - 1);
        assertTrue(last.column() == 1 || last.column() == 5, "a corner comes last: " + last);
        assertEquals(List.of(new Tile(19, 19)), grid.covering(new PlaneRegion(9990, 9990, 100, 100)), "clipped to the grid");
    }

    @Test
    void onlyPlanesMuchLargerThanTheViewOrThanARegionAreTiled() {
        assertFalse(TileGrid.wantsTiles(2048, 2048, 1200, 800), "a 2048^2 plane is read whole");
        assertFalse(TileGrid.wantsTiles(3072, 3072, 1200, 800), "ten views' worth is still read whole");
        assertTrue(TileGrid.wantsTiles(8192, 8192, 1200, 800));
        assertTrue(TileGrid.wantsTiles(16384, 16384, 4000, 4000), "over the region limit whatever the view");
        assertFalse(TileGrid.wantsTiles(2048, 2048, 10, 10), "a tiny view counts as 512x512");
    }
}
