// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.util.List;

import org.idx.images.BytePlane;
import org.idx.images.FloatPlane;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageSource;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.PlaneRegion;
import org.idx.images.RangeInput;
import org.idx.images.ShortPlane;

/**
 * An opened TIFF: the pages and how they map to planes. Reading a plane fetches only that page's
 * strips or tiles (adjacent ones in one ranged read) and decodes them; reading a region of a plane
 * (one sample per pixel) fetches only the strips or tiles the region meets.
 */
final class TiffImageSource implements ImageSource {

    private static final int MAX_RUN = 32 << 20;
    /** Uncompressed strips are read and converted in bands of about this many bytes. */
    private static final int BAND_BYTES = 256 << 10;

    private record Decoded(int page, byte[] raw) {
    }

    private final TiffInput in;
    private final List<TiffPage> pages;
    private final Dimensions dimensions;
    private final ImageMetadata metadata;
    private volatile SoftReference<Decoded> lastChunky = new SoftReference<>(null);

    TiffImageSource(TiffInput in, List<TiffPage> pages, Dimensions dimensions, ImageMetadata metadata) {
        this.in = in;
        this.pages = pages;
        this.dimensions = dimensions;
        this.metadata = metadata;
    }

    @Override
    public String key() {
        return in.key();
    }

    @Override
    public ImageMetadata metadata() {
        return metadata;
    }

    /** @return the page count this image's planes come from */
    int pageCount() {
        return pages.size();
    }

    @Override
    public boolean readsRegionsDirectly() {
        TiffPage first = pages.get(0);
        return first.samplesPerSegmentPixel() == 1 && first.segmentsAcross() * first.segmentsDown() > 1;
    }

    @Override
    public Plane region(PlaneIndex index, PlaneRegion region) throws ImageAccessException {
        if (!metadata.contains(index)) {
            throw new IllegalArgumentException("plane " + index + " lies outside image '" + key() + "'");
        }
        int spp = pages.get(0).samplesPerPixel;
        int pageIndex = dimensions.page(index.c() / spp, index.z(), index.t());
        int sample = index.c() % spp;
        TiffPage page = pages.get(pageIndex);
        if (page.samplesPerSegmentPixel() > 1) {
            return region.cut(plane(index));
        }
        int w = page.width;
        int h = page.height;
        int x0 = Math.max(0, region.x());
        int y0 = Math.max(0, region.y());
        int x1 = (int) Math.min(w, (long) region.x() + region.width());
        int y1 = (int) Math.min(h, (long) region.y() + region.height());
        int rw = region.width();
        int n = rw * region.height();
        int bps = page.bytesPerSample();
        byte[] band = new byte[0];
        int top = 0;
        if (x1 > x0 && y1 > y0) {
            top = y0 / page.segmentHeight * page.segmentHeight;
            int bottom = (int) Math.min(h, ((long) y1 + page.segmentHeight - 1) / page.segmentHeight * page.segmentHeight);
            try {
                band = decode(page, page.planar ? sample : 0, top, bottom, x0, x1, DecodedRows.NONE);
            } catch (TiffFormatException e) {
                throw new ImageAccessException("Image '" + key() + "', page " + (pageIndex + 1) + ", cannot be decoded: "
                        + e.getMessage() + ".");
            } catch (RuntimeException e) {
                throw new ImageAccessException("Image '" + key() + "', page " + (pageIndex + 1) + ", is corrupt (" + e + ").", e);
            }
        }
        ByteBuffer buf = ByteBuffer.wrap(band).order(in.order());
        Object out = switch (page.pixelType) {
            case UINT8 -> new byte[n];
            case UINT16 -> new short[n];
            case FLOAT32 -> new float[n];
        };
        for (int y = y0; y < y1 && x1 > x0; y++) {
            int src = ((y - top) * w + x0) * bps;
            int dst = (y - region.y()) * rw + (x0 - region.x());
            switch (out) {
                case byte[] b -> System.arraycopy(band, src, b, dst, x1 - x0);
                case short[] sh -> buf.position(src).asShortBuffer().get(sh, dst, x1 - x0);
                case float[] f -> buf.position(src).asFloatBuffer().get(f, dst, x1 - x0);
                default -> throw new IllegalStateException();
            }
        }
        return switch (out) {
            case byte[] b -> new BytePlane(rw, region.height(), b);
            case short[] sh -> new ShortPlane(rw, region.height(), sh);
            case float[] f -> new FloatPlane(rw, region.height(), f);
            default -> throw new IllegalStateException();
        };
    }

