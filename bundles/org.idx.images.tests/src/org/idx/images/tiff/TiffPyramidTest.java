// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.idx.images.BytePlane;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageSource;
import org.idx.images.ImageStore;
import org.idx.images.LocalImageStore;
import org.idx.images.MultiscaleSource;
import org.idx.images.PixelType;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.PlaneRegion;
import org.idx.images.ReadLimits;
import org.idx.images.ShortPlane;
import org.idx.images.tiff.TestTiffWriter.Page;
import org.idx.images.tiff.TestTiffWriter.Pyramid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pyramidal TIFF: reduced resolutions in SubIFDs (OME-TIFF) or in the main chain (after each page, or
 * after all pages) open as a {@link MultiscaleSource} whose levels read the pixels the writer wrote,
 * a reference 2x2 mean of the level above; bad levels are ignored with a sentence and level 0 reads.
 */
class TiffPyramidTest {

    private static final int W = 300;
    private static final int H = 200;
    private static final int LEVELS = 4;
    private static final String OME_TWO_CHANNELS = "<?xml version=\"1.0\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">"
            + "<Image ID=\"Image:0\"><Pixels ID=\"Pixels:0\" DimensionOrder=\"XYCZT\" Type=\"uint16\" SizeX=\"300\" SizeY=\"200\""
            + " SizeC=\"2\" SizeZ=\"1\" SizeT=\"1\" PhysicalSizeX=\"0.5\" PhysicalSizeY=\"0.5\"/></Image></OME>";

    @TempDir
    Path dir;

    /** Counts reads and bytes. */
    static final class Counting implements ImageStore {
        final ImageStore delegate;
        int reads;
        long bytes;

        Counting(ImageStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public long size(String key) throws ImageAccessException {
            return delegate.size(key);
        }

        @Override
        public byte[] read(String key) throws ImageAccessException {
            reads++;
            byte[] b = delegate.read(key);
            bytes += b.length;
            return b;
        }

        @Override
        public byte[] read(String key, long offset, int length) throws ImageAccessException {
            reads++;
            bytes += length;
            return delegate.read(key, offset, length);
        }

        @Override
        public String describe() {
            return delegate.describe();
        }
    }

