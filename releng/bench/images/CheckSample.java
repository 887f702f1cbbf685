// SPDX-License-Identifier: GPL-3.0-or-later

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.idx.images.ImageSource;
import org.idx.images.LocalImageStore;
import org.idx.images.PlaneIndex;
import org.idx.images.ReadLimits;
import org.idx.images.ShortPlane;
import org.idx.images.tiff.TiffReader;

/**
 * Decodes every TIFF under a sample-screen folder (releng/sampledata/GenerateSample.java) with IDX's
 * TIFF reader and, for each TIFF that has a sibling FILE.gray (raw 16-bit little-endian samples, e.g.
 * from ImageMagick's {@code convert FILE -depth 16 -endian LSB gray:FILE.gray}), compares every pixel.
 *
 * Usage: java -cp CLASSES CheckSample SAMPLE_DIR
 */
public final class CheckSample {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        LocalImageStore store = new LocalImageStore(root);
        List<Path> tiffs;
        try (Stream<Path> s = Files.walk(root)) {
            tiffs = s.filter(p -> p.toString().endsWith(".tif")).sorted().toList();
        }
        int compared = 0;
        long pixels = 0;
        long t0 = System.nanoTime();
        for (Path tif : tiffs) {
            String key = root.relativize(tif).toString().replace('\\', '/');
            ImageSource source = new TiffReader().open(store, key, ReadLimits.DEFAULT);
            ShortPlane plane = (ShortPlane) source.plane(PlaneIndex.FIRST);
            pixels += plane.data().length;
            Path gray = Path.of(tif + ".gray");
            if (Files.exists(gray)) {
                ByteBuffer expected = ByteBuffer.wrap(Files.readAllBytes(gray)).order(ByteOrder.LITTLE_ENDIAN);
                if (expected.capacity() != plane.data().length * 2) {
                    throw new AssertionError(key + ": ImageMagick gives " + expected.capacity() / 2 + " samples, IDX " + plane.data().length);
                }
                for (int i = 0; i < plane.data().length; i++) {
                    int want = expected.getShort(2 * i) & 0xFFFF;
                    if (plane.unsigned(i) != want) {
                        throw new AssertionError(key + ": sample " + i + " is " + plane.unsigned(i) + ", ImageMagick says " + want);
                    }
                }
                compared++;
            }
        }
        System.out.printf("decoded %d TIFFs (%d pixels) in %.2f s; %d compared pixel by pixel with ImageMagick: all equal%n",
                tiffs.size(), pixels, (System.nanoTime() - t0) / 1e9, compared);
    }
}
