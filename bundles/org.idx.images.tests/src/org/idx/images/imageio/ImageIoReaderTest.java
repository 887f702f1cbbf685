// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.imageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageSource;
import org.idx.images.LocalImageStore;
import org.idx.images.PixelType;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.ReadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageIoReaderTest {

    @TempDir
    Path dir;

    private ImageSource write(BufferedImage image, String format, String name) throws IOException {
        assertTrue(ImageIO.write(image, format, dir.resolve(name).toFile()));
        return new ImageIoReader().open(new LocalImageStore(dir), name, ReadLimits.DEFAULT);
    }

    private static int[] random(int n, int bound, long seed) {
        Random r = new Random(seed);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextInt(bound);
        }
        return s;
    }

    @Test
    void readsGreyPng8And16PixelExact() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY}) {
            BufferedImage image = new BufferedImage(37, 23, type);
            int max = type == BufferedImage.TYPE_BYTE_GRAY ? 256 : 65536;
            int[] px = random(37 * 23, max, type);
            image.getRaster().setSamples(0, 0, 37, 23, 0, px);
            ImageSource source = write(image, "png", "grey" + type + ".png");
            assertEquals(1, source.metadata().sizeC());
            assertEquals(max == 256 ? PixelType.UINT8 : PixelType.UINT16, source.metadata().pixelType());
            Plane plane = source.plane(PlaneIndex.FIRST);
            for (int i = 0; i < px.length; i++) {
                assertEquals(px[i], plane.value(i % 37, i / 37), "sample " + i);
            }
        }
    }

    @Test
    void readsRgbPngAsThreeChannelsPixelExact() throws IOException {
        BufferedImage image = new BufferedImage(31, 17, BufferedImage.TYPE_INT_RGB);
        int[] rgb = random(31 * 17, 1 << 24, 3);
        image.setRGB(0, 0, 31, 17, rgb, 0, 31);
        ImageSource source = write(image, "png", "rgb.png");
        assertEquals(3, source.metadata().sizeC());
        for (int c = 0; c < 3; c++) {
            Plane plane = source.plane(new PlaneIndex(c, 0, 0));
            for (int i = 0; i < rgb.length; i++) {
                assertEquals(rgb[i] >> (16 - 8 * c) & 0xFF, plane.value(i % 31, i / 31), "channel " + c + " sample " + i);
            }
        }
    }

    @Test
    void readsJpegApproximately() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        int[] flat = new int[64 * 48];
        Arrays.fill(flat, 0x3080C0);
        image.setRGB(0, 0, 64, 48, flat, 0, 64);
        ImageSource source = write(image, "jpg", "photo.jpg");
        assertEquals(3, source.metadata().sizeC());
        assertEquals(0x30, source.plane(new PlaneIndex(0, 0, 0)).value(10, 10), 3);
        assertEquals(0x80, source.plane(new PlaneIndex(1, 0, 0)).value(10, 10), 3);
        assertEquals(0xC0, source.plane(new PlaneIndex(2, 0, 0)).value(10, 10), 3);
    }

    @Test
    void corruptAndOversizedImagesAreReported() throws IOException {
        Files.write(dir.resolve("bad.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H'});
        ImageAccessException e = assertThrows(ImageAccessException.class,
                () -> new ImageIoReader().open(new LocalImageStore(dir), "bad.png", ReadLimits.DEFAULT).plane(PlaneIndex.FIRST));
        assertTrue(e.getMessage().contains("'bad.png'"), e.getMessage());
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(image, "png", dir.resolve("big.png").toFile());
        e = assertThrows(ImageAccessException.class,
                () -> new ImageIoReader().open(new LocalImageStore(dir), "big.png", new ReadLimits(1000)));
        assertTrue(e.getMessage().contains("'big.png'") && e.getMessage().contains("limit"), e.getMessage());
    }
}
