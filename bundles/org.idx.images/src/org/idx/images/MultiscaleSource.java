// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * An image stored at several resolutions (a pyramid: OME-Zarr multiscales, pyramidal OME-TIFF).
 * Optional: a viewer checks {@code source instanceof MultiscaleSource} and, when zoomed out, reads
 * the planes of a coarser level instead of level 0. The source itself is level 0; every level has
 * the same channels, focal planes and time points, and its planes are addressed by the same
 * {@link PlaneIndex}.
 */
public interface MultiscaleSource extends ImageSource {

    /** @return the number of levels, at least 1; level 0 is the full resolution, each next one coarser */
    int levelCount();

    /**
     * @param level a level, {@code 0 <= level < levelCount()}
     * @return that level as an image of its own (level 0 is this source); its key names the level
     */
    ImageSource level(int level);

    /**
     * Picks the level to show at a zoom: the coarsest one that still has at least one stored pixel per
     * screen pixel, so nothing is lost to the coarser level and no more bytes are fetched than shown.
     *
     * @param zoom screen pixels per full-resolution pixel (1 = 100 %, 0.25 = zoomed out to a quarter)
     * @return the level to read
     */
    default int levelFor(double zoom) {
        int best = 0;
        int full = metadata().width();
        for (int i = 1; i < levelCount(); i++) {
            double scale = (double) level(i).metadata().width() / full;
            if (scale >= zoom) {
                best = i;
            }
        }
        return best;
    }
}
