// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.idx.images.BytePlane;
import org.idx.images.FloatPlane;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageSource;
import org.idx.images.LocalImageStore;
import org.idx.images.MultiscaleSource;
import org.idx.images.PixelSize;
import org.idx.images.PixelType;
import org.idx.images.PlaneIndex;
import org.idx.images.ReadLimits;
import org.idx.images.ReaderDescriptor;
import org.idx.images.ReaderRegistry;
import org.idx.images.ShortPlane;
import org.idx.images.testing.TestTiff;
import org.idx.images.testing.ZarrFixture;
import org.idx.images.testing.ZarrFixture.Codec;
import org.idx.images.tiff.TiffReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OME-Zarr fixtures written by the test into a local folder, read back through the reader. */
class ZarrReaderTest {

    @TempDir
    Path folder;

    /** A value that differs along every axis (t, c, z, y, x), within 16 bits. */
    static double tczyx(long[] p) {
        return (p[0] * 9000 + p[1] * 3000 + p[2] * 500 + p[3] * 7 + p[4] * 3) % 65536;
    }

    private LocalImageStore store(Map<String, byte[]> objects) {
        ZarrFixture.writeTo(objects, folder);
        return new LocalImageStore(folder);
    }

    static ReaderRegistry registry() {
        return new ReaderRegistry(List.of(
                new ReaderDescriptor("org.idx.images.tiff", "TIFF", List.of("tif", "tiff"), ReaderDescriptor.parseMagic("49492A00,4D4D002A"),
                        0, "test", TiffReader::new),
                new ReaderDescriptor("org.idx.images.zarr", "OME-Zarr", List.of("zarr", "ome.zarr"), List.of(),
                        List.of("zarr.json", ".zattrs"), 0, "test", ZarrReader::new)));
    }

    @ParameterizedTest(name = "Zarr v{0}, {1}")
    @CsvSource({"2, RAW", "2, GZIP", "2, ZLIB", "2, ZSTD", "2, BLOSC", "3, RAW", "3, GZIP", "3, ZSTD", "3, BLOSC"})
    void readsEveryPlaneOfA5dImageWithEdgeChunks(int format, Codec codec) throws Exception {
        long[] shape = {2, 3, 4, 70, 90};
        LocalImageStore store = store(ZarrFixture.image("tczyx", shape, new int[] {1, 1, 2, 32, 40}).format(format).codec(codec)
                .samples(ZarrReaderTest::tczyx).channels(List.of("DAPI", "GFP", "Cy5")).write("img.ome.zarr"));
        ImageSource image = registry().open(store, "img.ome.zarr");
        ImageMetadata m = image.metadata();
        assertEquals(ImageMetadata.of(90, 70, 3, 4, 2, PixelType.UINT16).width(), m.width());
        assertEquals(List.of(70, 3, 4, 2), List.of(m.height(), m.sizeC(), m.sizeZ(), m.sizeT()));
        assertEquals(List.of("DAPI", "GFP", "Cy5"), m.channelNames());
        assertEquals(new PixelSize(0.5, 0.5, PixelSize.MICROMETRE), m.pixelSize().orElseThrow());
        for (int t = 0; t < 2; t++) {
            for (int c = 0; c < 3; c++) {
                for (int z = 0; z < 4; z += 3) {
                    ShortPlane plane = (ShortPlane) image.plane(new PlaneIndex(c, z, t));
                    for (int y = 0; y < 70; y += 3) {
                        for (int x = 0; x < 90; x += 1) {
                            assertEquals((int) tczyx(new long[] {t, c, z, y, x}), plane.unsigned(y * 90 + x),
                                    "t=" + t + " c=" + c + " z=" + z + " y=" + y + " x=" + x);
                        }
                    }
                }
            }
        }
    }

    @Test
    void levelsAreExposedForTheZoom() throws Exception {
        LocalImageStore store = store(ZarrFixture.image("cyx", new long[] {1, 256, 512}, new int[] {1, 64, 64}).levels(3)
                .samples(p -> p[1] + p[2]).write("pyramid.zarr"));
        MultiscaleSource image = assertInstanceOf(MultiscaleSource.class, registry().open(store, "pyramid.zarr"));
        assertEquals(3, image.levelCount());
        assertEquals(List.of(512, 256, 128), List.of(image.level(0).metadata().width(), image.level(1).metadata().width(),
                image.level(2).metadata().width()));
        assertEquals(0, image.levelFor(1.0));
        assertEquals(0, image.levelFor(0.6));
        assertEquals(1, image.levelFor(0.5));
        assertEquals(2, image.levelFor(0.1));
        ShortPlane coarse = (ShortPlane) image.level(2).plane(PlaneIndex.FIRST);
        assertEquals(64, coarse.height());
        assertEquals(4 * 10 + 4 * 20, coarse.unsigned(10 * 128 + 20), "level 2 holds every fourth pixel");
    }

