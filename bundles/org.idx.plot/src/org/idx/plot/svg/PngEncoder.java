// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.svg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.idx.plot.render.ArgbRaster;

/** Encodes an {@link ArgbRaster} as a truecolour-with-alpha PNG (filter 0, zlib via the JDK). */
public final class PngEncoder {

    private PngEncoder() {
    }

    /**
     * @param raster the image
     * @return the PNG file bytes
     */
    public static byte[] encode(ArgbRaster raster) {
        int w = raster.width();
        int h = raster.height();
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED))) {
            byte[] line = new byte[1 + 4 * w];
            int[] px = raster.pixels();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = px[y * w + x];
                    line[1 + 4 * x] = (byte) (p >> 16);
                    line[2 + 4 * x] = (byte) (p >> 8);
                    line[3 + 4 * x] = (byte) p;
                    line[4 + 4 * x] = (byte) (p >>> 24);
                }
                z.write(line);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // in-memory streams do not fail
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] header = new byte[13];
        putInt(header, 0, w);
        putInt(header, 4, h);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        chunk(png, "IHDR", header);
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] len = new byte[4];
        putInt(len, 0, data.length);
        out.writeBytes(len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