    @Override
    public Plane plane(PlaneIndex index) throws ImageAccessException {
        if (!metadata.contains(index)) {
            throw new IllegalArgumentException("plane " + index + " lies outside image '" + key() + "' (c<" + metadata.sizeC()
                    + ", z<" + metadata.sizeZ() + ", t<" + metadata.sizeT() + ")");
        }
        int spp = pages.get(0).samplesPerPixel;
        int pageIndex = dimensions.page(index.c() / spp, index.z(), index.t());
        int sample = index.c() % spp;
        TiffPage page = pages.get(pageIndex);
        try {
            return toPlane(page, pageIndex, sample);
        } catch (TiffFormatException e) {
            throw new ImageAccessException("Image '" + key() + "', page " + (pageIndex + 1) + ", cannot be decoded: "
                    + e.getMessage() + ".");
        } catch (RuntimeException e) {
            throw new ImageAccessException("Image '" + key() + "', page " + (pageIndex + 1) + ", is corrupt (" + e + ").", e);
        }
    }

    private Plane toPlane(TiffPage page, int pageIndex, int sample) throws ImageAccessException, TiffFormatException {
        int stride = page.samplesPerSegmentPixel();
        if (stride == 1) {
            return singleSample(page, page.planar ? sample : 0);
        }
        byte[] raw;
        Decoded last = lastChunky.get();
        if (last != null && last.page() == pageIndex) {
            raw = last.raw();
        } else {
            raw = decode(page, 0, 0, page.height, 0, page.width, DecodedRows.NONE);
            lastChunky = new SoftReference<>(new Decoded(pageIndex, raw));
        }
        int w = page.width;
        int h = page.height;
        int n = w * h;
        ByteBuffer buf = ByteBuffer.wrap(raw).order(in.order());
        return switch (page.pixelType) {
            case UINT8 -> {
                byte[] out = new byte[n];
                for (int i = 0, j = sample; i < n; i++, j += stride) {
                    out[i] = raw[j];
                }
                yield new BytePlane(w, h, out);
            }
            case UINT16 -> {
                short[] out = new short[n];
                for (int i = 0, j = 2 * sample; i < n; i++, j += 2 * stride) {
                    out[i] = buf.getShort(j);
                }
                yield new ShortPlane(w, h, out);
            }
            case FLOAT32 -> {
                float[] out = new float[n];
                for (int i = 0, j = 4 * sample; i < n; i++, j += 4 * stride) {
                    out[i] = buf.getFloat(j);
                }
                yield new FloatPlane(w, h, out);
            }
        };
    }

    /**
     * A plane of one sample per pixel (planar, or a single-channel page), its samples converted band by band
     * as the bands are decoded, so that on a remote store little is left to do when the last bytes arrive.
     */
    private Plane singleSample(TiffPage page, int planarSample) throws ImageAccessException, TiffFormatException {
        int w = page.width;
        int h = page.height;
        return switch (page.pixelType) {
            case UINT8 -> new BytePlane(w, h, decode(page, planarSample, 0, h, 0, w, DecodedRows.NONE));
            case UINT16 -> {
                short[] out = new short[w * h];
                decode(page, planarSample, 0, h, 0, w, (raw, from, to) -> ByteBuffer.wrap(raw).order(in.order())
                        .position(from * w * 2).asShortBuffer().get(out, from * w, (to - from) * w));
                yield new ShortPlane(w, h, out);
            }
            case FLOAT32 -> {
                float[] out = new float[w * h];
                decode(page, planarSample, 0, h, 0, w, (raw, from, to) -> ByteBuffer.wrap(raw).order(in.order())
                        .position(from * w * 4).asFloatBuffer().get(out, from * w, (to - from) * w));
                yield new FloatPlane(w, h, out);
            }
        };
    }

