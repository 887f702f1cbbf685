// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes the TIFF fixtures of these tests: one 16-bit grey page, uncompressed, in strips. */
public final class TestTiff {

    private TestTiff() {
    }

    /**
     * @param x column
     * @param y row
     * @return the sample {@link #grey16(int, int, int)} writes at (x, y)
     */
    public static int sample(int x, int y) {
        return (x * 7 + y * 13) & 0xFFFF;
    }

    /**
     * @param width        width
     * @param height       height
     * @param rowsPerStrip rows per strip
     * @return a little-endian TIFF holding {@link #sample(int, int)} at every pixel
     */
    public static byte[] grey16(int width, int height, int rowsPerStrip) {
        int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
        int entries = 9;
        int ifdSize = 2 + entries * 12 + 4;
        int arrays = strips > 1 ? strips * 8 : 0;
        int header = 8;
        int pixelsStart = header + ifdSize + arrays;
        ByteBuffer b = ByteBuffer.allocate(pixelsStart + width * height * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(header);
        b.putShort((short) entries);
        int offsetsAt = header + ifdSize;
        int countsAt = offsetsAt + strips * 4;
        entry(b, 256, 4, 1, width);
        entry(b, 257, 4, 1, height);
        entry(b, 258, 3, 1, 16);
        entry(b, 259, 3, 1, 1);
        entry(b, 262, 3, 1, 1);
        entry(b, 273, 4, strips, strips > 1 ? offsetsAt : pixelsStart);
        entry(b, 277, 3, 1, 1);
        entry(b, 278, 4, 1, rowsPerStrip);
        entry(b, 279, 4, strips, strips > 1 ? countsAt : width * height * 2);
        b.putInt(0);
        if (strips > 1) {
            for (int s = 0; s < strips; s++) {
                b.putInt(pixelsStart + s * rowsPerStrip * width * 2);
            }
            for (int s = 0; s < strips; s++) {
                int rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
                b.putInt(rows * width * 2);
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                b.putShort((short) sample(x, y));
            }
        }
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }
}
