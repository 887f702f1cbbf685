// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.idx.images.BytePlane;
import org.idx.images.FloatPlane;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageSource;
import org.idx.images.ImageStore;
import org.idx.images.LocalImageStore;
import org.idx.images.PixelType;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.PlaneRegion;
import org.idx.images.ReadLimits;
import org.idx.images.ShortPlane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TiffReaderTest {

    @TempDir
    Path dir;

    static int[] samples(int n, int bits, long seed) {
        Random r = new Random(seed);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            // runs and noise, so every coder has both repeats and literals to handle
            s[i] = (i / 7 % 3 == 0) ? (i / 50) & ((1 << bits) - 1) : r.nextInt(1 << bits);
        }
        return s;
    }

    ImageSource open(byte[] tiff) throws IOException {
        Files.write(dir.resolve("a.tif"), tiff);
        return new TiffReader().open(new LocalImageStore(dir), "a.tif", ReadLimits.DEFAULT);
    }

    static Stream<Arguments> layouts() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            for (int compression : new int[] {1, 5, 8, 32946, 32773}) {
                for (boolean tiled : new boolean[] {false, true}) {
                    for (boolean predictor : new boolean[] {false, true}) {
                        if (predictor && (compression == 1 || compression == 32773)) {
                            continue;
                        }
                        b.add(Arguments.of(order, compression, tiled, predictor));
                    }
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} compression {1} tiled {2} predictor {3}")
    @MethodSource("layouts")
    void reads16BitPixelExact(ByteOrder order, int compression, boolean tiled, boolean predictor) throws IOException {
        int w = 75;
        int h = 41; // neither a multiple of the strip nor of the tile size
        int[] px = samples(w * h, 16, compression);
        TestTiffWriter writer = new TestTiffWriter().order(order).compression(compression).page(TestTiffWriter.Page.grey16(w, h, px));
        writer.predictor = predictor;
        if (tiled) {
            writer.tiles(32, 16);
        } else {
            writer.strips(10);
        }
        ImageSource source = open(writer.write());
        assertEquals(ImageMetadata.of(w, h, 1, 1, 1, PixelType.UINT16), source.metadata());
        ShortPlane plane = (ShortPlane) source.plane(PlaneIndex.FIRST);
        for (int i = 0; i < px.length; i++) {
            assertEquals(px[i], plane.unsigned(i), "sample " + i);
        }
    }

    @ParameterizedTest(name = "{0} compression {1} tiled {2} predictor {3}")
    @MethodSource("layouts")
    void regionsEqualTheCropOfTheWholePlane(ByteOrder order, int compression, boolean tiled, boolean predictor) throws IOException {
        int w = 75;
        int h = 41;
        int[] px = samples(w * h, 16, compression);
        float[] fx = new float[w * h];
        for (int i = 0; i < fx.length; i++) {
            fx[i] = px[i] * 0.25f - 7;
        }
        for (int kind = 0; kind < 2; kind++) {
            TestTiffWriter writer = new TestTiffWriter().order(order).compression(compression)
                    .page(kind == 0 ? TestTiffWriter.Page.grey16(w, h, px) : TestTiffWriter.Page.float32(w, h, fx));
            writer.predictor = predictor && kind == 0;
            if (tiled) {
                writer.tiles(32, 16);
            } else {
                writer.strips(10);
            }
            ImageSource source = open(writer.write());
            assertTrue(source.readsRegionsDirectly());
            Plane whole = source.plane(PlaneIndex.FIRST);
            Random random = new Random(compression * 31L + kind);
            for (int i = 0; i < 40; i++) {
                // Corners on, before or after strip (10 rows) and tile (32x16) edges, or anywhere, some past the borders.
                int x = random.nextBoolean() ? 32 * random.nextInt(3) - 1 + random.nextInt(3) : random.nextInt(90) - 8;
                int y = random.nextBoolean() ? 10 * random.nextInt(5) - 1 + random.nextInt(3) : random.nextInt(50) - 5;
                PlaneRegion r = new PlaneRegion(x, y, 1 + random.nextInt(50), 1 + random.nextInt(30));
                Plane read = source.region(PlaneIndex.FIRST, r);
                Plane expected = r.cut(whole);
                if (kind == 0) {
                    assertArrayEquals(((ShortPlane) expected).data(), ((ShortPlane) read).data(), r.toString());
                } else {
                    assertArrayEquals(((FloatPlane) expected).data(), ((FloatPlane) read).data(), r.toString());
                }
            }
        }
    }

    @Test
    void aRegionReadsOnlyTheStripsItMeets() throws IOException {
        int w = 64;
        int h = 100;
        int[] px = samples(w * h, 16, 1);
        Files.write(dir.resolve("strips.tif"), new TestTiffWriter().page(TestTiffWriter.Page.grey16(w, h, px)).strips(10).write());
        LocalImageStore local = new LocalImageStore(dir);
        long[] bytes = new long[1];
        ImageStore store = new ImageStore() {
            @Override
            public long size(String key) throws ImageAccessException {
                return local.size(key);
            }

            @Override
            public byte[] read(String key) throws ImageAccessException {
                return read(key, 0, (int) size(key));
            }

            @Override
            public byte[] read(String key, long offset, int length) throws ImageAccessException {
                byte[] read = local.read(key, offset, length);
                bytes[0] += read.length;
                return read;
            }

            @Override
            public String describe() {
                return "counting";
            }
        };
        ImageSource source = new TiffReader().open(store, "strips.tif", ReadLimits.DEFAULT);
        bytes[0] = 0;
        ShortPlane r = (ShortPlane) source.region(PlaneIndex.FIRST, new PlaneRegion(5, 42, 8, 6));
        assertEquals(px[45 * w + 7], r.unsigned(3 * 8 + 2));
        assertEquals(10 * w * 2, bytes[0], "rows 42-47 lie in strip 4 (rows 40-49) only");
        bytes[0] = 0;
        source.region(PlaneIndex.FIRST, new PlaneRegion(-3, 38, 8, 15));
        assertEquals(3 * 10 * w * 2, bytes[0], "rows 38-52 lie in strips 3, 4 and 5");
    }

    @ParameterizedTest(name = "{0} compression {1} tiled {2} predictor {3}")
    @MethodSource("layouts")
    void reads8BitPixelExact(ByteOrder order, int compression, boolean tiled, boolean predictor) throws IOException {
        int w = 64;
        int h = 33;
        int[] px = samples(w * h, 8, 7 + compression);
        TestTiffWriter writer = new TestTiffWriter().order(order).compression(compression).page(TestTiffWriter.Page.grey8(w, h, px));
        writer.predictor = predictor;
        if (tiled) {
            writer.tiles(16, 16);
        } else {
            writer.strips(8);
        }
        BytePlane plane = (BytePlane) open(writer.write()).plane(PlaneIndex.FIRST);
        for (int i = 0; i < px.length; i++) {
            assertEquals(px[i], plane.unsigned(i), "sample " + i);
        }
    }

    /** An uncompressed strip larger than the reader's bands (256 KiB) is read and converted band by band. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("byteOrders")
    void readsAnUncompressedPlaneStoredAsOneStripExactly(ByteOrder order) throws IOException {
        int w = 700;
        int h = 451; // 16-bit: bands of 187 rows, the last one short; 32-bit: bands of 93
        int[] px = samples(w * h, 16, 11);
        ShortPlane shorts = (ShortPlane) open(new TestTiffWriter().order(order).strips(h)
                .page(TestTiffWriter.Page.grey16(w, h, px)).write()).plane(PlaneIndex.FIRST);
        for (int i = 0; i < px.length; i++) {
            assertEquals(px[i], shorts.unsigned(i), "sample " + i);
        }
        float[] fx = new float[w * h];
        for (int i = 0; i < fx.length; i++) {
            fx[i] = (float) Math.cos(i) * 77.25f;
        }
        FloatPlane floats = (FloatPlane) open(new TestTiffWriter().order(order).strips(h)
                .page(TestTiffWriter.Page.float32(w, h, fx)).write()).plane(PlaneIndex.FIRST);
        assertArrayEquals(fx, floats.data());
    }

    static Stream<ByteOrder> byteOrders() {
        return Stream.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN);
    }

    @Test
    void readsFloat32BigEndianDeflate() throws IOException {
        float[] px = new float[30 * 20];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) Math.sin(i) * 1000.5f;
        }
        ImageSource source = open(new TestTiffWriter().order(ByteOrder.BIG_ENDIAN).compression(8).strips(3)
                .page(TestTiffWriter.Page.float32(30, 20, px)).write());
        assertEquals(PixelType.FLOAT32, source.metadata().pixelType());
        assertArrayEquals(px, ((FloatPlane) source.plane(PlaneIndex.FIRST)).data());
    }

    @Test
    void readsRgbChunkyAndPlanarAsThreeChannels() throws IOException {
        int w = 20;
        int h = 9;
        int[] px = samples(w * h * 3, 8, 3);
        for (boolean planar : new boolean[] {false, true}) {
            TestTiffWriter writer = new TestTiffWriter().compression(5).strips(4).page(TestTiffWriter.Page.rgb8(w, h, px));
            writer.planar = planar;
            ImageSource source = open(writer.write());
            assertEquals(3, source.metadata().sizeC());
            for (int c = 0; c < 3; c++) {
                BytePlane plane = (BytePlane) source.plane(new PlaneIndex(c, 0, 0));
                for (int i = 0; i < w * h; i++) {
                    assertEquals(px[i * 3 + c], plane.unsigned(i), "planar " + planar + " channel " + c + " sample " + i);
                }
            }
        }
    }

    @Test
    void readsBigTiff() throws IOException {
        int[] px = samples(40 * 30, 16, 11);
        TestTiffWriter writer = new TestTiffWriter().compression(8).strips(7).page(TestTiffWriter.Page.grey16(40, 30, px))
                .page(TestTiffWriter.Page.grey16(40, 30, px));
        writer.bigTiff = true;
        ImageSource source = open(writer.write());
        assertEquals(2, source.metadata().sizeZ());
        ShortPlane plane = (ShortPlane) source.plane(new PlaneIndex(0, 1, 0));
        for (int i = 0; i < px.length; i++) {
            assertEquals(px[i], plane.unsigned(i));
        }
    }

    /** Pages carry their own (c, z, t) as pixel values: c * 100 + z * 10 + t. */
    private static TestTiffWriter stack(int sizeC, int sizeZ, int sizeT, String order) {
        TestTiffWriter writer = new TestTiffWriter().compression(32773);
        int[] size = new int[3];
        for (int i = 0; i < 3; i++) {
            char d = order.charAt(2 + i);
            size[i] = d == 'C' ? sizeC : d == 'Z' ? sizeZ : sizeT;
        }
        for (int k = 0; k < sizeC * sizeZ * sizeT; k++) {
            int[] pos = {k % size[0], k / size[0] % size[1], k / size[0] / size[1]};
            int c = 0;
            int z = 0;
            int t = 0;
            for (int i = 0; i < 3; i++) {
                char d = order.charAt(2 + i);
                if (d == 'C') {
                    c = pos[i];
                } else if (d == 'Z') {
                    z = pos[i];
                } else {
                    t = pos[i];
                }
            }
            int[] px = new int[6 * 4];
            java.util.Arrays.fill(px, c * 100 + z * 10 + t);
            writer.page(TestTiffWriter.Page.grey16(6, 4, px));
        }
        return writer;
    }

    private static void assertPlanesMapped(ImageSource source, int sizeC, int sizeZ, int sizeT) throws ImageAccessException {
        ImageMetadata m = source.metadata();
        assertEquals(List.of(sizeC, sizeZ, sizeT), List.of(m.sizeC(), m.sizeZ(), m.sizeT()));
        for (int c = 0; c < sizeC; c++) {
            for (int z = 0; z < sizeZ; z++) {
                for (int t = 0; t < sizeT; t++) {
                    assertEquals(c * 100 + z * 10 + t, source.plane(new PlaneIndex(c, z, t)).value(5, 3), "c" + c + " z" + z + " t" + t);
                }
            }
        }
    }

    @Test
    void mapsImageJHyperstackPages() throws IOException {
        String description = "ImageJ=1.54f\nimages=12\nchannels=2\nslices=3\nframes=2\nhyperstack=true\nmode=composite\n";
        ImageSource source = open(stack(2, 3, 2, "XYCZT").description(description).write());
        assertPlanesMapped(source, 2, 3, 2);
    }

    @Test
    void mapsOmeXmlPagesInDeclaredOrder() throws IOException {
        String ome = """
                <?xml version="1.0" encoding="UTF-8"?>
                <OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06">
                  <Image ID="Image:0"><Pixels ID="Pixels:0" DimensionOrder="XYZTC" Type="uint16" SizeX="6" SizeY="4"
                      SizeC="3" SizeZ="2" SizeT="2" PhysicalSizeX="0.325" PhysicalSizeY="0.33" PhysicalSizeXUnit="µm">
                    <Channel ID="Channel:0:0" Name="DAPI"/><Channel ID="Channel:0:1" Name="GFP"/><Channel ID="Channel:0:2" Name="Cy5"/>
                    <TiffData/>
                  </Pixels></Image>
                </OME>""";
        ImageSource source = open(stack(3, 2, 2, "XYZTC").description(ome).write());
        assertPlanesMapped(source, 3, 2, 2);
        assertEquals(List.of("DAPI", "GFP", "Cy5"), source.metadata().channelNames());
        assertEquals(0.325, source.metadata().pixelSize().orElseThrow().x(), 1e-12);
        assertEquals(0.33, source.metadata().pixelSize().orElseThrow().y(), 1e-12);
    }

    @Test
    void descriptionThatDoesNotFitThePagesFallsBackToAZStack() throws IOException {
        ImageSource source = open(stack(1, 4, 1, "XYCZT").description("ImageJ=1.54f\nimages=6\nchannels=2\nslices=3\n").write());
        assertPlanesMapped(source, 1, 4, 1);
    }

    @Test
    void omeXmlWithADoctypeIsIgnoredNotExpanded() throws IOException {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE OME [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<OME><Image><Pixels DimensionOrder=\"XYCZT\" SizeC=\"2\" SizeZ=\"1\" SizeT=\"1\">&x;</Pixels></Image></OME>";
        ImageSource source = open(stack(1, 2, 1, "XYCZT").description(evil).write());
        assertPlanesMapped(source, 1, 2, 1);
    }

    /** Counts the bytes read from a store. */
    static final class CountingStore implements ImageStore {
        final ImageStore delegate;
        long bytes;

        CountingStore(ImageStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public long size(String key) throws ImageAccessException {
            return delegate.size(key);
        }

        @Override
        public byte[] read(String key) throws ImageAccessException {
            byte[] b = delegate.read(key);
            bytes += b.length;
            return b;
        }

        @Override
        public byte[] read(String key, long offset, int length) throws ImageAccessException {
            bytes += length;
            return delegate.read(key, offset, length);
        }

        @Override
        public String describe() {
            return delegate.describe();
        }
    }

    @Test
    void readsOnlyTheRequestedPage() throws IOException {
        TestTiffWriter writer = new TestTiffWriter().strips(16);
        for (int p = 0; p < 8; p++) {
            writer.page(TestTiffWriter.Page.grey16(256, 256, samples(256 * 256, 16, p)));
        }
        byte[] tiff = writer.write();
        Files.write(dir.resolve("stack.tif"), tiff);
        CountingStore store = new CountingStore(new LocalImageStore(dir));
        ImageSource source = new TiffReader().open(store, "stack.tif", ReadLimits.DEFAULT);
        long afterOpen = store.bytes;
        source.plane(new PlaneIndex(0, 5, 0));
        long planeBytes = 256 * 256 * 2;
        assertTrue(store.bytes - afterOpen < planeBytes + 64 * 1024, "read " + (store.bytes - afterOpen) + " bytes for one plane");
        assertTrue(store.bytes < tiff.length / 2, "read " + store.bytes + " of " + tiff.length + " bytes");
    }

    /** The JDK's own TIFF writer as an independent encoder. */
    private byte[] jdkTiff(BufferedImage image, String compression, boolean tiled) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            if (tiled) {
                param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
                param.setTiling(48, 32, 0, 0);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest(name = "JDK writer {0} tiled {1}")
    @org.junit.jupiter.params.provider.CsvSource({"LZW,false", "LZW,true", "PackBits,false", "Deflate,false", "ZLib,true", ",false", ",true"})
    void readsWhatTheJdkTiffWriterWrites(String compression, boolean tiled) throws IOException {
        int w = 101;
        int h = 67;
        BufferedImage grey16 = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        int[] px = samples(w * h, 16, 99);
        grey16.getRaster().setSamples(0, 0, w, h, 0, px);
        ShortPlane plane = (ShortPlane) open(jdkTiff(grey16, compression, tiled)).plane(PlaneIndex.FIRST);
        for (int i = 0; i < px.length; i++) {
            assertEquals(px[i], plane.unsigned(i), "sample " + i);
        }
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        int[] rgbPx = samples(w * h * 3, 8, 5);
        rgb.getRaster().setPixels(0, 0, w, h, rgbPx);
        ImageSource source = open(jdkTiff(rgb, compression, tiled));
        assertEquals(3, source.metadata().sizeC());
        for (int c = 0; c < 3; c++) {
            BytePlane p = (BytePlane) source.plane(new PlaneIndex(c, 0, 0));
            for (int i = 0; i < w * h; i++) {
                assertEquals(rgbPx[i * 3 + c], p.unsigned(i), "channel " + c + " sample " + i);
            }
        }
    }

    @Test
    void lzwSurvivesATableReset() throws IOException {
        // 600x600 random bytes: enough codes to fill the 4096-entry table several times
        int[] px = new int[600 * 600];
        Random r = new Random(1);
        for (int i = 0; i < px.length; i++) {
            px[i] = r.nextInt(256);
        }
        BytePlane plane = (BytePlane) open(new TestTiffWriter().compression(5).page(TestTiffWriter.Page.grey8(600, 600, px)).write())
                .plane(PlaneIndex.FIRST);
        for (int i = 0; i < px.length; i++) {
            assertEquals(px[i], plane.unsigned(i));
        }
    }
}
