// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.idx.images.BytePlane;
import org.idx.images.FloatPlane;
import org.idx.images.ImageSource;
import org.idx.images.LabeledSource;
import org.idx.images.LocalImageStore;
import org.idx.images.MultiscaleSource;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.PlaneRegion;
import org.idx.images.ShortPlane;
import org.idx.images.testing.CountingStore;
import org.idx.images.testing.ZarrFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Region reads of OME-Zarr images fetch only the chunks they meet and equal a crop of the whole plane. */
class ZarrRegionTest {

    @TempDir
    Path folder;

    private CountingStore store(Map<String, byte[]> objects) {
        ZarrFixture.writeTo(objects, folder);
        return new CountingStore(new LocalImageStore(folder));
    }

    @Test
    void randomRegionsEqualTheCropOfTheWholePlaneAtChunkEdgesAndPastTheBorders() throws Exception {
        long[] shape = {2, 3, 2, 70, 90};
        CountingStore store = store(ZarrFixture.image("tczyx", shape, new int[] {1, 2, 1, 16, 20}).codec(ZarrFixture.Codec.ZSTD)
                .samples(ZarrReaderTest::tczyx).fill(9).missing(Set.of("0/0/0/2/1")).write("img.zarr"));
        ImageSource image = ZarrReaderTest.registry().open(store, "img.zarr");
        assertTrue(image.readsRegionsDirectly());
        Random random = new Random(42);
        List<PlaneRegion> regions = new ArrayList<>(List.of(new PlaneRegion(0, 0, 90, 70), new PlaneRegion(20, 16, 20, 16),
                new PlaneRegion(19, 15, 2, 2), new PlaneRegion(-5, -7, 10, 10), new PlaneRegion(85, 65, 10, 10),
                new PlaneRegion(-3, -3, 100, 80), new PlaneRegion(200, 10, 5, 5), new PlaneRegion(80, 64, 10, 6)));
        for (int i = 0; i < 60; i++) {
            // Corners on or next to chunk edges (multiples of 20 and 16) half of the time.
            int x = random.nextBoolean() ? 20 * random.nextInt(5) - 1 + random.nextInt(3) : random.nextInt(100) - 5;
            int y = random.nextBoolean() ? 16 * random.nextInt(5) - 1 + random.nextInt(3) : random.nextInt(80) - 5;
            regions.add(new PlaneRegion(x, y, 1 + random.nextInt(45), 1 + random.nextInt(40)));
        }
        for (PlaneIndex index : List.of(new PlaneIndex(0, 0, 0), new PlaneIndex(2, 1, 1))) {
            ShortPlane whole = (ShortPlane) image.plane(index);
            if (index.c() == 0) {
                assertEquals(9, whole.unsigned(2 * 16 * 90 + 1 * 20), "the missing chunk reads as the fill value");
            }
            for (PlaneRegion r : regions) {
                ShortPlane expected = (ShortPlane) r.cut(whole);
                ShortPlane read = (ShortPlane) image.region(index, r);
                assertArrayEquals(expected.data(), read.data(), r + " of " + index);
            }
        }
    }

    @Test
    void aRegionFetchesOnlyTheChunksItMeets() throws Exception {
        CountingStore store = store(ZarrFixture.image("yx", new long[] {256, 256}, new int[] {64, 64}).type("uint8")
                .samples(p -> (p[0] + p[1]) % 251).write("big.zarr"));
        ImageSource image = ZarrReaderTest.registry().open(store, "big.zarr");
        store.reset();
        BytePlane inOne = (BytePlane) image.region(PlaneIndex.FIRST, new PlaneRegion(70, 70, 20, 20));
        assertEquals(List.of("big.zarr/0/1/1"), store.keys());
        assertEquals((75 + 80) % 251, inOne.unsigned(5 * 20 + 10));
        store.reset();
        image.region(PlaneIndex.FIRST, new PlaneRegion(60, 120, 8, 10));
        assertEquals(Set.of("big.zarr/0/1/0", "big.zarr/0/1/1", "big.zarr/0/2/0", "big.zarr/0/2/1"), Set.copyOf(store.keys()));
        store.reset();
        image.plane(PlaneIndex.FIRST);
        assertEquals(16, store.keys().size(), "the whole plane reads every chunk");
    }

