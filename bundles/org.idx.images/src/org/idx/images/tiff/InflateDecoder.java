// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Deflate (zlib stream) decoding with the JDK's {@link Inflater}. */
final class InflateDecoder implements Decoder {

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws TiffFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(src, srcOff, srcLen);
            int done = 0;
            while (done < dstLen) {
                int n = inflater.inflate(dst, dstOff + done, dstLen - done);
                done += n;
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
            }
            if (done < dstLen) {
                throw new TiffFormatException("the Deflate data ends after " + done + " of " + dstLen + " bytes");
            }
        } catch (DataFormatException e) {
            throw new TiffFormatException("the Deflate data is corrupt (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }
}