    /**
     * Decodes one sample plane (planar) or the interleaved page (chunky) into raw file-order bytes: the
     * rows {@code top..bottom} (segment-aligned: {@code top} a multiple of the segment height, {@code bottom}
     * one too or the page height), reading only the segments that meet columns {@code left..right}.
     */
    private byte[] decode(TiffPage page, int planarSample, int top, int bottom, int left, int right, DecodedRows decoded)
            throws ImageAccessException, TiffFormatException {
        int across = page.segmentsAcross();
        int down = page.segmentsDown();
        int perPlane = across * down;
        int needed = page.planar ? perPlane * page.samplesPerPixel : perPlane;
        long[] offsets = page.ifd.longs(page.tiled ? TiffTags.TILE_OFFSETS : TiffTags.STRIP_OFFSETS);
        long[] counts = page.ifd.longs(page.tiled ? TiffTags.TILE_BYTE_COUNTS : TiffTags.STRIP_BYTE_COUNTS);
        String what = page.tiled ? "tile" : "strip";
        if (counts.length == 0 && page.compression == Compression.NONE && offsets.length == needed && !page.tiled) {
            counts = new long[needed];
            for (int i = 0; i < needed; i++) {
                counts[i] = Math.min(page.segmentHeight, page.height - (long) i * page.segmentHeight) * page.segmentRowBytes();
            }
        }
        if (offsets.length < needed || counts.length < needed) {
            throw new TiffFormatException("it lists " + offsets.length + " " + what + " offsets and " + counts.length
                    + " byte counts but needs " + needed);
        }
        int bps = page.bytesPerSample();
        int stride = page.samplesPerSegmentPixel();
        long rowBytesLong = (long) page.width * stride * bps;
        long rawSize = rowBytesLong * (bottom - top);
        if (rawSize > Integer.MAX_VALUE - 8) {
            throw new TiffFormatException("a decoded page would take " + rawSize + " bytes");
        }
        int rowBytes = (int) rowBytesLong;
        byte[] raw = new byte[(int) rawSize];
        int segRowBytes = (int) page.segmentRowBytes();
        int segRowSamples = page.segmentWidth * stride;
        byte[] tile = page.tiled ? new byte[segRowBytes * page.segmentHeight] : null;
        int first = page.planar ? planarSample * perPlane : 0;
        byte[] segment = new byte[0];

        int s = 0;
        while (s < perPlane) {
            if (!meets(page, s, top, bottom, left, right)) {
                s++;
                continue;
            }
            // one ranged read for a run of adjacent segments
            int end = s + 1;
            long runStart = offsets[first + s];
            long runEnd = runStart + counts[first + s];
            while (end < perPlane && meets(page, end, top, bottom, left, right) && offsets[first + end] == runEnd
                    && runEnd + counts[first + end] - runStart <= MAX_RUN) {
                runEnd += counts[first + end];
                end++;
            }
            checkSegment(first + s, counts[first + s], what);
            if (runEnd - runStart > Integer.MAX_VALUE - 8) {
                throw new TiffFormatException(what + " " + (first + s + 1) + " declares " + (runEnd - runStart) + " bytes");
            }
            // decoded segment by segment while the rest of the run is still arriving from a remote store
            try (RangeInput run = in.range(runStart, (int) (runEnd - runStart))) {
                for (int k = s; k < end; k++) {
                    int index = first + k;
                    int srcLen = (int) counts[index];
                    int row0 = (k / across) * page.segmentHeight;
                    int col0 = (k % across) * page.segmentWidth;
                    int rows = Math.min(page.segmentHeight, page.height - row0);
                    boolean bandDone = k % across == across - 1; // the last segment of its rows
                    if (srcLen == 0) {
                        if (bandDone) {
                            decoded.rows(raw, row0 - top, row0 - top + rows);
                        }
                        continue; // a sparse segment: zeros
                    }
                    try {
                        if (!page.tiled && page.compression == Compression.NONE && srcLen == rows * rowBytes) {
                            // uncompressed: read into place band by band, so that even a plane stored as one strip
                            // is converted while the rest of it is still arriving
                            int band = Math.max(1, BAND_BYTES / rowBytes);
                            for (int r = 0; r < rows; r += band) {
                                int n = Math.min(band, rows - r);
                                int at = (row0 - top + r) * rowBytes;
                                run.readNext(raw, at, n * rowBytes);
                                if (page.predictor == 2) {
                                    HorizontalPredictor.undo(raw, at, n, segRowSamples, stride, bps, in.order());
                                }
                                if (bandDone) {
                                    decoded.rows(raw, row0 - top + r, row0 - top + r + n);
                                }
                            }
                            continue;
                        }
                        if (!page.tiled) {
                            int dstOff = (row0 - top) * rowBytes;
                            segment = segment.length >= srcLen ? segment : new byte[srcLen];
                            run.readNext(segment, 0, srcLen);
                            page.compression.decoder.decode(segment, 0, srcLen, raw, dstOff, rows * rowBytes);
                            if (page.predictor == 2) {
                                HorizontalPredictor.undo(raw, dstOff, rows, segRowSamples, stride, bps, in.order());
                            }
                        } else {
                            segment = segment.length >= srcLen ? segment : new byte[srcLen];
                            run.readNext(segment, 0, srcLen);
                            page.compression.decoder.decode(segment, 0, srcLen, tile, 0, tile.length);
                            if (page.predictor == 2) {
                                HorizontalPredictor.undo(tile, 0, page.segmentHeight, segRowSamples, stride, bps, in.order());
                            }
                            int copy = Math.min(page.segmentWidth, page.width - col0) * stride * bps;
                            for (int r = 0; r < rows; r++) {
                                System.arraycopy(tile, r * segRowBytes, raw, (row0 - top + r) * rowBytes + col0 * stride * bps, copy);
                            }
                        }
                    } catch (TiffFormatException e) {
                        throw new TiffFormatException(what + " " + (index + 1) + " (" + page.compression.label + "): " + e.getMessage());
                    }
                    if (bandDone) {
                        decoded.rows(raw, row0 - top, row0 - top + rows);
                    }
                }
            }
            s = end;
        }
        return raw;
    }

