// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.util.List;

import org.idx.images.ImageAccessException;

/**
 * The pages of one resolution level, one per full-resolution page and in the same order. Level 0
 * holds the full-resolution pages; a reduced level either holds pages found in the main directory
 * chain, or, for an OME-TIFF pyramid, reads the reduced page of a full-resolution page from that
 * page's SubIFDs when it is first needed (only the first page's is read when the file is opened).
 */
final class TiffLevel {

    private final TiffInput in;
    private final int level;
    private final List<TiffPage> fullResolution;
    private final TiffPage[] pages;

    private TiffLevel(TiffInput in, int level, List<TiffPage> fullResolution, TiffPage[] pages) {
        this.in = in;
        this.level = level;
        this.fullResolution = fullResolution;
        this.pages = pages;
    }

    /** A level whose pages are all known. */
    static TiffLevel of(TiffInput in, int level, List<TiffPage> pages) {
        return new TiffLevel(in, level, null, pages.toArray(TiffPage[]::new));
    }

    /**
     * A level held in SubIFDs: the reduced page of full-resolution page {@code p} is the directory at
     * {@code p}'s SubIFD offset {@code level - 1}.
     *
     * @param first the first page's reduced page, already read and checked
     */
    static TiffLevel inSubIfds(TiffInput in, int level, List<TiffPage> fullResolution, TiffPage first) {
        TiffPage[] pages = new TiffPage[fullResolution.size()];
        pages[0] = first;
        return new TiffLevel(in, level, fullResolution, pages);
    }

    int level() {
        return level;
    }

    int size() {
        return pages.length;
    }

    TiffPage first() {
        return pages[0];
    }

    /**
     * @param page a page index
     * @return that page of this level, its directory read if not yet
     * @throws TiffFormatException if its directory is missing, unreadable or unlike the level's first page
     */
    TiffPage page(int page) throws ImageAccessException, TiffFormatException {
        synchronized (pages) {
            if (pages[page] == null) {
                pages[page] = readSubIfd(page);
            }
            return pages[page];
        }
    }

    private TiffPage readSubIfd(int page) throws ImageAccessException, TiffFormatException {
        long[] offsets = fullResolution.get(page).ifd.longs(TiffTags.SUB_IFDS);
        if (offsets.length < level) {
            throw new TiffFormatException("page " + (page + 1) + " lists " + offsets.length + " reduced resolutions (SubIFDs), "
                    + "level " + level + " needs " + level);
        }
        String where = "the reduced-resolution directory of level " + level + " of page " + (page + 1) + " (SubIFD "
                + level + ", at byte " + offsets[level - 1] + ")";
        TiffPage read;
        try {
            read = new TiffPage(Ifd.read(in, offsets[level - 1]));
        } catch (TiffFormatException e) {
            throw new TiffFormatException(where + " is unreadable: " + e.getMessage());
        }
        if (!read.sameLayout(pages[0])) {
            throw new TiffFormatException(where + " is " + read.describe() + ", unlike that of page 1 (" + pages[0].describe() + ")");
        }
        return read;
    }
}
