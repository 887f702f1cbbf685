// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

/** Decompresses one strip or tile. */
interface Decoder {

    /**
     * Decodes {@code src[srcOff, srcOff + srcLen)} into exactly {@code dst[dstOff, dstOff + dstLen)}.
     * Data beyond what fills the destination is ignored.
     *
     * @throws TiffFormatException if the data is corrupt or ends before the destination is full
     */
    void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws TiffFormatException;
}
