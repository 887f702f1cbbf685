// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@link ImageRoot#region}: a cached plane is cut, else a source with region reads reads the region, else the plane is cached and cut. */
class ImageRootRegionTest {

    /** An 8x8 ramp that records what it is asked for. */
    private static final class RampSource implements ImageSource {
        final List<String> calls = new ArrayList<>();
        private final String key;
        private final boolean direct;

        RampSource(String key, boolean direct) {
            this.key = key;
            this.direct = direct;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public ImageMetadata metadata() {
            return ImageMetadata.of(8, 8, 1, 1, 1, PixelType.UINT16);
        }

        @Override
        public Plane plane(PlaneIndex index) {
            calls.add("plane");
            short[] data = new short[64];
            for (int i = 0; i < 64; i++) {
                data[i] = (short) i;
            }
            return new ShortPlane(8, 8, data);
        }

        @Override
        public Plane region(PlaneIndex index, PlaneRegion region) throws ImageAccessException {
            calls.add("region");
            return ImageSource.super.region(index, region);
        }

        @Override
        public boolean readsRegionsDirectly() {
            return direct;
        }
    }

    private static ImageRoot root() {
        ImageStoreFactory none = new ImageStoreFactory() {
            @Override
            public ImageStore open(StoreSpec spec) {
                return null;
            }

            @Override
            public String test(StoreSpec spec) {
                return "";
            }
        };
        return new ImageRoot(new StoreRegistry(Map.of("none", () -> none)), new ReaderRegistry(List.of()), new PlaneCache(1 << 20),
                new StoreSpec("none", Map.of()));
    }

    @Test
    void aSourceWithRegionReadsIsAskedForTheRegionUnlessItsPlaneIsCached() throws Exception {
        ImageRoot root = root();
        RampSource chunked = new RampSource("chunked", true);
        PlaneRegion r = new PlaneRegion(6, 6, 3, 2);
        ShortPlane first = (ShortPlane) root.region(chunked, PlaneIndex.FIRST, r);
        assertArrayEquals(new short[] {54, 55, 0, 62, 63, 0}, first.data());
        assertEquals(List.of("region", "plane"), chunked.calls, "read directly (the default region reads the plane)");
        assertEquals(0, root.cache().stats().planes(), "a region is not cached as a plane");
        root.plane(chunked, PlaneIndex.FIRST);
        chunked.calls.clear();
        assertArrayEquals(first.data(), ((ShortPlane) root.region(chunked, PlaneIndex.FIRST, r)).data());
        assertEquals(List.of(), chunked.calls, "the cached plane is cut");
    }

    @Test
    void aSourceWithoutRegionReadsHasItsPlaneCachedAndCut() throws Exception {
        ImageRoot root = root();
        RampSource whole = new RampSource("whole", false);
        root.region(whole, PlaneIndex.FIRST, new PlaneRegion(0, 0, 2, 2));
        ShortPlane second = (ShortPlane) root.region(whole, PlaneIndex.FIRST, new PlaneRegion(1, 1, 2, 1));
        assertArrayEquals(new short[] {9, 10}, second.data());
        assertEquals(List.of("plane"), whole.calls, "one plane read, cached, cut twice");
    }
}
