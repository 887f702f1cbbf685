// SPDX-License-Identifier: GPL-3.0-or-later

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.zip.Deflater;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageSource;
import org.idx.images.ImageStore;
import org.idx.images.LocalImageStore;
import org.idx.images.Plane;
import org.idx.images.PlaneCache;
import org.idx.images.PlaneIndex;
import org.idx.images.ReadLimits;
import org.idx.images.display.ChannelStyle;
import org.idx.images.display.ContrastRange;
import org.idx.images.display.PlaneRenderer;
import org.idx.images.tiff.TiffReader;

/**
 * Time to first display of a 2048x2048 16-bit TIFF plane and of a z/t slider step from the cache.
 * Writes the fixtures (uncompressed and Deflate, little-endian, 64-row strips, like the sample screen)
 * into DIR when missing, then prints, per file, the best of ROUNDS after warm-up:
 * bytes read from local disk, decode (from bytes in memory: parse + decompress + convert),
 * auto contrast + ARGB mapping, and a cached re-map (cache hit + ARGB mapping into a reused buffer).
 *
 * Usage: java -cp CLASSES ImageBench DIR [ROUNDS]
 */
public final class ImageBench {

    static final int SIZE = 2048;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Files.createDirectories(dir);
        for (String compression : new String[] {null, "Deflate"}) {
            String name = compression == null ? "plane-2048-u16-none.tif" : "plane-2048-u16-deflate.tif";
            if (!Files.exists(dir.resolve(name))) {
                write(dir.resolve(name), compression);
            }
            run(new LocalImageStore(dir), name, rounds);
        }
    }

    static void run(LocalImageStore disk, String key, int rounds) throws Exception {
        long[] read = new long[rounds];
        long[] decode = new long[rounds];
        long[] map = new long[rounds];
        long[] remap = new long[rounds];
        int warm = 3;
        PlaneCache cache = new PlaneCache(256L << 20);
        int[] buffer = null;
        for (int r = -warm; r < rounds; r++) {
            long t0 = System.nanoTime();
            byte[] bytes = disk.read(key);
            long t1 = System.nanoTime();
            ImageSource source = new TiffReader().open(new MemoryStore(key, bytes), key, ReadLimits.DEFAULT);
            Plane plane = source.plane(PlaneIndex.FIRST);
            long t2 = System.nanoTime();
            ContrastRange range = ContrastRange.auto(plane);
            int[] argb = PlaneRenderer.render(plane, new ChannelStyle(ChannelStyle.GREY, range), null);
            long t3 = System.nanoTime();
            PlaneCache.Key k = new PlaneCache.Key("bench", key, PlaneIndex.FIRST);
            cache.put(k, plane);
            long t4 = System.nanoTime();
            Plane cached = cache.get(k);
            buffer = PlaneRenderer.render(cached, new ChannelStyle(ChannelStyle.GREEN, range), buffer);
            long t5 = System.nanoTime();
            if (argb[SIZE * SIZE / 2] == 0 && buffer[0] == 1) {
                System.out.print(""); // keep the results alive
            }
            if (r >= 0) {
                read[r] = t1 - t0;
                decode[r] = t2 - t1;
                map[r] = t3 - t2;
                remap[r] = t5 - t4;
            }
        }
        double bestFirst = ms(best(decode)) + ms(best(map));
        System.out.printf(Locale.ROOT,
                "%-28s %6.1f MB  read %6.1f ms  decode %6.1f ms  contrast+ARGB %6.1f ms  first display %6.1f ms (target < 150)  cached re-map %5.1f ms (target < 30)  [best of %d; medians %.1f/%.1f/%.1f/%.1f]%n",
                key, disk.size(key) / 1e6, ms(best(read)), ms(best(decode)), ms(best(map)), bestFirst, ms(best(remap)), rounds,
                ms(median(read)), ms(median(decode)), ms(median(map)), ms(median(remap)));
    }

    static long best(long[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** A microscopy-like 16-bit plane: dim background, bright blobs, camera noise. */
    static void write(Path file, String compression) throws IOException {
        Random random = new Random(7);
        int[] px = new int[SIZE * SIZE];
        for (int i = 0; i < px.length; i++) {
            px[i] = 100 + (int) Math.abs(random.nextGaussian() * 8);
        }
        for (int b = 0; b < 400; b++) {
            int cx = random.nextInt(SIZE);
            int cy = random.nextInt(SIZE);
            int radius = 8 + random.nextInt(12);
            int peak = 500 + random.nextInt(3000);
            for (int y = Math.max(0, cy - radius); y < Math.min(SIZE, cy + radius); y++) {
                for (int x = Math.max(0, cx - radius); x < Math.min(SIZE, cx + radius); x++) {
                    double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (double) (radius * radius);
                    if (d2 < 1) {
                        px[y * SIZE + x] = Math.min(65535, px[y * SIZE + x] + (int) (peak * (1 - d2)));
                    }
                }
            }
        }
        Files.write(file, stripTiff(px, compression != null));
    }

    /** A little-endian, 64-rows-per-strip grey 16-bit TIFF, the layout of the sample screen's images. */
    static byte[] stripTiff(int[] px, boolean deflate) {
        int rowsPerStrip = 64;
        int strips = SIZE / rowsPerStrip;
        byte[][] data = new byte[strips][];
        for (int s = 0; s < strips; s++) {
            ByteBuffer raw = ByteBuffer.allocate(rowsPerStrip * SIZE * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < rowsPerStrip * SIZE; i++) {
                raw.putShort((short) px[s * rowsPerStrip * SIZE + i]);
            }
            data[s] = deflate ? zlib(raw.array()) : raw.array();
        }
        int[][] tags = {{256, SIZE}, {257, SIZE}, {258, 16}, {259, deflate ? 8 : 1}, {262, 1}, {273, -1}, {277, 1},
            {278, rowsPerStrip}, {279, -2}};
        int ifd = 8;
        int arrays = ifd + 2 + 12 * tags.length + 4;
        int pixels = arrays + 8 * strips;
        int total = pixels + Arrays.stream(data).mapToInt(d -> d.length).sum();
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd).putShort((short) tags.length);
        for (int[] t : tags) {
            boolean array = t[1] < 0;
            b.putShort((short) t[0]).putShort((short) (array ? 4 : 3)).putInt(array ? strips : 1);
            b.putInt(t[1] == -1 ? arrays : t[1] == -2 ? arrays + 4 * strips : t[1]);
        }
        b.putInt(0);
        int at = pixels;
        for (byte[] d : data) {
            b.putInt(at);
            at += d.length;
        }
        for (byte[] d : data) {
            b.putInt(d.length);
        }
        for (byte[] d : data) {
            b.put(d);
        }
        return b.array();
    }

    static byte[] zlib(byte[] raw) {
        Deflater deflater = new Deflater(6);
        deflater.setInput(raw);
        deflater.finish();
        byte[] out = new byte[raw.length + 1024];
        int n = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, n);
    }

    /** Bytes already in memory, so that decode time excludes I/O. */
    record MemoryStore(String key, byte[] bytes) implements ImageStore {
        @Override
        public long size(String k) {
            return bytes.length;
        }

        @Override
        public byte[] read(String k) {
            return bytes.clone();
        }

        @Override
        public byte[] read(String k, long offset, int length) throws ImageAccessException {
            if (offset + length > bytes.length) {
                throw new ImageAccessException("Image '" + k + "' is truncated.");
            }
            return Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
        }

        @Override
        public String describe() {
            return "memory";
        }
    }
}