    /** Level 0 of channel c: a pattern with edges, so that a wrong level, offset or tile shows. */
    static int[] level0(int c, int bits) {
        int[] s = new int[W * H];
        int mask = (1 << bits) - 1;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                s[y * W + x] = (x * 7 + y * 13 + c * 101 + ((x / 9) * (y / 5) * 31)) & mask;
            }
        }
        return s;
    }

    /** The reference downsample: the mean (rounded down) of each 2x2 block, of the pixels inside at the edges. */
    static int[] half(int[] s, int w, int h) {
        int hw = (w + 1) / 2;
        int hh = (h + 1) / 2;
        int[] out = new int[hw * hh];
        for (int y = 0; y < hh; y++) {
            for (int x = 0; x < hw; x++) {
                int sum = 0;
                int n = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int xx = 2 * x + dx;
                        int yy = 2 * y + dy;
                        if (xx < w && yy < h) {
                            sum += s[yy * w + xx];
                            n++;
                        }
                    }
                }
                out[y * hw + x] = sum / n;
            }
        }
        return out;
    }

    /** A two-channel pyramid: [channel][level] samples. */
    static int[][][] reference(int bits) {
        int[][][] ref = new int[2][LEVELS][];
        for (int c = 0; c < 2; c++) {
            ref[c][0] = level0(c, bits);
            int w = W;
            int h = H;
            for (int k = 1; k < LEVELS; k++) {
                ref[c][k] = half(ref[c][k - 1], w, h);
                w = (w + 1) / 2;
                h = (h + 1) / 2;
            }
        }
        return ref;
    }

    static int width(int k) {
        int w = W;
        for (int i = 0; i < k; i++) {
            w = (w + 1) / 2;
        }
        return w;
    }

    static int height(int k) {
        int h = H;
        for (int i = 0; i < k; i++) {
            h = (h + 1) / 2;
        }
        return h;
    }

    static Page page(int bits, int w, int h, int[] samples) {
        return bits == 8 ? Page.grey8(w, h, samples) : Page.grey16(w, h, samples);
    }

    /** A writer holding the two-channel pyramid of {@link #reference(int)}. */
    static TestTiffWriter pyramid(Pyramid layout, int bits, int levels) {
        int[][][] ref = reference(bits);
        TestTiffWriter writer = new TestTiffWriter().pyramid(layout).description(OME_TWO_CHANNELS.replace("uint16", "uint" + bits));
        for (int c = 0; c < 2; c++) {
            writer.page(page(bits, W, H, ref[c][0]));
            for (int k = 1; k < levels; k++) {
                writer.reduced(c, page(bits, width(k), height(k), ref[c][k]));
            }
        }
        return writer;
    }

    ImageSource open(byte[] tiff) throws IOException {
        return open(tiff, new LocalImageStore(dir));
    }

    ImageSource open(byte[] tiff, ImageStore store) throws IOException {
        Files.write(dir.resolve("p.tif"), tiff);
        return new TiffReader().open(store, "p.tif", ReadLimits.DEFAULT);
    }

    static void assertSamples(int[] expected, Plane plane, String what) {
        for (int i = 0; i < expected.length; i++) {
            int v = plane instanceof ShortPlane s ? s.unsigned(i) : ((BytePlane) plane).unsigned(i);
            if (v != expected[i]) {
                assertEquals(expected[i], v, what + ": sample " + i + " (x " + i % plane.width() + ", y " + i / plane.width() + ")");
            }
        }
    }

    static Stream<Arguments> layouts() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Pyramid layout : Pyramid.values()) {
            b.add(Arguments.of(layout, 16, true, 8, true)); // tiled, Deflate with differencing
            b.add(Arguments.of(layout, 8, false, 5, false)); // stripped, LZW
            b.add(Arguments.of(layout, 8, true, 1, false)); // tiled, uncompressed
            b.add(Arguments.of(layout, 16, false, 32773, false)); // stripped, PackBits
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}-bit tiled {2} compression {3} predictor {4}")
    @MethodSource("layouts")
    void levelsReadTheReferenceDownsample(Pyramid layout, int bits, boolean tiled, int compression, boolean predictor)
            throws IOException {
        TestTiffWriter writer = pyramid(layout, bits, LEVELS).compression(compression);
        writer.predictor = predictor;
        if (tiled) {
            writer.tiles(64, 32);
        } else {
            writer.strips(7);
        }
        ImageSource source = open(writer.write());
        MultiscaleSource pyramid = assertInstanceOf(MultiscaleSource.class, source);
        assertNull(((TiffMultiscaleSource) pyramid).levelProblem());
        assertEquals(LEVELS, pyramid.levelCount());
        assertSame(pyramid, pyramid.level(0));
        int[][][] ref = reference(bits);
        PixelType type = bits == 8 ? PixelType.UINT8 : PixelType.UINT16;
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < LEVELS; k++) {
            ImageSource level = pyramid.level(k);
            keys.add(level.key());
            ImageMetadata md = level.metadata();
            assertEquals(width(k), md.width(), "level " + k + " width");
            assertEquals(height(k), md.height(), "level " + k + " height");
            assertEquals(2, md.sizeC(), "every level has the channels of level 0");
            assertEquals(1, md.sizeZ());
            assertEquals(type, md.pixelType());
            assertEquals(0.5 * W / width(k), md.pixelSize().orElseThrow().x(), 1e-9, "level " + k + " pixel size");
            assertEquals(!tiled || k < 3, level.readsRegionsDirectly(), "level " + k + " is read by region unless it is one tile");
            for (int c = 0; c < 2; c++) {
                assertSamples(ref[c][k], level.plane(new PlaneIndex(c, 0, 0)), layout + " level " + k + " channel " + c);
            }
        }
        assertEquals(LEVELS, keys.stream().distinct().count(), "every level has its own key (the plane cache keys by it): " + keys);
        assertEquals(2, pyramid.levelFor(0.25), "75 of 300 pixels is the coarsest level with a pixel per screen pixel at 25 %");
        assertEquals(1, pyramid.levelFor(0.3));
        assertEquals(0, pyramid.levelFor(0.9));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Pyramid.class)
    void bigTiffBigEndianPyramidsRead(Pyramid layout) throws IOException {
        TestTiffWriter writer = pyramid(layout, 16, LEVELS).tiles(48, 48).compression(8).order(java.nio.ByteOrder.BIG_ENDIAN);
        writer.bigTiff = true; // SubIFD offsets as IFD8
        MultiscaleSource source = assertInstanceOf(MultiscaleSource.class, open(writer.write()));
        assertEquals(LEVELS, source.levelCount());
        int[][][] ref = reference(16);
        for (int k = 0; k < LEVELS; k++) {
            assertSamples(ref[1][k], source.level(k).plane(new PlaneIndex(1, 0, 0)), layout + " level " + k);
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Pyramid.class)
    void regionsOfALevelAreCropsOfThatLevel(Pyramid layout) throws IOException {
        ImageSource source = open(pyramid(layout, 16, LEVELS).tiles(16, 16).compression(8).write());
        ImageSource level = ((MultiscaleSource) source).level(1);
        int[][][] ref = reference(16);
        ShortPlane whole = new ShortPlane(width(1), height(1), toShorts(ref[1][1]));
        for (PlaneRegion r : List.of(new PlaneRegion(0, 0, 16, 16), new PlaneRegion(37, 21, 50, 33), new PlaneRegion(-10, -5, 30, 30),
                new PlaneRegion(140, 90, 40, 40), new PlaneRegion(0, 0, width(1), height(1)))) {
            Plane read = level.region(new PlaneIndex(1, 0, 0), r);
            assertEquals(r.width(), read.width());
            Plane expected = r.cut(whole);
            assertSamples(toInts((ShortPlane) expected), read, layout + " region " + r);
        }
    }

    @Test
    void regionOfACoarseLevelReadsOnlyItsTiles() throws IOException {
        byte[] tiff = pyramid(Pyramid.SUB_IFDS, 16, LEVELS).tiles(16, 16).write();
        Counting store = new Counting(new LocalImageStore(dir));
        MultiscaleSource source = (MultiscaleSource) open(tiff, store);
        ImageSource level = source.level(1);
        long before = store.bytes;
        level.region(new PlaneIndex(0, 0, 0), new PlaneRegion(20, 20, 10, 10));
        assertTrue(store.bytes - before <= 4 * 16 * 16 * 2, "a 10x10 region meeting 4 tiles read " + (store.bytes - before) + " bytes");
    }

    private static short[] toShorts(int[] s) {
        short[] out = new short[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (short) s[i];
        }
        return out;
    }

    private static int[] toInts(ShortPlane p) {
        int[] out = new int[p.width() * p.height()];
        for (int i = 0; i < out.length; i++) {
            out[i] = p.unsigned(i);
        }
        return out;
    }

    @Test
    void aPlainTiffIsNotMultiscale() throws IOException {
        ImageSource single = open(pyramid(Pyramid.SUB_IFDS, 16, 1).write());
        assertFalse(single instanceof MultiscaleSource, "a TIFF without reduced resolutions is a plain image");
        assertNull(((TiffImageSource) single).levelProblem());
        assertEquals(2, single.metadata().sizeC());
    }

    @Test
    void pagesEverSmallerWithoutTheReducedFlagAreOnePyramid() throws IOException {
        // ImageMagick's PTIF: every level a page of its own, NewSubfileType not set
        int[][][] ref = reference(16);
        TestTiffWriter writer = new TestTiffWriter().tiles(32, 32);
        for (int k = 0; k < LEVELS; k++) {
            writer.page(Page.grey16(width(k), height(k), ref[0][k]));
        }
        MultiscaleSource source = assertInstanceOf(MultiscaleSource.class, open(writer.write()));
        assertEquals(LEVELS, source.levelCount());
        assertEquals(1, source.metadata().sizeZ(), "one image, not a stack");
        for (int k = 0; k < LEVELS; k++) {
            assertSamples(ref[0][k], source.level(k).plane(PlaneIndex.FIRST), "level " + k);
        }
        TestTiffWriter growing = new TestTiffWriter().page(Page.grey16(width(1), height(1), ref[0][1])).page(Page.grey16(W, H, ref[0][0]));
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> open(growing.write()));
        assertTrue(e.getMessage().contains("page 2 is 300x200 UINT16 with 1 samples, unlike page 1"), e.getMessage());
    }

    @Test
    void aLoneReducedPageIsTheImage() throws IOException {
        // one page flagged reduced and nothing else: read as the image, as before
        TestTiffWriter writer = new TestTiffWriter().pyramid(Pyramid.AFTER_EACH_PAGE);
        writer.page(Page.grey8(4, 4, new int[16]));
        byte[] tiff = writer.write();
        ImageSource source = open(tiff);
        assertFalse(source instanceof MultiscaleSource);
    }

    @Test
    void aSubIfdOutsideTheFileEndsThePyramidWithASentence() throws IOException {
        TestTiffWriter writer = pyramid(Pyramid.SUB_IFDS, 16, LEVELS);
        writer.badSubIfd = 2;
        ImageSource source = open(writer.write());
        TiffMultiscaleSource pyramid = assertInstanceOf(TiffMultiscaleSource.class, source);
        assertEquals(2, pyramid.levelCount(), "levels 0 and 1 stay");
        String problem = pyramid.levelProblem();
        assertNotNull(problem);
        assertTrue(problem.startsWith("Image 'p.tif': ") && problem.contains("SubIFD 2 of page 1, at byte 2147483632")
                && problem.contains("truncated or corrupt") && problem.endsWith("levels 0 to 1 are read."), problem);
        int[][][] ref = reference(16);
        assertSamples(ref[0][0], source.plane(PlaneIndex.FIRST), "level 0");
        assertSamples(ref[1][1], pyramid.level(1).plane(new PlaneIndex(1, 0, 0)), "level 1");

        writer.badSubIfd = 1;
        ImageSource plain = open(writer.write());
        assertFalse(plain instanceof MultiscaleSource, "no good level: a plain image");
        assertTrue(((TiffImageSource) plain).levelProblem().contains("only level 0 (full resolution) is read"),
                ((TiffImageSource) plain).levelProblem());
        assertSamples(ref[1][0], plain.plane(new PlaneIndex(1, 0, 0)), "level 0");
    }

    @Test
    void aBadSubIfdOfALaterPageFailsOnlyThatPlaneOfThatLevel() throws IOException {
        TestTiffWriter writer = pyramid(Pyramid.SUB_IFDS, 8, LEVELS);
        writer.badSubIfdPage = 1;
        writer.badSubIfd = 3;
        MultiscaleSource source = (MultiscaleSource) open(writer.write());
        assertEquals(LEVELS, source.levelCount(), "only page 1's levels are read on opening");
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> source.level(3).plane(new PlaneIndex(1, 0, 0)));
        assertTrue(e.getMessage().startsWith("Image 'p.tif': the reduced-resolution directory of level 3 of page 2 (SubIFD 3, at byte 2147483632)"),
                e.getMessage());
        int[][][] ref = reference(8);
        assertSamples(ref[0][3], source.level(3).plane(new PlaneIndex(0, 0, 0)), "channel 0 of level 3");
        assertSamples(ref[1][2], source.level(2).plane(new PlaneIndex(1, 0, 0)), "channel 1 of level 2");
        assertSamples(ref[1][0], source.plane(new PlaneIndex(1, 0, 0)), "channel 1 of level 0");
    }

    @Test
    void aLevelNotSmallerOrOfAnotherTypeEndsThePyramid() throws IOException {
        int[][][] ref = reference(16);
        TestTiffWriter larger = new TestTiffWriter().pyramid(Pyramid.AFTER_EACH_PAGE);
        larger.page(Page.grey16(W, H, ref[0][0]));
        larger.reduced(0, Page.grey16(width(1), height(1), ref[0][1]));
        larger.reduced(0, Page.grey16(W, H, ref[0][0])); // as large as level 0
        TiffMultiscaleSource source = assertInstanceOf(TiffMultiscaleSource.class, open(larger.write()));
        assertEquals(2, source.levelCount());
        assertTrue(source.levelProblem().contains("(level 2 of page 1)") && source.levelProblem().contains("is 300x200 pixels, not smaller than level 1 (150x100)"),
                source.levelProblem());

        TestTiffWriter otherType = new TestTiffWriter().pyramid(Pyramid.SUB_IFDS);
        otherType.page(Page.grey16(W, H, ref[0][0]));
        otherType.reduced(0, Page.grey8(width(1), height(1), new int[width(1) * height(1)]));
        ImageSource plain = open(otherType.write());
        assertFalse(plain instanceof MultiscaleSource);
        assertTrue(((TiffImageSource) plain).levelProblem().contains("150x100 UINT8 with 1 sample, unlike level 0 (300x200 UINT16 with 1 sample)"),
                ((TiffImageSource) plain).levelProblem());
        assertSamples(ref[0][0], plain.plane(PlaneIndex.FIRST), "level 0");
    }

    @Test
    void anAbsurdLevelSizeIsIgnored() throws IOException {
        // a reduced page declaring 2^31-1 pixels a side: refused as a level, level 0 still reads
        int[][][] ref = reference(16);
        TestTiffWriter writer = new TestTiffWriter().pyramid(Pyramid.AFTER_ALL_PAGES);
        writer.page(Page.grey16(W, H, ref[0][0]));
        writer.reduced(0, Page.grey16(width(1), height(1), ref[0][1]));
        byte[] tiff = writer.write();
        // patch the reduced page's ImageWidth (the first LONG/SHORT entry 256 after the first directory) to 65535
        int patched = patchLastWidth(tiff, 65535);
        assertTrue(patched > 0);
        ImageSource source = open(tiff);
        assertFalse(source instanceof MultiscaleSource);
        assertTrue(((TiffImageSource) source).levelProblem().contains("65535x100 pixels, not smaller"), ((TiffImageSource) source).levelProblem());
        assertSamples(ref[0][0], source.plane(PlaneIndex.FIRST), "level 0");
    }

    /** Sets the SHORT value of the last ImageWidth entry (tag 256, little-endian) in the file; @return where. */
    private static int patchLastWidth(byte[] tiff, int width) {
        for (int i = tiff.length - 12; i >= 8; i--) {
            if (tiff[i] == 0 && tiff[i + 1] == 1 && tiff[i + 2] == 3 && tiff[i + 3] == 0 && tiff[i + 4] == 1 && tiff[i + 5] == 0
                    && tiff[i + 6] == 0 && tiff[i + 7] == 0) {
                tiff[i + 8] = (byte) width;
                tiff[i + 9] = (byte) (width >> 8);
                return i;
            }
        }
        return -1;
    }

    @Test
    void openingReadsOnlyTheFirstPagesLevelDirectories() throws IOException {
        int pages = 2;
        Counting flat = new Counting(new LocalImageStore(dir));
        open(pyramid(Pyramid.SUB_IFDS, 16, 1).write(), flat);
        Counting store = new Counting(new LocalImageStore(dir));
        MultiscaleSource source = (MultiscaleSource) open(pyramid(Pyramid.SUB_IFDS, 16, LEVELS).write(), store);
        source.levelWidths();
        int opening = store.reads;
        assertTrue(opening <= flat.reads + (LEVELS - 1), "opening a " + LEVELS + "-level pyramid of " + pages + " pages took " + opening
                + " reads, a plain file " + flat.reads + ": at most one more per level of page 1");
        for (int k = 1; k < LEVELS; k++) {
            source.level(k).metadata();
        }
        assertEquals(opening, store.reads, "the levels' metadata is known on opening");
        source.level(2).plane(new PlaneIndex(1, 0, 0));
        assertTrue(store.reads > opening + 1, "page 2's level 2 directory is read with its first plane");
        assertNotEquals(0, store.bytes);
    }
}
