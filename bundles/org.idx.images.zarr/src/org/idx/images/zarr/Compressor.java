// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.idx.images.ImageAccessException;

import com.github.luben.zstd.Zstd;
import com.scalableminds.bloscjava.Blosc;

/**
 * The chunk compressors IDX reads: none, gzip and zlib (JDK), zstd (zstd-jni) and blosc
 * (blosc-java). Decompression is bounded: a chunk that would decompress to other than its declared
 * size is refused before or while it is expanded, so a malicious chunk cannot exhaust memory.
 */
enum Compressor {
    NONE, GZIP, ZLIB, ZSTD, BLOSC;

    /**
     * @param id a Zarr v2 compressor id or v3 codec name
     * @return the compressor, or null if IDX does not read it
     */
    static Compressor of(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "gzip" -> GZIP;
            case "zlib" -> ZLIB;
            case "zstd" -> ZSTD;
            case "blosc" -> BLOSC;
            default -> null;
        };
    }

    /**
     * @param compressed the stored chunk
     * @param expected   the bytes the chunk must decompress to
     * @param key        the chunk's key, for messages
     * @return exactly {@code expected} bytes
     * @throws ImageAccessException if the chunk is corrupt or decompresses to another size
     */
    byte[] decode(byte[] compressed, int expected, String key) throws ImageAccessException {
        try {
            byte[] out = switch (this) {
                case NONE -> compressed;
                case GZIP -> inflate(new GZIPInputStream(new ByteArrayInputStream(compressed)), expected, key);
                case ZLIB -> inflate(new InflaterInputStream(new ByteArrayInputStream(compressed)), expected, key);
                case ZSTD -> zstd(compressed, expected, key);
                case BLOSC -> blosc(compressed, expected, key);
            };
            if (out.length != expected) {
                throw new ImageAccessException("Zarr chunk '" + key + "' holds " + out.length + " bytes once decoded ("
                        + name().toLowerCase(Locale.ROOT) + "), but its array declares " + expected + ".");
            }
            return out;
        } catch (IOException e) {
            if (e instanceof ImageAccessException iae) {
                throw iae;
            }
            throw new ImageAccessException("Zarr chunk '" + key + "' cannot be decompressed (" + name().toLowerCase(Locale.ROOT)
                    + "): " + e.getMessage() + ".", e);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new ImageAccessException("Zarr chunk '" + key + "' cannot be decompressed (" + name().toLowerCase(Locale.ROOT)
                    + "): " + e + ".", e);
        }
    }

    private static byte[] inflate(InputStream in, int expected, String key) throws IOException {
        try (in) {
            byte[] out = in.readNBytes(expected);
            if (in.read() >= 0) {
                throw new ImageAccessException("Zarr chunk '" + key + "' decompresses to more than the " + expected
                        + " bytes its array declares.");
            }
            return out;
        }
    }

    private static byte[] zstd(byte[] compressed, int expected, String key) throws ImageAccessException {
        long declared = Zstd.getFrameContentSize(compressed);
        if (declared > expected) {
            throw new ImageAccessException("Zarr chunk '" + key + "' declares " + declared + " bytes once decompressed, more than the "
                    + expected + " its array declares.");
        }
        return Zstd.decompress(compressed, expected);
    }

    private static byte[] blosc(byte[] compressed, int expected, String key) throws ImageAccessException {
        if (compressed.length < 16) {
            throw new ImageAccessException("Zarr chunk '" + key + "' is too short for a blosc header (" + compressed.length + " bytes).");
        }
        ByteBuffer header = ByteBuffer.wrap(compressed).order(ByteOrder.LITTLE_ENDIAN);
        int nbytes = header.getInt(4);
        int cbytes = header.getInt(12);
        if (nbytes != expected || cbytes != compressed.length) {
            throw new ImageAccessException("Zarr chunk '" + key + "' has a blosc header for " + nbytes + " bytes in " + cbytes
                    + ", but its array declares " + expected + " bytes and the object has " + compressed.length + ".");
        }
        return Blosc.decompress(compressed);
    }
}
