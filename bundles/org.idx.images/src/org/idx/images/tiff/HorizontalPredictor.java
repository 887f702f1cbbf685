// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.nio.ByteOrder;

/** Undoes TIFF predictor 2 (horizontal differencing) on decoded integer samples, row by row. */
final class HorizontalPredictor {

    private HorizontalPredictor() {
    }

    /**
     * @param buf        decoded segment bytes, rows of {@code rowBytes}
     * @param off        first byte of the segment
     * @param rows       rows in the segment
     * @param rowSamples samples per row (pixels times samples per pixel)
     * @param stride     samples per pixel
     * @param bytes      bytes per sample (1 or 2)
     * @param order      the file's byte order
     */
    static void undo(byte[] buf, int off, int rows, int rowSamples, int stride, int bytes, ByteOrder order) {
        int rowBytes = rowSamples * bytes;
        for (int r = 0; r < rows; r++) {
            int base = off + r * rowBytes;
            if (bytes == 1) {
                for (int i = stride; i < rowSamples; i++) {
                    buf[base + i] += buf[base + i - stride];
                }
            } else {
                boolean little = order == ByteOrder.LITTLE_ENDIAN;
                for (int i = stride; i < rowSamples; i++) {
                    int p = base + 2 * i;
                    int q = p - 2 * stride;
                    int v = little ? (buf[p] & 0xFF | (buf[p + 1] & 0xFF) << 8) + (buf[q] & 0xFF | (buf[q + 1] & 0xFF) << 8)
                            : ((buf[p] & 0xFF) << 8 | buf[p + 1] & 0xFF) + ((buf[q] & 0xFF) << 8 | buf[q + 1] & 0xFF);
                    if (little) {
                        buf[p] = (byte) v;
                        buf[p + 1] = (byte) (v >> 8);
                    } else {
                        buf[p] = (byte) (v >> 8);
                        buf[p + 1] = (byte) v;
                    }
                }
            }
        }
    }
}
