// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.util.ArrayList;
import java.util.List;

import org.idx.images.ImageAccessException;

/**
 * The reduced-resolution levels of a TIFF, in either layout used in practice: the SubIFDs (tag 330) of
 * each full-resolution page, as OME-TIFF (Bio-Formats 6 and later) writes them; or reduced-resolution
 * directories (NewSubfileType bit 0) in the main chain after the full-resolution ones, as libvips,
 * QuPath or tifffile write plain pyramids, either after each page or all pages' level 1, then level 2...
 * after the last page (a chain of ever smaller pages with no reduced flag, as ImageMagick writes a
 * pyramid, is taken as one page and its levels by {@link TiffReader}). Every level must be smaller than the one before and have the same samples and
 * sample type; the first level that is not, or whose directory cannot be read, ends the pyramid and
 * is described in {@link #problem()}; the levels before it, and level 0, are read as usual.
 *
 * @param levels  levels 1 and up, coarser and coarser (empty when the file has none)
 * @param problem why levels were ignored, a sentence naming the file and the directory, or null
 */
record TiffPyramid(List<TiffLevel> levels, String problem) {

    /** The most levels read; a pyramid of 2^31 pixels a side has 31. */
    static final int MAX_LEVELS = 32;

    /**
     * Finds the levels. Of the SubIFD layout, only the first page's directories are read here (the
     * others when their planes are); the chained directories were all read while walking the chain.
     *
     * @param in      the file
     * @param full    the full-resolution pages
     * @param chained per full-resolution page, the reduced-resolution directories that follow it in the chain
     * @return the levels
     */
    static TiffPyramid find(TiffInput in, List<TiffPage> full, List<List<Ifd>> chained) throws ImageAccessException {
        return full.get(0).ifd.has(TiffTags.SUB_IFDS) ? inSubIfds(in, full) : chained(in, full, chained);
    }

    private static TiffPyramid inSubIfds(TiffInput in, List<TiffPage> full) throws ImageAccessException {
        List<TiffLevel> levels = new ArrayList<>();
        long[] offsets;
        try {
            offsets = full.get(0).ifd.longs(TiffTags.SUB_IFDS);
        } catch (TiffFormatException e) {
            return new TiffPyramid(levels, "Image '" + in.key() + "': the SubIFDs (reduced resolutions) of page 1 are ignored: "
                    + e.getMessage() + ".");
        }
        TiffPage previous = full.get(0);
        for (int k = 1; k <= offsets.length && k <= MAX_LEVELS; k++) {
            String where = "the reduced-resolution directory of level " + k + " (SubIFD " + k + " of page 1, at byte "
                    + offsets[k - 1] + ")";
            try {
                TiffPage page = new TiffPage(Ifd.read(in, offsets[k - 1]));
                checkSmaller(page, previous, k);
                levels.add(TiffLevel.inSubIfds(in, k, full, page));
                previous = page;
            } catch (TiffFormatException | RuntimeException e) {
                return new TiffPyramid(levels, ignored(in, where, k, e));
            }
        }
        return new TiffPyramid(levels, null);
    }

    private static TiffPyramid chained(TiffInput in, List<TiffPage> full, List<List<Ifd>> chained) throws ImageAccessException {
        int n = full.size();
        List<List<Ifd>> perPage = chained;
        List<Ifd> last = chained.get(n - 1);
        boolean levelMajor = n > 1 && !last.isEmpty() && last.size() % n == 0
                && chained.subList(0, n - 1).stream().allMatch(List::isEmpty);
        if (levelMajor) { // page 1 level 1, page 2 level 1, ..., page 1 level 2, ...
            perPage = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                List<Ifd> mine = new ArrayList<>();
                for (int i = p; i < last.size(); i += n) {
                    mine.add(last.get(i));
                }
                perPage.add(mine);
            }
        }
        int count = perPage.stream().mapToInt(List::size).min().orElse(0);
        List<TiffLevel> levels = new ArrayList<>();
        TiffPage previous = full.get(0);
        for (int k = 1; k <= count && k <= MAX_LEVELS; k++) {
            List<TiffPage> pages = new ArrayList<>(n);
            for (int p = 0; p < n; p++) {
                Ifd ifd = perPage.get(p).get(k - 1);
                String where = "the reduced-resolution directory at byte " + ifd.offset() + " (level " + k + " of page " + (p + 1) + ")";
                try {
                    TiffPage page = new TiffPage(ifd);
                    if (p == 0) {
                        checkSmaller(page, previous, k);
                    } else if (!page.sameLayout(pages.get(0))) {
                        throw new TiffFormatException("it is " + page.describe() + ", unlike level " + k + " of page 1 ("
                                + pages.get(0).describe() + ")");
                    }
                    pages.add(page);
                } catch (TiffFormatException | RuntimeException e) {
                    return new TiffPyramid(levels, ignored(in, where, k, e));
                }
            }
            levels.add(TiffLevel.of(in, k, pages));
            previous = pages.get(0);
        }
        return new TiffPyramid(levels, null);
    }

    private static void checkSmaller(TiffPage page, TiffPage previous, int k) throws TiffFormatException {
        if (page.samplesPerPixel != previous.samplesPerPixel || page.pixelType != previous.pixelType) {
            throw new TiffFormatException("it is " + page.describe() + ", unlike level " + (k - 1) + " (" + previous.describe() + ")");
        }
        if (page.width > previous.width || page.height > previous.height
                || (long) page.width * page.height >= (long) previous.width * previous.height) {
            throw new TiffFormatException("it is " + page.width + "x" + page.height + " pixels, not smaller than level " + (k - 1)
                    + " (" + previous.width + "x" + previous.height + ")");
        }
    }

    private static String ignored(TiffInput in, String where, int k, Exception e) {
        String why = e instanceof TiffFormatException ? e.getMessage() : "it is corrupt (" + e + ")";
        return "Image '" + in.key() + "': " + where + " is ignored, with any coarser level, because " + why + "; "
                + (k == 1 ? "only level 0 (full resolution) is read." : "levels 0 to " + (k - 1) + " are read.");
    }
}
