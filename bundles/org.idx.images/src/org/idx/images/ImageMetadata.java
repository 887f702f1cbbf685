// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.util.List;
import java.util.Optional;

/**
 * What a reader knows about an image before reading its planes.
 *
 * @param width        plane width in pixels
 * @param height       plane height in pixels
 * @param sizeC        number of channels
 * @param sizeZ        number of focal planes
 * @param sizeT        number of time points
 * @param pixelType    the sample type of every plane
 * @param pixelSize    the physical pixel size, when the file states it
 * @param channelNames one name per channel when the file names them, else empty
 */
public record ImageMetadata(int width, int height, int sizeC, int sizeZ, int sizeT, PixelType pixelType,
        Optional<PixelSize> pixelSize, List<String> channelNames) {

    /** Validates and copies. */
    public ImageMetadata {
        if (width <= 0 || height <= 0 || sizeC <= 0 || sizeZ <= 0 || sizeT <= 0) {
            throw new IllegalArgumentException("image dimensions must be positive: " + width + "x" + height + ", c=" + sizeC
                    + ", z=" + sizeZ + ", t=" + sizeT);
        }
        if (pixelType == null || pixelSize == null) {
            throw new NullPointerException("pixelType and pixelSize must not be null");
        }
        channelNames = List.copyOf(channelNames);
        if (!channelNames.isEmpty() && channelNames.size() != sizeC) {
            throw new IllegalArgumentException(channelNames.size() + " channel names for " + sizeC + " channels");
        }
    }

    /**
     * Metadata without physical size or channel names.
     *
     * @param width     plane width
     * @param height    plane height
     * @param sizeC     channels
     * @param sizeZ     focal planes
     * @param sizeT     time points
     * @param pixelType sample type
     * @return the metadata
     */
    public static ImageMetadata of(int width, int height, int sizeC, int sizeZ, int sizeT, PixelType pixelType) {
        return new ImageMetadata(width, height, sizeC, sizeZ, sizeT, pixelType, Optional.empty(), List.of());
    }

    /** @return the number of planes, {@code sizeC * sizeZ * sizeT} */
    public long planeCount() {
        return (long) sizeC * sizeZ * sizeT;
    }

    /** @return the bytes one decoded plane occupies */
    public long planeBytes() {
        return (long) width * height * pixelType.bytesPerSample();
    }

    /**
     * @param index a plane index
     * @return whether the index lies inside this image's c, z and t ranges
     */
    public boolean contains(PlaneIndex index) {
        return index.c() < sizeC && index.z() < sizeZ && index.t() < sizeT;
    }
}
