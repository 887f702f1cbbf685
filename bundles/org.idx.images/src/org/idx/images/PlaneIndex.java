// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * The position of one 2-D plane in an image: channel, focal plane and time point, each from 0.
 *
 * @param c channel
 * @param z focal plane
 * @param t time point
 */
public record PlaneIndex(int c, int z, int t) {

    /** The first plane. */
    public static final PlaneIndex FIRST = new PlaneIndex(0, 0, 0);

    /** Validates. */
    public PlaneIndex {
        if (c < 0 || z < 0 || t < 0) {
            throw new IllegalArgumentException("plane index must not be negative: c=" + c + ", z=" + z + ", t=" + t);
        }
    }

    /**
     * @param c channel
     * @return the same z and t with another channel
     */
    public PlaneIndex withC(int c) {
        return new PlaneIndex(c, z, t);
    }
}
