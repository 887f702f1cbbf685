// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import org.idx.images.ImageAccessException;
import org.idx.images.PixelType;

/**
 * The layout of one page as its directory declares it: size, samples, compression, and strips or
 * tiles. Checked on construction for what this reader supports; the segment offsets and byte counts
 * are read only when the page's pixels are needed.
 */
final class TiffPage {

    final Ifd ifd;
    final int width;
    final int height;
    final int samplesPerPixel;
    final int bitsPerSample;
    final PixelType pixelType;
    final Compression compression;
    final int predictor;
    final boolean planar;
    final boolean tiled;
    /** Strip or tile width in pixels (the image width for strips). */
    final int segmentWidth;
    /** Rows per strip or tile length. */
    final int segmentHeight;

    TiffPage(Ifd ifd) throws ImageAccessException, TiffFormatException {
        this.ifd = ifd;
        long w = ifd.first(TiffTags.IMAGE_WIDTH, 0);
        long h = ifd.first(TiffTags.IMAGE_LENGTH, 0);
        if (w <= 0 || h <= 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            throw new TiffFormatException("it declares an image of " + w + "x" + h + " pixels");
        }
        width = (int) w;
        height = (int) h;
        long spp = ifd.first(TiffTags.SAMPLES_PER_PIXEL, 1);
        if (spp < 1 || spp > 4) {
            throw new TiffFormatException("it has " + spp + " samples per pixel; 1 (grey) to 4 (RGBA) are supported");
        }
        samplesPerPixel = (int) spp;
        long[] bits = ifd.longs(TiffTags.BITS_PER_SAMPLE);
        bitsPerSample = bits.length == 0 ? 1 : (int) bits[0];
        for (long b : bits) {
            if (b != bitsPerSample) {
                throw new TiffFormatException("its samples have different bit depths");
            }
        }
        long format = ifd.first(TiffTags.SAMPLE_FORMAT, 1);
        pixelType = pixelType(bitsPerSample, format);
        long c = ifd.first(TiffTags.COMPRESSION, 1);
        compression = Compression.of((int) c);
        if (compression == null) {
            throw new TiffFormatException("it uses compression " + c + " (" + Compression.describe((int) c)
                    + "), which is not supported; supported: none (1), LZW (5), Deflate (8, 32946), PackBits (32773)");
        }
        predictor = (int) ifd.first(TiffTags.PREDICTOR, 1);
        if (predictor != 1 && predictor != 2) {
            throw new TiffFormatException("it uses predictor " + predictor + "; only none (1) and horizontal differencing (2) are supported");
        }
        if (predictor == 2 && pixelType == PixelType.FLOAT32) {
            throw new TiffFormatException("it uses horizontal differencing on floating-point samples, which is not supported");
        }
        long photometric = ifd.first(TiffTags.PHOTOMETRIC, samplesPerPixel == 1 ? 1 : 2);
        if (photometric > 3) {
            throw new TiffFormatException("it uses photometric interpretation " + photometric
                    + "; grey (0, 1), RGB (2) and palette indices (3) are supported");
        }
        planar = samplesPerPixel > 1 && ifd.first(TiffTags.PLANAR_CONFIGURATION, 1) == 2;
        tiled = ifd.has(TiffTags.TILE_OFFSETS);
        if (tiled) {
            long tw = ifd.first(TiffTags.TILE_WIDTH, 0);
            long th = ifd.first(TiffTags.TILE_LENGTH, 0);
            if (tw <= 0 || th <= 0 || tw > 65536 || th > 65536) {
                throw new TiffFormatException("it declares tiles of " + tw + "x" + th + " pixels");
            }
            segmentWidth = (int) tw;
            segmentHeight = (int) th;
        } else {
            if (!ifd.has(TiffTags.STRIP_OFFSETS)) {
                throw new TiffFormatException("it has neither strip nor tile offsets");
            }
            long rps = ifd.first(TiffTags.ROWS_PER_STRIP, height);
            if (rps <= 0) {
                throw new TiffFormatException("it declares " + rps + " rows per strip");
            }
            segmentWidth = width;
            segmentHeight = (int) Math.min(rps, height);
        }
    }

    private static PixelType pixelType(int bits, long format) throws TiffFormatException {
        if (format == 1 && bits == 8) {
            return PixelType.UINT8;
        }
        if (format == 1 && bits == 16) {
            return PixelType.UINT16;
        }
        if (format == 3 && bits == 32) {
            return PixelType.FLOAT32;
        }
        String kind = switch ((int) format) {
            case 1 -> "unsigned integer";
            case 2 -> "signed integer";
            case 3 -> "floating-point";
            default -> "format " + format;
        };
        throw new TiffFormatException("its samples are " + bits + "-bit " + kind
                + "; supported are 8- and 16-bit unsigned integer and 32-bit floating point");
    }

    /** @return samples stored together in one segment row: all of a pixel's (chunky) or one (planar) */
    int samplesPerSegmentPixel() {
        return planar ? 1 : samplesPerPixel;
    }

    int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** @return segments across and down for one sample plane */
    int segmentsAcross() {
        return tiled ? (int) ((width + (long) segmentWidth - 1) / segmentWidth) : 1;
    }

    int segmentsDown() {
        return (int) ((height + (long) segmentHeight - 1) / segmentHeight);
    }

    /** @return bytes of one row of one segment, decoded */
    long segmentRowBytes() {
        return (long) segmentWidth * samplesPerSegmentPixel() * bytesPerSample();
    }

    /** @return e.g. "512x256 UINT16 with 1 sample" */
    String describe() {
        return width + "x" + height + " " + pixelType + " with " + samplesPerPixel + (samplesPerPixel == 1 ? " sample" : " samples");
    }

    boolean sameLayout(TiffPage other) {
        return width == other.width && height == other.height && samplesPerPixel == other.samplesPerPixel
                && pixelType == other.pixelType;
    }

    /** @return whether a region of this page can be read without the rest: one sample per segment pixel, several segments */
    boolean readsRegionsDirectly() {
        return samplesPerSegmentPixel() == 1 && segmentsAcross() * segmentsDown() > 1;
    }
}