    @Test
    void aMissingChunkIsTheFillValue() throws Exception {
        LocalImageStore store = store(ZarrFixture.image("yx", new long[] {64, 64}, new int[] {32, 32}).type("uint8").fill(7)
                .samples(p -> 100).missing(Set.of("1/0")).write("sparse.zarr"));
        BytePlane plane = (BytePlane) registry().open(store, "sparse.zarr").plane(PlaneIndex.FIRST);
        assertEquals(100, plane.unsigned(10 * 64 + 10));
        assertEquals(7, plane.unsigned(40 * 64 + 10), "rows 32-63, columns 0-31 were never written");
        assertEquals(100, plane.unsigned(40 * 64 + 40));
    }

    @Test
    void labelImagesOpenAsMasks() throws Exception {
        Map<String, byte[]> objects = ZarrFixture.image("cyx", new long[] {1, 40, 50}, new int[] {1, 40, 50}).format(3)
                .samples(p -> 1).write("cells.ome.zarr");
        ZarrFixture.group(objects, "cells.ome.zarr/labels", 3, "{\"labels\":[\"nuclei\"]}");
        objects.putAll(ZarrFixture.image("cyx", new long[] {1, 40, 50}, new int[] {1, 16, 16}).format(3).type("int32")
                .samples(p -> p[1] < 20 ? 0 : 100_000 + p[2] / 10).attributes(",\"image-label\":{\"version\":\"0.5\"}")
                .write("cells.ome.zarr/labels/nuclei"));
        LocalImageStore store = store(objects);
        ZarrImageSource image = (ZarrImageSource) registry().open(store, "cells.ome.zarr");
        assertEquals(List.of("nuclei"), image.labels());
        ImageSource mask = registry().open(store, image.labelKey("nuclei"));
        FloatPlane labels = assertInstanceOf(FloatPlane.class, mask.plane(PlaneIndex.FIRST));
        assertEquals(0, labels.value(5, 5));
        assertEquals(100_004, labels.value(45, 30), "int32 label ids are exact");
    }

