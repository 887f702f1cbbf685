// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.imageio;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.idx.images.BytePlane;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageSource;
import org.idx.images.PixelType;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.ShortPlane;

/** An image decoded by {@code javax.imageio}; decodes once, on the first plane asked for. */
final class ImageIoSource implements ImageSource {

    private final String key;
    private final ImageMetadata metadata;
    private byte[] bytes;
    private Plane[] planes;

    ImageIoSource(String key, byte[] bytes, ImageMetadata metadata) {
        this.key = key;
        this.bytes = bytes;
        this.metadata = metadata;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public ImageMetadata metadata() {
        return metadata;
    }

    @Override
    public synchronized Plane plane(PlaneIndex index) throws ImageAccessException {
        if (!metadata.contains(index)) {
            throw new IllegalArgumentException("plane " + index + " lies outside image '" + key + "' (" + metadata.sizeC() + " channels)");
        }
        if (planes == null) {
            planes = decode();
            bytes = null;
        }
        return planes[index.c()];
    }

    private Plane[] decode() throws ImageAccessException {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new ImageAccessException("Image '" + key + "' cannot be decoded as " + ImageIoReader.formatOf(key) + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new ImageAccessException("Image '" + key + "' cannot be decoded as " + ImageIoReader.formatOf(key) + ".");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        if (w != metadata.width() || h != metadata.height()) {
            throw new ImageAccessException("Image '" + key + "' decodes to " + w + "x" + h + " pixels, not the declared "
                    + metadata.width() + "x" + metadata.height() + ".");
        }
        Raster raster = image.getRaster();
        var colorModel = image.getColorModel();
        Plane[] out = new Plane[metadata.sizeC()];
        if (raster.getNumBands() == out.length && !colorModel.hasAlpha() && !(colorModel instanceof IndexColorModel)) {
            for (int c = 0; c < out.length; c++) {
                out[c] = band(raster, c, w, h);
            }
            return out;
        }
        // palettes, packed ints and alpha: go through sRGB or grey
        if (metadata.sizeC() == 1) {
            BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            grey.getGraphics().drawImage(image, 0, 0, null);
            out[0] = band(grey.getRaster(), 0, w, h);
            return out;
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int c = 0; c < 3; c++) {
            byte[] data = new byte[w * h];
            int shift = 16 - 8 * c;
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (argb[i] >> shift);
            }
            out[c] = new BytePlane(w, h, data);
        }
        return out;
    }

    private Plane band(Raster raster, int band, int w, int h) {
        int[] samples = raster.getSamples(0, 0, w, h, band, (int[]) null);
        if (metadata.pixelType() == PixelType.UINT16) {
            short[] data = new short[samples.length];
            for (int i = 0; i < samples.length; i++) {
                data[i] = (short) samples[i];
            }
            return new ShortPlane(w, h, data);
        }
        byte[] data = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            data[i] = (byte) samples[i];
        }
        return new BytePlane(w, h, data);
    }
}
