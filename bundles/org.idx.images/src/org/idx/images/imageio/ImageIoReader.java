// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.imageio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageReader;
import org.idx.images.ImageSource;
import org.idx.images.ImageStore;
import org.idx.images.PixelType;
import org.idx.images.ReadLimits;

/**
 * Reads PNG and JPEG (and whatever else the JDK's {@code javax.imageio} decodes) as one z/t plane:
 * grey images as one channel, colour images as red, green and blue channels (alpha is dropped);
 * 16-bit PNGs stay 16-bit. The whole object is read, so meant for moderately sized images.
 */
public final class ImageIoReader implements ImageReader {

    /** Creates the reader (extension point factory). */
    public ImageIoReader() {
    }

    @Override
    public ImageSource open(ImageStore store, String key, ReadLimits limits) throws ImageAccessException {
        byte[] bytes = store.read(key);
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new ImageAccessException("Image '" + key + "' is not in a format the JDK's image decoders know (PNG, JPEG, GIF, BMP).");
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                var type = reader.getImageTypes(0);
                int bands = 1;
                int bits = 8;
                if (type.hasNext()) {
                    var spec = type.next();
                    bands = spec.getNumBands();
                    bits = spec.getBitsPerBand(0);
                    if (spec.getColorModel() instanceof java.awt.image.IndexColorModel) {
                        bands = 3;
                        bits = 8;
                    }
                }
                int channels = bands >= 3 ? 3 : 1;
                PixelType pixelType = bits > 8 ? PixelType.UINT16 : PixelType.UINT8;
                limits.checkPlane(key, width, height, Math.max(bands, 1) * 4);
                ImageMetadata metadata = ImageMetadata.of(width, height, channels, 1, 1, pixelType);
                return new ImageIoSource(key, bytes, metadata);
            } finally {
                reader.dispose();
            }
        } catch (ImageAccessException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageAccessException("Image '" + key + "' cannot be read as " + formatOf(key) + ": " + e.getMessage(), e);
        }
    }

    static String formatOf(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "an image" : key.substring(dot + 1).toUpperCase(java.util.Locale.ROOT);
    }
}