    @Test
    void regionsOfCoarserLevelsAndLabelImagesRead() throws Exception {
        Map<String, byte[]> objects = ZarrFixture.image("cyx", new long[] {1, 128, 160}, new int[] {1, 32, 32}).format(3).levels(3)
                .samples(p -> p[1] * 3 + p[2]).write("cells.ome.zarr");
        ZarrFixture.group(objects, "cells.ome.zarr/labels", 3, "{\"labels\":[\"nuclei\",\"cells\"]}");
        objects.putAll(ZarrFixture.image("cyx", new long[] {1, 128, 160}, new int[] {1, 32, 32}).format(3).type("int32").levels(2)
                .samples(p -> p[1] < 64 ? 0 : 1 + p[2] / 40).attributes(",\"image-label\":{\"version\":\"0.5\"}")
                .write("cells.ome.zarr/labels/nuclei"));
        CountingStore store = store(objects);
        ImageSource opened = ZarrReaderTest.registry().open(store, "cells.ome.zarr");
        LabeledSource labeled = assertInstanceOf(LabeledSource.class, opened, "an OME-Zarr image offers its label images");
        assertEquals(List.of("nuclei", "cells"), labeled.labelImages());
        ImageSource nuclei = ZarrReaderTest.registry().open(store, labeled.labelImageKey("nuclei"));
        FloatPlane mask = (FloatPlane) nuclei.region(PlaneIndex.FIRST, new PlaneRegion(30, 60, 20, 10));
        assertEquals(0, mask.value(0, 0));
        assertEquals(1 + 45 / 40, mask.value(15, 9));

        MultiscaleSource image = (MultiscaleSource) opened;
        ImageSource level2 = image.level(2);
        ShortPlane coarse = (ShortPlane) level2.plane(PlaneIndex.FIRST);
        Plane part = level2.region(PlaneIndex.FIRST, new PlaneRegion(5, 7, 30, 20));
        assertArrayEquals(((ShortPlane) new PlaneRegion(5, 7, 30, 20).cut(coarse)).data(), ((ShortPlane) part).data());

        ImageSource plain = ZarrReaderTest.registry().open(store, "cells.ome.zarr/labels/nuclei");
        assertEquals(List.of(), ((LabeledSource) plain).labelImages(), "a label image has no labels of its own");
    }

    @Test
    void everyLabelImageOfAnImageOpensByItsNameAndTheListIsReadOnce() throws Exception {
        Map<String, byte[]> objects = ZarrFixture.image("yx", new long[] {64, 96}, new int[] {32, 32}).write("well.zarr");
        ZarrFixture.group(objects, "well.zarr/labels", 2, "{\"labels\":[\"nuclei\",\"cells\"]}");
        // Nuclei: one small square object; cells: the same object grown, numbered 7.
        objects.putAll(ZarrFixture.image("yx", new long[] {64, 96}, new int[] {32, 32}).type("uint8")
                .samples(p -> p[0] >= 20 && p[0] < 30 && p[1] >= 40 && p[1] < 50 ? 1 : 0)
                .attributes(",\"image-label\":{\"version\":\"0.4\"}").write("well.zarr/labels/nuclei"));
        objects.putAll(ZarrFixture.image("yx", new long[] {64, 96}, new int[] {32, 32}).type("uint8")
                .samples(p -> p[0] >= 10 && p[0] < 40 && p[1] >= 30 && p[1] < 60 ? 7 : 0)
                .attributes(",\"image-label\":{\"version\":\"0.4\"}").write("well.zarr/labels/cells"));
        CountingStore store = store(objects);
        LabeledSource image = (LabeledSource) ZarrReaderTest.registry().open(store, "well.zarr");
        store.reset();
        assertEquals(List.of("nuclei", "cells"), image.labelImages());
        assertEquals(List.of("nuclei", "cells"), image.labelImages());
        assertEquals(1, store.keys().stream().filter(k -> k.startsWith("well.zarr/labels/")).count(),
                "the list of label images is read once: " + store.keys());
        assertEquals("well.zarr/labels/cells", image.labelImageKey("cells"));
        Plane nuclei = ZarrReaderTest.registry().open(store, image.labelImageKey("nuclei")).plane(PlaneIndex.FIRST);
        Plane cells = ZarrReaderTest.registry().open(store, image.labelImageKey("cells")).plane(PlaneIndex.FIRST);
        assertEquals(0, nuclei.value(35, 15), "outside the nucleus");
        assertEquals(7, cells.value(35, 15), "inside the cell around it");
        assertEquals(1, nuclei.value(45, 25));
        assertEquals(7, cells.value(45, 25));
    }

    @Test
    void badRegionsAreRefusedBeforeAllocating() throws Exception {
        CountingStore store = store(ZarrFixture.image("yx", new long[] {64, 64}, new int[] {32, 32}).write("small.zarr"));
        ImageSource image = ZarrReaderTest.registry().open(store, "small.zarr");
        assertThrows(IllegalArgumentException.class, () -> image.region(PlaneIndex.FIRST, new PlaneRegion(0, 0, 100_000, 100_000)));
        assertThrows(IllegalArgumentException.class, () -> new PlaneRegion(Integer.MAX_VALUE - 5, 0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> image.region(new PlaneIndex(1, 0, 0), new PlaneRegion(0, 0, 8, 8)));
        store.reset();
        ShortPlane outside = (ShortPlane) image.region(PlaneIndex.FIRST, new PlaneRegion(500, 500, 8, 8));
        assertEquals(List.of(), store.keys(), "a region wholly past the borders reads nothing");
        assertEquals(0, outside.unsigned(0));
    }
}
