// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

import org.idx.images.PixelType;

/**
 * The element types of Zarr arrays that IDX reads, and how each maps to a plane's {@link PixelType}:
 * {@code uint8} and {@code bool} to 8-bit, {@code uint16} to 16-bit, every other type to 32-bit float
 * (exact for label values below 2^24).
 */
enum DataType {
    BOOL(1, PixelType.UINT8), UINT8(1, PixelType.UINT8), INT8(1, PixelType.FLOAT32), UINT16(2, PixelType.UINT16),
    INT16(2, PixelType.FLOAT32), UINT32(4, PixelType.FLOAT32), INT32(4, PixelType.FLOAT32), UINT64(8, PixelType.FLOAT32),
    INT64(8, PixelType.FLOAT32), FLOAT32(4, PixelType.FLOAT32), FLOAT64(8, PixelType.FLOAT32);

    private final int size;
    private final PixelType pixelType;

    DataType(int size, PixelType pixelType) {
        this.size = size;
        this.pixelType = pixelType;
    }

    /** @return bytes per element */
    int size() {
        return size;
    }

    /** @return the type of the planes IDX makes of it */
    PixelType pixelType() {
        return pixelType;
    }

    /**
     * @param name a Zarr v3 {@code data_type}, e.g. {@code uint16}
     * @return the type, or null if IDX does not read it
     */
    static DataType ofV3(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "bool" -> BOOL;
            case "uint8" -> UINT8;
            case "int8" -> INT8;
            case "uint16" -> UINT16;
            case "int16" -> INT16;
            case "uint32" -> UINT32;
            case "int32" -> INT32;
            case "uint64" -> UINT64;
            case "int64" -> INT64;
            case "float32" -> FLOAT32;
            case "float64" -> FLOAT64;
            default -> null;
        };
    }

    /**
     * @param dtype a Zarr v2 (NumPy) dtype, e.g. {@code <u2}, {@code |u1}, {@code >f4}
     * @return the type, or null if IDX does not read it
     */
    static DataType ofV2(String dtype) {
        if (dtype.length() < 3) {
            return null;
        }
        return switch (dtype.substring(1)) {
            case "b1" -> BOOL;
            case "u1" -> UINT8;
            case "i1" -> INT8;
            case "u2" -> UINT16;
            case "i2" -> INT16;
            case "u4" -> UINT32;
            case "i4" -> INT32;
            case "u8" -> UINT64;
            case "i8" -> INT64;
            case "f4" -> FLOAT32;
            case "f8" -> FLOAT64;
            default -> null;
        };
    }

    /**
     * @param dtype a Zarr v2 dtype
     * @return its byte order ('&gt;' big-endian, anything else little-endian)
     */
    static ByteOrder orderOfV2(String dtype) {
        return dtype.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /**
     * Reads one element as a float.
     *
     * @param b     the decoded chunk, in the array's byte order
     * @param index the element index
     * @return its value
     */
    float get(ByteBuffer b, int index) {
        int at = index * size;
        return switch (this) {
            case BOOL, UINT8 -> b.get(at) & 0xFF;
            case INT8 -> b.get(at);
            case UINT16 -> b.getShort(at) & 0xFFFF;
            case INT16 -> b.getShort(at);
            case UINT32 -> b.getInt(at) & 0xFFFFFFFFL;
            case INT32 -> b.getInt(at);
            case UINT64 -> {
                long v = b.getLong(at);
                yield v >= 0 ? v : (float) ((v >>> 1) * 2.0);
            }
            case INT64 -> b.getLong(at);
            case FLOAT32 -> b.getFloat(at);
            case FLOAT64 -> (float) b.getDouble(at);
        };
    }
}
