// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.idx.images.PlaneIndex;
import org.idx.images.ShortPlane;
import org.junit.jupiter.api.Test;

class TileCacheTest {

    private static TileCache.Key key(int level, int column) {
        return new TileCache.Key("file:/x", "big.zarr", level, PlaneIndex.FIRST, 512, column, 0);
    }

    private static ShortPlane tile() {
        return new ShortPlane(16, 16, new short[256]); // 512 bytes
    }

    @Test
    void theLeastRecentlyUsedTilesGoFirstToStayWithinTheBound() {
        TileCache cache = new TileCache(3 * 512);
        ShortPlane a = tile();
        cache.put(key(0, 0), a);
        cache.put(key(0, 1), tile());
        cache.put(key(0, 2), tile());
        assertSame(a, cache.get(key(0, 0)), "touching tile 0 makes tile 1 the eldest");
        cache.put(key(0, 3), tile());
        assertNull(cache.get(key(0, 1)));
        assertNotNull(cache.get(key(0, 0)));
        assertNotNull(cache.get(key(0, 2)));
        assertNotNull(cache.get(key(0, 3)));
        TileCache.Stats s = cache.stats();
        assertEquals(3, s.tiles());
        assertEquals(3 * 512, s.bytes());
        assertEquals(1, s.evictions());
        assertEquals(4, s.hits());
        assertEquals(1, s.misses());
    }

    @Test
    void keysTellLevelsAndPlanesApartAndTheBoundCanShrink() {
        TileCache cache = new TileCache(10 * 512);
        cache.put(key(0, 0), tile());
        assertNull(cache.get(key(1, 0)), "another level");
        assertNull(cache.get(new TileCache.Key("file:/x", "big.zarr", 0, new PlaneIndex(1, 0, 0), 512, 0, 0)), "another channel");
        cache.put(key(1, 0), tile());
        cache.setMaxBytes(512);
        assertEquals(1, cache.stats().tiles());
        assertNotNull(cache.get(key(1, 0)), "the most recent stays");
        cache.put(key(2, 0), new ShortPlane(64, 64, new short[4096]));
        assertNull(cache.get(key(2, 0)), "a tile larger than the bound is not kept");
        cache.clear();
        assertEquals(0, cache.stats().bytes());
    }
}
