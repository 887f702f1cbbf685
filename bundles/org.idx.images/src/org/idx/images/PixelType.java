// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/** The type of one pixel sample of a plane. */
public enum PixelType {
    /** Unsigned 8-bit integer, held in a {@code byte[]} (read with {@code & 0xFF}). */
    UINT8(1, 255),
    /** Unsigned 16-bit integer, held in a {@code short[]} (read with {@code & 0xFFFF}). */
    UINT16(2, 65535),
    /** 32-bit IEEE float, held in a {@code float[]}. */
    FLOAT32(4, Double.NaN);

    private final int bytes;
    private final double maxValue;

    PixelType(int bytes, double maxValue) {
        this.bytes = bytes;
        this.maxValue = maxValue;
    }

    /** @return bytes per sample */
    public int bytesPerSample() {
        return bytes;
    }

    /** @return the largest representable value of an integer type, NaN for floating point */
    public double maxValue() {
        return maxValue;
    }
}
