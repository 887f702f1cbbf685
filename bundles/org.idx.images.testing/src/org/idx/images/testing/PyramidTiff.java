// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * Writes a tiled pyramidal OME-TIFF as Bio-Formats 6 lays it out (each channel a page, its reduced
 * resolutions in the page's SubIFDs), streamed tile by tile so that large fixtures (a 16384x16384
 * benchmark image) need little memory. Every directory comes first, after the header, as tifffile
 * writes them; the tiles follow, page by page and level by level. Level {@code k} halves level
 * {@code k-1} (rounding up) by taking every other pixel, so that {@link #expected(int, int, int, int)}
 * knows every sample of every level.
 */
public final class PyramidTiff {

    /** The sample of a channel at a full-resolution position. */
    @FunctionalInterface
    public interface Samples {
        /**
         * @param c channel
         * @param x column
         * @param y row
         * @return the sample (the low 8 or 16 bits are written)
         */
        int at(int c, int x, int y);
    }

    /** The default pattern: gradients, blocks and a little noise, so that levels, tiles and channels differ. */
    public static final Samples PATTERN = (c, x, y) -> {
        int h = (x * 73856093) ^ (y * 19349663) ^ (c * 83492791);
        return x / 4 + y / 3 + c * 1000 + ((x >> 6) + (y >> 6) & 1) * 2000 + (h >>> 28);
    };

    private final int width;
    private final int height;
    private int channels = 1;
    private int levels = 1;
    private int tile = 256;
    private int bits = 16;
    private boolean deflate;
    private Samples samples = PATTERN;

    /**
     * @param width  full-resolution width
     * @param height full-resolution height
     */
    public PyramidTiff(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** @return this, with that many channels (pages) */
    public PyramidTiff channels(int n) {
        channels = n;
        return this;
    }

    /** @return this, with that many levels, the full resolution included */
    public PyramidTiff levels(int n) {
        levels = n;
        return this;
    }

    /** @return this, with square tiles of that side (a multiple of 16) */
    public PyramidTiff tile(int side) {
        tile = side;
        return this;
    }

    /** @return this, with 8-bit samples instead of 16-bit */
    public PyramidTiff uint8() {
        bits = 8;
        return this;
    }

    /** @return this, with Deflate-compressed tiles */
    public PyramidTiff deflate() {
        deflate = true;
        return this;
    }

    /** @return this, with these samples instead of {@link #PATTERN} */
    public PyramidTiff samples(Samples s) {
        samples = s;
        return this;
    }

    /** @return the width of a level */
    public int width(int level) {
        return (int) ((width + (1L << level) - 1) >> level);
    }

    /** @return the height of a level */
    public int height(int level) {
        return (int) ((height + (1L << level) - 1) >> level);
    }

    /**
     * @return the sample this writer stores at (x, y) of channel c of a level
     */
    public int expected(int level, int c, int x, int y) {
        return samples.at(c, x << level, y << level) & ((1 << bits) - 1);
    }

    /** @return the file's bytes (for small fixtures) */
    public byte[] bytes() throws IOException {
        Path file = Files.createTempFile("pyramid", ".tif");
        try {
            write(file);
            return Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
    }

    /** Writes the file. */
    public void write(Path file) throws IOException {
        // directories: page p's main one, then its levels 1..; sizes do not depend on the values
        List<TreeMap<Integer, long[]>> ifds = new ArrayList<>();
        for (int p = 0; p < channels; p++) {
            for (int k = 0; k < levels; k++) {
                ifds.add(tags(p, k));
            }
        }
        byte[] description = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">"
                + "<Image ID=\"Image:0\"><Pixels ID=\"Pixels:0\" DimensionOrder=\"XYCZT\" Type=\"uint" + bits + "\" SizeX=\"" + width
                + "\" SizeY=\"" + height + "\" SizeC=\"" + channels + "\" SizeZ=\"1\" SizeT=\"1\"/></Image></OME>\0")
                .getBytes(StandardCharsets.UTF_8);
        long[] at = new long[ifds.size()];
        long dataStart = layout(ifds, description, at, null);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            long pos = dataStart;
            for (int p = 0; p < channels; p++) {
                for (int k = 0; k < levels; k++) {
                    TreeMap<Integer, long[]> t = ifds.get(p * levels + k);
                    long[] offsets = t.get(324);
                    long[] counts = t.get(325);
                    int across = (width(k) + tile - 1) / tile;
                    for (int i = 0; i < offsets.length; i++) {
                        byte[] data = tileBytes(p, k, (i % across) * tile, (i / across) * tile);
                        offsets[i] = pos;
                        counts[i] = data.length;
                        writeFully(out, ByteBuffer.wrap(data), pos);
                        pos += data.length;
                    }
                }
            }
            for (int p = 0; p < channels; p++) {
                long[] sub = ifds.get(p * levels).get(330);
                for (int k = 1; k < levels; k++) {
                    sub[k - 1] = at[p * levels + k];
                }
            }
            ByteBuffer dirs = ByteBuffer.allocate((int) (dataStart)).order(ByteOrder.LITTLE_ENDIAN);
            layout(ifds, description, at, dirs);
            dirs.flip();
            writeFully(out, dirs, 0);
        }
    }

    private TreeMap<Integer, long[]> tags(int page, int level) {
        int w = width(level);
        int h = height(level);
        int n = ((w + tile - 1) / tile) * ((h + tile - 1) / tile);
        TreeMap<Integer, long[]> t = new TreeMap<>();
        if (level > 0) {
            t.put(254, new long[] {1});
        }
        t.put(256, new long[] {w});
        t.put(257, new long[] {h});
        t.put(258, new long[] {bits});
        t.put(259, new long[] {deflate ? 8 : 1});
        t.put(262, new long[] {1});
        if (page == 0 && level == 0) {
            t.put(270, new long[0]); // the description, written as ASCII
        }
        t.put(277, new long[] {1});
        t.put(322, new long[] {tile});
        t.put(323, new long[] {tile});
        t.put(324, new long[n]);
        t.put(325, new long[n]);
        if (level == 0 && levels > 1) {
            t.put(330, new long[levels - 1]);
        }
        t.put(339, new long[] {1});
        return t;
    }

    /**
     * Lays out the header and directories: a first pass (no {@code out}) finds where each directory
     * goes ({@code at}), a second one writes them into {@code out}.
     *
     * @return where the tiles start
     */
    private static long layout(List<TreeMap<Integer, long[]>> ifds, byte[] description, long[] at, ByteBuffer out) {
        long pos = 8;
        if (out != null) {
            out.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        }
        for (int i = 0; i < ifds.size(); i++) {
            TreeMap<Integer, long[]> t = ifds.get(i);
            at[i] = pos;
            long blob = pos + 2 + 12L * t.size() + 4;
            int blobSize = description.length + 2;
            for (long[] v : t.values()) {
                blobSize += 4 * v.length + 2;
            }
            ByteBuffer blobs = ByteBuffer.allocate(blobSize).order(ByteOrder.LITTLE_ENDIAN);
            if (out != null) {
                out.putShort((short) t.size());
            }
            for (var e : t.entrySet()) {
                int tag = e.getKey();
                long[] v = e.getValue();
                int type = tag == 270 ? 2 : tag == 330 ? 13 : v.length == 1 && tag != 324 && tag != 325 ? 3 : 4;
                int count = tag == 270 ? description.length : v.length;
                int bytes = type == 2 ? count : type == 3 ? 2 * count : 4 * count;
                if (out != null) {
                    out.putShort((short) tag).putShort((short) type).putInt(count);
                }
                if (bytes <= 4) {
                    if (out != null) {
                        if (type == 3) {
                            out.putShort((short) v[0]).putShort((short) 0);
                        } else {
                            out.putInt(count == 0 ? 0 : (int) v[0]);
                        }
                    }
                } else {
                    if (out != null) {
                        out.putInt((int) (blob + blobs.position()));
                    }
                    if (type == 2) {
                        blobs.put(description);
                    } else {
                        for (long x : v) {
                            blobs.putInt((int) x);
                        }
                    }
                    if ((blobs.position() & 1) == 1) {
                        blobs.put((byte) 0);
                    }
                }
            }
            if (out != null) {
                // the main chain links the pages' main directories (offsets known from the first pass);
                // the levels hang off their SubIFDs
                long next = 0;
                for (int j = i + 1; j < ifds.size() && next == 0 && !t.containsKey(254); j++) {
                    next = ifds.get(j).containsKey(254) ? 0 : at[j];
                }
                out.putInt((int) next);
                out.put(blobs.array(), 0, blobs.position());
            }
            pos = blob + blobs.position();
        }
        return (pos + 15) / 16 * 16;
    }

    private byte[] tileBytes(int page, int level, int x0, int y0) {
        int bps = bits / 8;
        ByteBuffer b = ByteBuffer.allocate(tile * tile * bps).order(ByteOrder.LITTLE_ENDIAN);
        int w = width(level);
        int h = height(level);
        int mask = (1 << bits) - 1;
        for (int y = y0; y < y0 + tile; y++) {
            for (int x = x0; x < x0 + tile; x++) {
                int v = x < w && y < h ? samples.at(page, x << level, y << level) & mask : 0;
                if (bits == 8) {
                    b.put((byte) v);
                } else {
                    b.putShort((short) v);
                }
            }
        }
        byte[] raw = b.array();
        if (!deflate) {
            return raw;
        }
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(raw);
            d.finish();
            byte[] buf = new byte[raw.length + 1024];
            int n = 0;
            while (!d.finished()) {
                n += d.deflate(buf, n, buf.length - n);
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
            }
            return Arrays.copyOf(buf, n);
        } finally {
            d.end();
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            pos += out.write(b, pos);
        }
    }
}