    @Test
    void platesListWellsAndFieldsAndARowPointsAtAFieldByPath() throws Exception {
        ZarrFixture field = ZarrFixture.image("cyx", new long[] {2, 32, 32}, new int[] {1, 32, 32}).samples(p -> p[0] * 1000 + p[1]);
        Map<String, byte[]> objects = ZarrFixture.plate("plate.zarr", 2, List.of("A", "B"), List.of("1", "2", "3"),
                Map.of("B/3", List.of(field, field), "A/1", List.of(field)));
        LocalImageStore store = store(objects);
        ZarrPlate plate = ZarrPlate.read(store, "plate.zarr");
        assertEquals(List.of("A", "B"), plate.rows());
        assertEquals(List.of("1", "2", "3"), plate.columns());
        assertEquals(2, plate.fieldCount());
        ZarrPlate.Well b3 = plate.well("B", "3").orElseThrow();
        assertEquals(new ZarrPlate.Well("B/3", 1, 2), b3);
        assertEquals(List.of("plate.zarr/B/3/0", "plate.zarr/B/3/1"), plate.fieldKeys(store, b3));
        assertTrue(plate.well("A", "2").isEmpty());

        ShortPlane channel1 = (ShortPlane) registry().open(store, "plate.zarr/B/3/1").plane(new PlaneIndex(1, 0, 0));
        assertEquals(1000 + 31, channel1.unsigned(31 * 32 + 5));
        assertEquals(2, registry().open(store, "plate.zarr/A/1").metadata().sizeC(), "a well opens its first field");
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> registry().open(store, "plate.zarr"));
        assertTrue(e.getMessage().contains("is an HCS plate of 2 rows x 3 columns") && e.getMessage().contains("plate.zarr/"),
                e.getMessage());
    }

    @Test
    void theRegistryStillChoosesTiffForFilesAndSaysWhatAFolderLacks() throws Exception {
        Files.write(folder.resolve("a.tif"), TestTiff.grey16(8, 4, 4));
        Files.createDirectories(folder.resolve("empty.zarr"));
        LocalImageStore store = new LocalImageStore(folder);
        assertEquals("org.idx.images.tiff", registry().select(store, "a.tif").id());
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> registry().select(store, "empty.zarr"));
        assertTrue(e.getMessage().contains("neither a readable object nor a folder holding any of zarr.json, .zattrs"), e.getMessage());
        assertThrows(org.idx.images.MissingImageException.class, () -> registry().select(store, "nothing/here"));
    }

    @Test
    void hugeDeclaredShapesAndChunksAreRefusedBeforeAllocating() throws Exception {
        Map<String, byte[]> objects = ZarrFixture.image("yx", new long[] {4, 4}, new int[] {4, 4}).write("ok.zarr");
        objects.put("huge-plane.zarr/.zattrs", objects.get("ok.zarr/.zattrs"));
        objects.put("huge-plane.zarr/0/.zarray", ("{\"zarr_format\":2,\"shape\":[200000,200000],\"chunks\":[256,256],\"dtype\":\"<u2\","
                + "\"compressor\":null,\"fill_value\":0,\"order\":\"C\",\"filters\":null}").getBytes());
        objects.put("huge-chunk.zarr/.zattrs", objects.get("ok.zarr/.zattrs"));
        objects.put("huge-chunk.zarr/0/.zarray", ("{\"zarr_format\":2,\"shape\":[1000,1000],\"chunks\":[100000,100000],\"dtype\":\"<u2\","
                + "\"compressor\":null,\"fill_value\":0,\"order\":\"C\",\"filters\":null}").getBytes());
        LocalImageStore store = store(objects);
        ImageAccessException plane = assertThrows(ImageAccessException.class, () -> registry().open(store, "huge-plane.zarr"));
        assertTrue(plane.getMessage().contains("declares a plane of 200000x200000 pixels"), plane.getMessage());
        ImageAccessException chunk = assertThrows(ImageAccessException.class, () -> registry().open(store, "huge-chunk.zarr"));
        assertEquals("Zarr array 'huge-chunk.zarr/0' declares chunks of 100000x100000 elements (over 2^31 elements), more than the"
                + " limit of 1073741824 bytes per chunk.", chunk.getMessage());
        ReaderRegistry small = registry().withLimits(new ReadLimits(1000));
        ImageAccessException limited = assertThrows(ImageAccessException.class,
                () -> small.open(store(ZarrFixture.image("yx", new long[] {30, 30}, new int[] {30, 30}).write("c.zarr")), "c.zarr"));
        assertTrue(limited.getMessage().contains("more than the limit of 1000 bytes per chunk"), limited.getMessage());
    }

    @Test
    void aLevelTooLargeToReadWholeOpensAndIsReadRegionByRegion() throws Exception {
        // A 40000x40000 uint16 level (3.2 GB, over the 1 GiB plane limit): only its first four chunks are stored.
        Map<String, byte[]> objects = ZarrFixture.image("yx", new long[] {1024, 1024}, new int[] {512, 512})
                .samples(p -> (p[0] * 7 + p[1] * 3) % 60000).write("slide.zarr");
        objects.put("slide.zarr/0/.zarray", new String(objects.get("slide.zarr/0/.zarray")).replace("[1024,1024]", "[40000,40000]")
                .getBytes());
        ImageSource source = registry().open(store(objects), "slide.zarr");
        assertEquals(40000, source.metadata().width());
        ShortPlane near = (ShortPlane) source.region(PlaneIndex.FIRST, new org.idx.images.PlaneRegion(500, 490, 30, 40));
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 30; x++) {
                assertEquals(((490 + y) * 7 + (500 + x) * 3) % 60000, near.unsigned(y * 30 + x));
            }
        }
        ShortPlane far = (ShortPlane) source.region(PlaneIndex.FIRST, new org.idx.images.PlaneRegion(39990, 39990, 10, 10));
        assertEquals(0, far.unsigned(99), "a chunk not stored reads as the fill value");
        ImageAccessException whole = assertThrows(ImageAccessException.class, () -> source.plane(PlaneIndex.FIRST));
        assertTrue(whole.getMessage().contains("40000x40000"), whole.getMessage());
    }

    @Test
    void aChunkThatDecompressesToMoreThanDeclaredIsRefused() throws Exception {
        Map<String, byte[]> objects = ZarrFixture.image("yx", new long[] {8, 8}, new int[] {8, 8}).codec(Codec.GZIP).write("bomb.zarr");
        byte[] big = ZarrFixture.image("yx", new long[] {64, 64}, new int[] {64, 64}).codec(Codec.GZIP).write("x.zarr").get("x.zarr/0/0/0");
        objects.put("bomb.zarr/0/0/0", big);
        LocalImageStore store = store(objects);
        ImageAccessException e = assertThrows(ImageAccessException.class,
                () -> registry().open(store, "bomb.zarr").plane(PlaneIndex.FIRST));
        assertEquals("Zarr chunk 'bomb.zarr/0/0/0' decompresses to more than the 128 bytes its array declares.", e.getMessage());
    }

    @Test
    void keysLeavingTheRootAreRefused() throws Exception {
        LocalImageStore store = store(ZarrFixture.image("yx", new long[] {4, 4}, new int[] {4, 4}).write("ok.zarr"));
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> new ZarrReader().open(store, "../ok.zarr", ReadLimits.DEFAULT));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }
}
