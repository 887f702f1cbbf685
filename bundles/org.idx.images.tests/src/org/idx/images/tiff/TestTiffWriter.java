// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * A small TIFF writer for test fixtures: byte order, classic or BigTIFF, strips or tiles, chunky or
 * planar, no compression, LZW, Deflate or PackBits, optional horizontal differencing, several pages
 * and a description on the first page, and reduced resolutions of the pages in either pyramid layout.
 */
final class TestTiffWriter {

    /**
     * One page. Integer samples in {@code ints} (8 or 16 bits), float samples in {@code floats}; chunky
     * (interleaved) order, {@code width * height * spp} of them.
     */
    record Page(int width, int height, int spp, int bits, int[] ints, float[] floats) {
        static Page grey16(int width, int height, int[] samples) {
            return new Page(width, height, 1, 16, samples, null);
        }

        static Page grey8(int width, int height, int[] samples) {
            return new Page(width, height, 1, 8, samples, null);
        }

        static Page float32(int width, int height, float[] samples) {
            return new Page(width, height, 1, 32, null, samples);
        }

        static Page rgb8(int width, int height, int[] samples) {
            return new Page(width, height, 3, 8, samples, null);
        }
    }

    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    boolean bigTiff;
    int compression = 1;
    boolean predictor;
    int rowsPerStrip;
    int tileWidth;
    int tileHeight;
    boolean planar;
    String description;
    final List<Page> pages = new ArrayList<>();
    /** Per page index, its reduced resolutions, finest first. */
    final java.util.Map<Integer, List<Page>> reduced = new java.util.HashMap<>();
    Pyramid pyramid = Pyramid.SUB_IFDS;
    /** Level ({@code >= 1}) whose SubIFD offset, of page {@link #badSubIfdPage}, points past the end of the file, or 0. */
    int badSubIfd;
    int badSubIfdPage;

    /** Where the reduced resolutions go. */
    enum Pyramid {
        /** In the SubIFDs (tag 330) of their full-resolution page (OME-TIFF). */
        SUB_IFDS,
        /** In the main chain right after their full-resolution page. */
        AFTER_EACH_PAGE,
        /** In the main chain after all full-resolution pages: every page's level 1, then every page's level 2... */
        AFTER_ALL_PAGES
    }

    TestTiffWriter order(ByteOrder o) {
        order = o;
        return this;
    }

    TestTiffWriter compression(int c) {
        compression = c;
        return this;
    }

    TestTiffWriter strips(int rows) {
        rowsPerStrip = rows;
        return this;
    }

    TestTiffWriter tiles(int w, int h) {
        tileWidth = w;
        tileHeight = h;
        return this;
    }

    TestTiffWriter page(Page p) {
        pages.add(p);
        return this;
    }

    /** Adds a reduced resolution of page {@code p} (add them finest first). */
    TestTiffWriter reduced(int p, Page level) {
        reduced.computeIfAbsent(p, k -> new ArrayList<>()).add(level);
        return this;
    }

    TestTiffWriter pyramid(Pyramid layout) {
        pyramid = layout;
        return this;
    }

    TestTiffWriter description(String d) {
        description = d;
        return this;
    }

    private record Entry(int type, long[] values, byte[] bytes) {
    }

    byte[] write() {
        Out out = new Out(order);
        if (bigTiff) {
            out.bytes(order == ByteOrder.LITTLE_ENDIAN ? "II" : "MM");
            out.u16(43).u16(8).u16(0);
        } else {
            out.bytes(order == ByteOrder.LITTLE_ENDIAN ? "II" : "MM");
            out.u16(42);
        }
        int[] nextPointer = {out.size()};
        out.offset(0, bigTiff);
        for (int p = 0; p < pages.size(); p++) {
            List<Page> levels = reduced.getOrDefault(p, List.of());
            long[] subIfds = null;
            if (pyramid == Pyramid.SUB_IFDS && !levels.isEmpty()) {
                subIfds = new long[levels.size()];
                for (int k = 0; k < levels.size(); k++) {
                    subIfds[k] = image(out, levels.get(k), -1, null)[0];
                }
                if (p == badSubIfdPage && badSubIfd > 0) {
                    subIfds[badSubIfd - 1] = 0x7FFF_FFF0L;
                }
            }
            chain(out, nextPointer, image(out, pages.get(p), p, subIfds));
            if (pyramid == Pyramid.AFTER_EACH_PAGE) {
                for (Page level : levels) {
                    chain(out, nextPointer, image(out, level, -1, null));
                }
            }
        }
        if (pyramid == Pyramid.AFTER_ALL_PAGES) {
            int count = reduced.values().stream().mapToInt(List::size).max().orElse(0);
            for (int k = 0; k < count; k++) {
                for (int p = 0; p < pages.size(); p++) {
                    List<Page> levels = reduced.getOrDefault(p, List.of());
                    if (k < levels.size()) {
                        chain(out, nextPointer, image(out, levels.get(k), -1, null));
                    }
                }
            }
        }
        return out.toBytes();
    }

