// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.util.List;

/**
 * How a file's pages map to channels, focal planes and time points, as a description states it.
 *
 * @param sizeC        channels stored as separate pages
 * @param sizeZ        focal planes
 * @param sizeT        time points
 * @param order        the dimension order, fastest first after X and Y, e.g. "XYCZT"
 * @param channelNames channel names, or empty
 * @param pixelSizeX   physical pixel width in micrometres, NaN if unknown
 * @param pixelSizeY   physical pixel height in micrometres, NaN if unknown
 * @param unitMicron   for ImageJ: whether the resolution tags are pixels per micrometre
 */
record Dimensions(int sizeC, int sizeZ, int sizeT, String order, List<String> channelNames, double pixelSizeX,
        double pixelSizeY, boolean unitMicron) {

    /** Pages as focal planes, in file order. */
    static Dimensions stack(int pages) {
        return new Dimensions(1, pages, 1, "XYCZT", List.of(), Double.NaN, Double.NaN, false);
    }

    long pages() {
        return (long) sizeC * sizeZ * sizeT;
    }

    /**
     * @return the page holding (c, z, t), c counting pages (not samples)
     */
    int page(int c, int z, int t) {
        int[] size = new int[3];
        int[] pos = new int[3];
        for (int i = 0; i < 3; i++) {
            char d = order.charAt(2 + i);
            size[i] = d == 'C' ? sizeC : d == 'Z' ? sizeZ : sizeT;
            pos[i] = d == 'C' ? c : d == 'Z' ? z : t;
        }
        return pos[0] + size[0] * (pos[1] + size[1] * pos[2]);
    }

    static boolean validOrder(String order) {
        if (order == null || order.length() != 5 || !order.startsWith("XY")) {
            return false;
        }
        String rest = order.substring(2);
        return rest.indexOf('C') >= 0 && rest.indexOf('Z') >= 0 && rest.indexOf('T') >= 0;
    }
}
