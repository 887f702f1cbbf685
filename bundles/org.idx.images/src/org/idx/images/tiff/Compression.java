// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

/** The TIFF compression schemes this reader decodes. */
enum Compression {
    /** No compression (1). */
    NONE(1, "none", (src, srcOff, srcLen, dst, dstOff, dstLen) -> {
        if (srcLen < dstLen) {
            throw new TiffFormatException("the segment holds " + srcLen + " bytes but " + dstLen + " are needed");
        }
        System.arraycopy(src, srcOff, dst, dstOff, dstLen);
    }),
    /** LZW (5). */
    LZW(5, "LZW", new LzwDecoder()),
    /** Adobe Deflate (8). */
    DEFLATE(8, "Deflate", new InflateDecoder()),
    /** The older Deflate code (32946). */
    DEFLATE_OLD(32946, "Deflate", new InflateDecoder()),
    /** PackBits (32773). */
    PACKBITS(32773, "PackBits", new PackBitsDecoder());

    final int code;
    final String label;
    final Decoder decoder;

    Compression(int code, String label, Decoder decoder) {
        this.code = code;
        this.label = label;
        this.decoder = decoder;
    }

    /** @return the scheme for a Compression tag value, or null if not supported */
    static Compression of(int code) {
        for (Compression c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }

    /** @return a name for a compression code, supported or not, for messages */
    static String describe(int code) {
        return switch (code) {
            case 2 -> "CCITT RLE";
            case 3 -> "CCITT Group 3";
            case 4 -> "CCITT Group 4";
            case 6 -> "old-style JPEG";
            case 7 -> "JPEG";
            case 34712 -> "JPEG 2000";
            case 50000 -> "Zstandard";
            case 34925 -> "LZMA";
            case 50001 -> "WebP";
            default -> {
                Compression c = of(code);
                yield c == null ? "unknown" : c.label;
            }
        };
    }
}
