// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

/**
 * TIFF LZW decoding (TIFF 6.0, section 13): codes of 9 to 12 bits, most significant bit first, code
 * 256 clears the table, 257 ends the data, and the code width grows one code early.
 */
final class LzwDecoder implements Decoder {

    private static final int CLEAR = 256;
    private static final int EOI = 257;
    private static final int FIRST_FREE = 258;
    private static final int TABLE = 4096;

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws TiffFormatException {
        if (srcLen >= 2 && src[srcOff] == 0 && (src[srcOff + 1] & 1) != 0) {
            throw new TiffFormatException("it uses the old-style (pre-TIFF 6.0) LZW coding, which is not supported");
        }
        short[] prefix = new short[TABLE];
        byte[] suffix = new byte[TABLE];
        byte[] first = new byte[TABLE];
        int[] length = new int[TABLE];
        for (int i = 0; i < 256; i++) {
            suffix[i] = (byte) i;
            first[i] = (byte) i;
            length[i] = 1;
        }
        int next = FIRST_FREE;
        int width = 9;
        int old = -1;
        long bits = 0;
        int bitCount = 0;
        int s = srcOff;
        int sEnd = srcOff + srcLen;
        int d = dstOff;
        int dEnd = dstOff + dstLen;
        while (d < dEnd) {
            while (bitCount < width && s < sEnd) {
                bits = (bits << 8) | (src[s++] & 0xFF);
                bitCount += 8;
            }
            if (bitCount < width) {
                break;
            }
            int code = (int) (bits >>> (bitCount - width)) & ((1 << width) - 1);
            bitCount -= width;
            if (code == EOI) {
                break;
            }
            if (code == CLEAR) {
                next = FIRST_FREE;
                width = 9;
                old = -1;
                continue;
            }
            int out;
            if (old < 0) {
                if (code > 255) {
                    throw new TiffFormatException("the LZW data is corrupt (code " + code + " after a clear code)");
                }
                out = code;
            } else if (code < next) {
                out = code;
                add(prefix, suffix, first, length, next++, old, first[code]);
            } else if (code == next && next < TABLE) {
                add(prefix, suffix, first, length, next++, old, first[old]);
                out = code;
            } else {
                throw new TiffFormatException("the LZW data is corrupt (code " + code + " with " + next + " table entries)");
            }
            d = write(prefix, suffix, length, out, dst, d, dEnd);
            old = code;
            if (next >= (1 << width) - 1 && width < 12) {
                width++;
            }
        }
        if (d < dEnd) {
            throw new TiffFormatException("the LZW data ends after " + (d - dstOff) + " of " + dstLen + " bytes");
        }
    }

    private static void add(short[] prefix, byte[] suffix, byte[] first, int[] length, int code, int prev, byte last)
            throws TiffFormatException {
        if (code >= TABLE) {
            throw new TiffFormatException("the LZW data is corrupt (the code table overflows)");
        }
        prefix[code] = (short) prev;
        suffix[code] = last;
        first[code] = first[prev];
        length[code] = length[prev] + 1;
    }

    private static int write(short[] prefix, byte[] suffix, int[] length, int code, byte[] dst, int d, int dEnd) {
        int n = length[code];
        int pos = d + n - 1;
        int c = code;
        while (pos >= d) {
            if (pos < dEnd) {
                dst[pos] = suffix[c];
            }
            c = prefix[c];
            pos--;
        }
        return Math.min(d + n, dEnd);
    }
}
