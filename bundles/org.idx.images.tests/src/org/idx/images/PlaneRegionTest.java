// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Regions of planes: the default crop, its bounds, and the level a zoom picks. */
class PlaneRegionTest {

    private static ShortPlane ramp(int w, int h) {
        short[] data = new short[w * h];
        for (int i = 0; i < data.length; i++) {
            data[i] = (short) (i + 1);
        }
        return new ShortPlane(w, h, data);
    }

    @Test
    void aRegionIsCutFromThePlaneWithZerosPastItsBorders() {
        ShortPlane plane = ramp(5, 4);
        ShortPlane inside = (ShortPlane) new PlaneRegion(1, 2, 3, 2).cut(plane);
        assertArrayEquals(new short[] { 12, 13, 14, 17, 18, 19 }, inside.data());
        ShortPlane corner = (ShortPlane) PlaneRegion.square(3, 0, 0).cut(plane);
        assertArrayEquals(new short[] { 0, 0, 0, 0, 1, 2, 0, 6, 7 }, corner.data());
        ShortPlane away = (ShortPlane) new PlaneRegion(-10, 1, 4, 1).cut(plane);
        assertArrayEquals(new short[4], away.data());
        FloatPlane f = (FloatPlane) new PlaneRegion(4, 3, 2, 1).cut(new FloatPlane(5, 4, new float[20]));
        assertEquals(2, f.width());
    }

    @Test
    void theDefaultRegionReadCropsTheWholePlane() throws Exception {
        ShortPlane plane = ramp(8, 8);
        ImageSource source = new ImageSource() {
            @Override
            public String key() {
                return "ramp";
            }

            @Override
            public ImageMetadata metadata() {
                return ImageMetadata.of(8, 8, 1, 1, 1, PixelType.UINT16);
            }

            @Override
            public Plane plane(PlaneIndex index) {
                return plane;
            }
        };
        assertEquals(false, source.readsRegionsDirectly());
        ShortPlane r = (ShortPlane) source.region(PlaneIndex.FIRST, new PlaneRegion(6, 6, 3, 3));
        assertArrayEquals(new short[] { 55, 56, 0, 63, 64, 0, 0, 0, 0 }, r.data());
    }

    @Test
    void hugeOrEmptyRegionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PlaneRegion(0, 0, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new PlaneRegion(0, 0, 20_000, 20_000));
        assertThrows(IllegalArgumentException.class, () -> new PlaneRegion(0, 0, PlaneRegion.MAX_SIDE + 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PlaneRegion(Integer.MAX_VALUE, 0, 2, 2));
        assertEquals(PlaneRegion.MAX_PIXELS, (long) new PlaneRegion(0, 0, 8192, 8192).width() * 8192);
    }

    @Test
    void theLevelForAZoomIsTheCoarsestWithAPixelPerScreenPixel() {
        int[] widths = { 8192, 4096, 2048, 1024 };
        assertEquals(0, MultiscaleSource.levelFor(widths, 2.0));
        assertEquals(0, MultiscaleSource.levelFor(widths, 1.0));
        assertEquals(0, MultiscaleSource.levelFor(widths, 0.51));
        assertEquals(1, MultiscaleSource.levelFor(widths, 0.5));
        assertEquals(2, MultiscaleSource.levelFor(widths, 0.2));
        assertEquals(3, MultiscaleSource.levelFor(widths, 800.0 / 8192), "fitted to an 800-pixel window");
        assertEquals(3, MultiscaleSource.levelFor(widths, 0.01), "never coarser than the coarsest level");
        assertEquals(0, MultiscaleSource.levelFor(new int[] { 100 }, 0.01), "one level: always level 0");
        // Odd sizes: a level of 1025 for 2049 (rounded up) still counts as half.
        assertEquals(1, MultiscaleSource.levelFor(new int[] { 2049, 1025, 513 }, 0.5));
    }
}
