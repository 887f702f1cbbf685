// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageSource;
import org.idx.images.LocalImageStore;
import org.idx.images.PlaneIndex;
import org.idx.images.ReadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed, truncated, hostile and unsupported TIFFs: always an ImageAccessException naming the key. */
class BadTiffTest {

    @TempDir
    Path dir;

    private ImageAccessException failure(byte[] tiff, ReadLimits limits) throws IOException {
        Files.write(dir.resolve("bad.tif"), tiff);
        ImageAccessException e = assertThrows(ImageAccessException.class, () -> {
            ImageSource source = new TiffReader().open(new LocalImageStore(dir), "bad.tif", limits);
            source.plane(PlaneIndex.FIRST);
        });
        assertTrue(e.getMessage().contains("'bad.tif'"), e.getMessage());
        return e;
    }

    private static byte[] valid(int compression) {
        return new TestTiffWriter().compression(compression).strips(8)
                .page(TestTiffWriter.Page.grey16(64, 40, TiffReaderTest.samples(64 * 40, 16, 1))).write();
    }

    private static void assertMentions(ImageAccessException e, String... words) {
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void unsupportedCompressionIsNamed() throws IOException {
        assertMentions(failure(valid(7), ReadLimits.DEFAULT), "compression 7", "JPEG", "not supported");
        assertMentions(failure(valid(50000), ReadLimits.DEFAULT), "compression 50000", "Zstandard");
    }

    @Test
    void truncatedStripDataIsReported() throws IOException {
        byte[] tiff = valid(1);
        // the writer puts pixel data before the directory: cut the last strip short by moving the directory's strip offsets
        byte[] cut = Arrays.copyOf(tiff, tiff.length);
        ByteBuffer b = ByteBuffer.wrap(cut).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, 8); // directory offset now points into pixel data
        failure(cut, ReadLimits.DEFAULT);
        for (int length : new int[] {0, 3, 7, 9, 40, tiff.length / 2, tiff.length - 1}) {
            failure(Arrays.copyOf(tiff, length), ReadLimits.DEFAULT);
        }
    }

    @Test
    void truncatedCompressedStripsAreReported() throws IOException {
        for (int compression : new int[] {5, 8, 32773}) {
            TestTiffWriter w = new TestTiffWriter().compression(compression).strips(40)
                    .page(TestTiffWriter.Page.grey16(64, 40, TiffReaderTest.samples(64 * 40, 16, 1)));
            byte[] tiff = w.write();
            // the strip's byte count says 10: every coder runs out of data
            assertMentions(failure(patchTag(tiff, 279, 4, 10), ReadLimits.DEFAULT), "strip 1", "ends after");
            if (compression != 32773) { // zeros are valid PackBits literals
                byte[] broken = tiff.clone();
                Arrays.fill(broken, 8, 8 + 200, (byte) 0);
                failure(broken, ReadLimits.DEFAULT);
            }
        }
    }

    @Test
    void hugeDeclaredDimensionsAreRefusedBeforeAllocating() throws IOException {
        byte[] tiff = valid(1);
        // patch width and height in the directory to 100000 x 100000 (10^10 pixels)
        byte[] huge = patchShort(patchShort(tiff, 256, 0), 257, 0);
        huge = patchTag(huge, 256, 4, 100_000);
        huge = patchTag(huge, 257, 4, 100_000);
        assertMentions(failure(huge, ReadLimits.DEFAULT), "100000x100000", "2^31");
        byte[] big = patchTag(patchTag(tiff, 256, 4, 30_000), 257, 4, 30_000);
        assertMentions(failure(big, ReadLimits.DEFAULT), "1073741824");
        assertMentions(failure(tiff, new ReadLimits(1000)), "limit of 1000 bytes");
    }

    @Test
    void garbageAndEmptyFilesAreReported() throws IOException {
        assertMentions(failure(new byte[0], ReadLimits.DEFAULT), "too few");
        assertMentions(failure("hello world, not a tiff".getBytes(), ReadLimits.DEFAULT), "byte-order mark");
        assertMentions(failure(new byte[] {'I', 'I', 41, 0, 8, 0, 0, 0}, ReadLimits.DEFAULT), "version number is 41");
    }

    @Test
    void directoryLoopIsReported() throws IOException {
        byte[] tiff = new TestTiffWriter().page(TestTiffWriter.Page.grey8(4, 4, new int[16])).write();
        ByteBuffer b = ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN);
        int ifd = b.getInt(4);
        int n = b.getShort(ifd) & 0xFFFF;
        b.putInt(ifd + 2 + 12 * n, ifd); // next directory = itself
        assertMentions(failure(tiff, ReadLimits.DEFAULT), "loops");
    }

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() throws IOException {
        Random random = new Random(42);
        for (int compression : new int[] {1, 5, 8, 32773}) {
            byte[] tiff = valid(compression);
            for (int round = 0; round < 150; round++) {
                byte[] bad = tiff.clone();
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    // favour the header and the directory, which sit at both ends
                    int at = random.nextBoolean() ? random.nextInt(Math.min(bad.length, 16)) : bad.length - 1 - random.nextInt(300);
                    bad[at] = (byte) random.nextInt(256);
                }
                Files.write(dir.resolve("fuzz.tif"), bad);
                try {
                    ImageSource source = new TiffReader().open(new LocalImageStore(dir), "fuzz.tif", new ReadLimits(64 << 20));
                    source.plane(PlaneIndex.FIRST);
                } catch (ImageAccessException expected) {
                    assertTrue(expected.getMessage().contains("fuzz.tif"), expected.getMessage());
                }
            }
        }
    }

    /** Sets a tag's type and value in the first directory of a little-endian classic TIFF. */
    static byte[] patchTag(byte[] tiff, int tag, int type, long value) {
        byte[] out = tiff.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int ifd = b.getInt(4);
        int n = b.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < n; i++) {
            int p = ifd + 2 + 12 * i;
            if ((b.getShort(p) & 0xFFFF) == tag) {
                b.putShort(p + 2, (short) type);
                b.putInt(p + 4, 1);
                if (type == 3) {
                    b.putShort(p + 8, (short) value).putShort(p + 10, (short) 0);
                } else {
                    b.putInt(p + 8, (int) value);
                }
                return out;
            }
        }
        throw new IllegalArgumentException("no tag " + tag);
    }

    private static byte[] patchShort(byte[] tiff, int tag, int value) {
        return patchTag(tiff, tag, 3, value);
    }
}