    private void chain(Out out, int[] nextPointer, long[] written) {
        out.patchOffset(nextPointer[0], written[0], bigTiff);
        nextPointer[0] = (int) written[1];
    }

    /**
     * Writes one image's segments and directory (its next-directory pointer 0).
     *
     * @param p       the page index for a full-resolution page, -1 for a reduced resolution
     * @param subIfds the SubIFD offsets to list, or null
     * @return the directory's offset and where its next-directory pointer is
     */
    private long[] image(Out out, Page page, int p, long[] subIfds) {
        boolean tiled = tileWidth > 0;
        int segW = tiled ? tileWidth : page.width();
        int segH = tiled ? tileHeight : rowsPerStrip > 0 ? rowsPerStrip : page.height();
        int across = (page.width() + segW - 1) / segW;
        int down = (page.height() + segH - 1) / segH;
        int groups = planar ? page.spp() : 1;
        int groupSamples = planar ? 1 : page.spp();
        List<Long> offsets = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int sy = 0; sy < down; sy++) {
                for (int sx = 0; sx < across; sx++) {
                    int rows = tiled ? segH : Math.min(segH, page.height() - sy * segH);
                    byte[] raw = segment(page, g, groupSamples, sx * segW, sy * segH, segW, rows);
                    byte[] packed = compress(raw);
                    if ((out.size() & 1) == 1) {
                        out.u8(0);
                    }
                    offsets.add((long) out.size());
                    counts.add((long) packed.length);
                    out.raw(packed);
                }
            }
        }
        TreeMap<Integer, Entry> tags = new TreeMap<>();
        tags.put(256, shorts(page.width()));
        tags.put(257, shorts(page.height()));
        long[] bits = new long[page.spp()];
        Arrays.fill(bits, page.bits());
        tags.put(258, new Entry(3, bits, null));
        tags.put(259, shorts(compression));
        tags.put(262, shorts(page.spp() == 3 ? 2 : 1));
        if (p < 0) {
            tags.put(254, new Entry(4, new long[] {1}, null));
        }
        if (p == 0 && description != null) {
            tags.put(270, new Entry(2, null, (description + "\0").getBytes(StandardCharsets.UTF_8)));
        }
        int offTag = bigTiff ? 16 : 4;
        tags.put(tiled ? 324 : 273, new Entry(offTag, offsets.stream().mapToLong(Long::longValue).toArray(), null));
        tags.put(277, shorts(page.spp()));
        tags.put(tiled ? 325 : 279, new Entry(offTag, counts.stream().mapToLong(Long::longValue).toArray(), null));
        if (!tiled) {
            tags.put(278, shorts(segH));
        } else {
            tags.put(322, shorts(tileWidth));
            tags.put(323, shorts(tileHeight));
        }
        if (page.spp() > 1) {
            tags.put(284, shorts(planar ? 2 : 1));
        }
        if (predictor) {
            tags.put(317, shorts(2));
        }
        if (subIfds != null) {
            tags.put(330, new Entry(bigTiff ? 18 : 13, subIfds, null));
        }
        tags.put(339, shorts(page.floats() != null ? 3 : 1));
        if ((out.size() & 1) == 1) {
            out.u8(0);
        }
        int ifd = out.size();
        int entrySize = bigTiff ? 20 : 12;
        int inline = bigTiff ? 8 : 4;
        int blob = ifd + (bigTiff ? 8 : 2) + tags.size() * entrySize + inline;
        Out blobs = new Out(order);
        if (bigTiff) {
            out.u64(tags.size());
        } else {
            out.u16(tags.size());
        }
        for (var e : tags.entrySet()) {
            Entry entry = e.getValue();
            byte[] value = encode(entry);
            long count = entry.bytes != null ? entry.bytes.length : entry.values.length;
            out.u16(e.getKey()).u16(entry.type);
            if (bigTiff) {
                out.u64(count);
            } else {
                out.u32(count);
            }
            if (value.length <= inline) {
                out.raw(Arrays.copyOf(value, inline));
            } else {
                if ((blobs.size() & 1) == 1) {
                    blobs.u8(0);
                }
                out.offset(blob + blobs.size(), bigTiff);
                blobs.raw(value);
            }
        }
        int nextPointer = out.size();
        out.offset(0, bigTiff);
        out.raw(blobs.toBytes());
        return new long[] {ifd, nextPointer};
    }

    private static Entry shorts(long v) {
        return new Entry(3, new long[] {v}, null);
    }

    private byte[] encode(Entry e) {
        if (e.bytes != null) {
            return e.bytes;
        }
        Out o = new Out(order);
        for (long v : e.values) {
            switch (e.type) {
                case 3 -> o.u16((int) v);
                case 4, 13 -> o.u32(v);
                case 16, 18 -> o.u64(v);
                default -> throw new IllegalArgumentException();
            }
        }
        return o.toBytes();
    }

    /** Raw bytes of one segment, zero padded beyond the image, predictor applied. */
    private byte[] segment(Page page, int group, int groupSamples, int x0, int y0, int w, int h) {
        int bps = page.bits() / 8;
        ByteBuffer b = ByteBuffer.allocate(w * h * groupSamples * bps).order(order);
        for (int y = 0; y < h; y++) {
            long[] row = new long[w * groupSamples];
            float[] frow = new float[w * groupSamples];
            for (int x = 0; x < w; x++) {
                for (int s = 0; s < groupSamples; s++) {
                    int xx = x0 + x;
                    int yy = y0 + y;
                    if (xx < page.width() && yy < page.height()) {
                        int sample = planar ? group : s;
                        int i = (yy * page.width() + xx) * page.spp() + sample;
                        if (page.floats() != null) {
                            frow[x * groupSamples + s] = page.floats()[i];
                        } else {
                            row[x * groupSamples + s] = page.ints()[i];
                        }
                    }
                }
            }
            if (predictor) {
                long mask = (1L << page.bits()) - 1;
                for (int i = row.length - 1; i >= groupSamples; i--) {
                    row[i] = (row[i] - row[i - groupSamples]) & mask;
                }
            }
            for (int i = 0; i < row.length; i++) {
                switch (page.bits()) {
                    case 8 -> b.put((byte) row[i]);
                    case 16 -> b.putShort((short) row[i]);
                    default -> b.putFloat(frow[i]);
                }
            }
        }
        return b.array();
    }

    private byte[] compress(byte[] raw) {
        return switch (compression) {
            case 1 -> raw;
            case 5 -> lzw(raw);
            case 8, 32946 -> {
                Deflater d = new Deflater();
                d.setInput(raw);
                d.finish();
                byte[] buf = new byte[raw.length + 1024];
                int n = d.deflate(buf);
                d.end();
                yield Arrays.copyOf(buf, n);
            }
            case 32773 -> packBits(raw);
            default -> raw; // unsupported codes are written uncompressed, to test refusal
        };
    }

    /** TIFF LZW with early change, as libtiff writes it. */
    static byte[] lzw(byte[] in) {
        Bits out = new Bits();
        java.util.HashMap<Integer, Integer> table = new java.util.HashMap<>();
        int width = 9;
        int next = 258;
        out.put(256, width);
        if (in.length == 0) {
            out.put(257, width);
            return out.toBytes();
        }
        int prefix = in[0] & 0xFF;
        for (int i = 1; i < in.length; i++) {
            int c = in[i] & 0xFF;
            Integer code = table.get(prefix << 8 | c);
            if (code != null) {
                prefix = code;
                continue;
            }
            out.put(prefix, width);
            table.put(prefix << 8 | c, next++);
            if (next == 4094) {
                out.put(256, width);
                table.clear();
                next = 258;
                width = 9;
            } else if (next > (1 << width) - 1) {
                width++;
            }
            prefix = c;
        }
        out.put(prefix, width);
        next++;
        if (next > (1 << width) - 1 && width < 12) {
            width++;
        }
        out.put(257, width);
        return out.toBytes();
    }

    static byte[] packBits(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int run = 1;
            while (i + run < in.length && run < 128 && in[i + run] == in[i]) {
                run++;
            }
            if (run >= 2) {
                out.write(1 - run);
                out.write(in[i]);
                i += run;
                continue;
            }
            int start = i;
            int n = 0;
            while (i < in.length && n < 128 && !(i + 1 < in.length && in[i + 1] == in[i])) {
                i++;
                n++;
            }
            if (n == 0) {
                i++;
                n = 1;
            }
            out.write(n - 1);
            out.write(in, start, n);
        }
        return out.toByteArray();
    }

    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long acc;
        private int count;

        void put(int code, int width) {
            acc = acc << width | code;
            count += width;
            while (count >= 8) {
                out.write((int) (acc >>> (count - 8)) & 0xFF);
                count -= 8;
            }
        }

        byte[] toBytes() {
            if (count > 0) {
                out.write((int) (acc << (8 - count)) & 0xFF);
                count = 0;
            }
            return out.toByteArray();
        }
    }

    private static final class Out {
        private final ByteOrder order;
        private byte[] buf = new byte[1024];
        private int size;

        Out(ByteOrder order) {
            this.order = order;
        }

        int size() {
            return size;
        }

        private void ensure(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        Out raw(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
            return this;
        }

        Out bytes(String s) {
            return raw(s.getBytes(StandardCharsets.US_ASCII));
        }

        Out u8(int v) {
            return raw(new byte[] {(byte) v});
        }

        Out u16(int v) {
            return raw(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
        }

        Out u32(long v) {
            return raw(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
        }

        Out u64(long v) {
            return raw(ByteBuffer.allocate(8).order(order).putLong(v).array());
        }

        Out offset(long v, boolean big) {
            return big ? u64(v) : u32(v);
        }

        void patchOffset(int at, long v, boolean big) {
            byte[] b = big ? ByteBuffer.allocate(8).order(order).putLong(v).array()
                    : ByteBuffer.allocate(4).order(order).putInt((int) v).array();
            System.arraycopy(b, 0, buf, at, b.length);
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, size);
        }
    }
}
