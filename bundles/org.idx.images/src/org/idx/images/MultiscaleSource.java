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
        return levelFor(levelWidths(), zoom);
    }

    /** @return the plane width of every level, level 0 first */
    default int[] levelWidths() {
        int[] widths = new int[levelCount()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = level(i).metadata().width();
        }
        return widths;
    }

    /**
     * {@link #levelFor(double)} on level widths alone, for a viewer that keeps the widths of the image
     * it shows rather than the source.
     *
     * @param widths the plane width of every level, level 0 (full resolution) first
     * @param zoom   screen pixels per full-resolution pixel
     * @return the coarsest level with at least one stored pixel per screen pixel (0 when none is coarse enough)
     */
    static int levelFor(int[] widths, double zoom) {
        int best = 0;
        for (int i = 1; i < widths.length; i++) {
            double scale = (double) widths[i] / widths[0];
            if (scale >= zoom) {
                best = i;
            }
        }
        return best;
    }
}