    /**
     * Told of each band of rows as soon as it is decoded, top to bottom, while the segments of the next ones may
     * still be arriving: a plane converts the band's bytes into its samples there, off the end of the read.
     */
    @FunctionalInterface
    private interface DecodedRows {

        /** Nothing to do per band. */
        DecodedRows NONE = (raw, from, to) -> {
        };

        /**
         * @param raw  the decoded bytes of the rows asked for, in file order
         * @param from the first row of the band, counted from the top row asked for
         * @param to   the row after the band's last
         */
        void rows(byte[] raw, int from, int to);
    }

    /** @return whether segment k of a plane meets rows {@code top..bottom} and columns {@code left..right} */
    private static boolean meets(TiffPage page, int k, int top, int bottom, int left, int right) {
        int across = page.segmentsAcross();
        long row0 = (long) (k / across) * page.segmentHeight;
        long col0 = (long) (k % across) * page.segmentWidth;
        return row0 < bottom && row0 + page.segmentHeight > top && col0 < right && col0 + page.segmentWidth > left;
    }

    private void checkSegment(int index, long count, String what) throws TiffFormatException {
        if (count < 0 || count > in.size()) {
            throw new TiffFormatException(what + " " + (index + 1) + " declares " + count + " bytes in a file of " + in.size());
        }
    }
}
