// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

/** PackBits run-length decoding (TIFF 6.0, section 9). */
final class PackBitsDecoder implements Decoder {

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws TiffFormatException {
        int s = srcOff;
        int sEnd = srcOff + srcLen;
        int d = dstOff;
        int dEnd = dstOff + dstLen;
        while (d < dEnd && s < sEnd) {
            int n = src[s++];
            if (n >= 0) {
                int count = Math.min(n + 1, dEnd - d);
                if (s + count > sEnd) {
                    break;
                }
                System.arraycopy(src, s, dst, d, count);
                s += n + 1;
                d += count;
            } else if (n != -128) {
                if (s >= sEnd) {
                    break;
                }
                int count = Math.min(1 - n, dEnd - d);
                java.util.Arrays.fill(dst, d, d + count, src[s++]);
                d += count;
            }
        }
        if (d < dEnd) {
            throw new TiffFormatException("the PackBits data ends after " + (d - dstOff) + " of " + dstLen + " bytes");
        }
    }
}
