// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageReader;
import org.idx.images.ImageSource;
import org.idx.images.ImageStore;
import org.idx.images.PixelSize;
import org.idx.images.ReadLimits;

/**
 * Reads baseline TIFF and BigTIFF: little- and big-endian, strips or tiles, uncompressed, LZW,
 * Deflate and PackBits (with horizontal differencing), 8- and 16-bit unsigned and 32-bit float
 * samples, grey or RGB, chunky or planar. Each full-resolution page is a plane (RGB pages: three);
 * an ImageJ hyperstack or OME-XML description maps pages to channels, focal planes and time points,
 * otherwise pages are focal planes. Only a requested page's strips or tiles are read.
 * <p>
 * A pyramidal TIFF (reduced resolutions in SubIFDs, as OME-TIFF writes them, or in the main chain
 * after the full-resolution pages, see {@link TiffPyramid}) opens as a
 * {@link org.idx.images.MultiscaleSource}; any other TIFF as a plain {@link ImageSource}.
 */
public final class TiffReader implements ImageReader {

    /** The most pages a file may chain; more is taken as a corrupt (or hostile) file. */
    static final int MAX_PAGES = 1_000_000;

    /** Creates the reader (extension point factory). */
    public TiffReader() {
    }

    /**
     * Checks a page's declared size on opening: a page that can be read by region (tiles, or strips of one
     * sample) only has to be addressable, since a viewer shows a large one region by region (its whole plane is
     * checked against the limits when it is read); any other page must fit the limits as a whole.
     */
    private static void checkSize(ReadLimits limits, String key, TiffPage page) throws ImageAccessException {
        if (page.readsRegionsDirectly()) {
            limits.checkDimensions(key, page.width, page.height);
        } else {
            limits.checkPlane(key, page.width, page.height, page.samplesPerSegmentPixel() * page.bytesPerSample());
        }
    }

    @Override
    public ImageSource open(ImageStore store, String key, ReadLimits limits) throws ImageAccessException {
        TiffInput in = new TiffInput(store, key);
        try {
            Chain chain = chain(in);
            List<TiffPage> pages = chain.full();
            TiffPage page0 = pages.get(0);
            checkSize(limits, key, page0);
            String description = page0.ifd.text(TiffTags.IMAGE_DESCRIPTION);
            Dimensions dims = dimensions(description, pages.size(), page0.samplesPerPixel);
            int spp = page0.samplesPerPixel;
            List<String> names = dims.channelNames().size() == dims.sizeC() * spp ? dims.channelNames() : List.of();
            ImageMetadata metadata = new ImageMetadata(page0.width, page0.height, dims.sizeC() * spp, dims.sizeZ(),
                    dims.sizeT(), page0.pixelType, pixelSize(page0, dims), names);
            TiffPyramid pyramid = TiffPyramid.find(in, pages, chain.reducedAfter());
            TiffImageSource level0 = new TiffImageSource(in, TiffLevel.of(in, 0, pages), dims, metadata, limits, pyramid.problem());
            if (pyramid.levels().isEmpty()) {
                return level0;
            }
            List<TiffImageSource> levels = new ArrayList<>();
            levels.add(level0);
            for (TiffLevel level : pyramid.levels()) {
                TiffPage first = level.first();
                checkSize(limits, key, first);
                double scaleX = (double) page0.width / first.width;
                double scaleY = (double) page0.height / first.height;
                ImageMetadata md = new ImageMetadata(first.width, first.height, metadata.sizeC(), metadata.sizeZ(), metadata.sizeT(),
                        metadata.pixelType(), metadata.pixelSize().map(s -> new PixelSize(s.x() * scaleX, s.y() * scaleY, s.unit())),
                        metadata.channelNames());
                levels.add(new TiffImageSource(in, level, dims, md, limits, null));
            }
            return new TiffMultiscaleSource(levels, pyramid.problem());
        } catch (TiffFormatException e) {
            throw new ImageAccessException("Image '" + key + "' is not a readable TIFF: " + e.getMessage() + ".");
        } catch (RuntimeException e) {
            throw new ImageAccessException("Image '" + key + "' is a corrupt TIFF (" + e + ").", e);
        }
    }

    /**
     * The main directory chain.
     *
     * @param full        the full-resolution pages
     * @param reducedAfter per full-resolution page, the reduced-resolution directories following it
     */
    private record Chain(List<TiffPage> full, List<List<Ifd>> reducedAfter) {
    }

    private static Chain chain(TiffInput in) throws ImageAccessException, TiffFormatException {
        long offset = in.readHeader();
        List<TiffPage> pages = new ArrayList<>();
        List<List<Ifd>> reduced = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (offset != 0) {
            if (!seen.add(offset)) {
                throw new TiffFormatException("its directory chain loops back to byte " + offset);
            }
            if (seen.size() > MAX_PAGES) {
                throw new TiffFormatException("it chains more than " + MAX_PAGES + " directories");
            }
            Ifd ifd = Ifd.read(in, offset);
            boolean reducedResolution = (ifd.first(TiffTags.NEW_SUBFILE_TYPE, 0) & 1) != 0;
            if (reducedResolution && !(pages.isEmpty() && ifd.next() == 0)) {
                if (!pages.isEmpty()) {
                    reduced.get(pages.size() - 1).add(ifd); // checked, if a level, by TiffPyramid
                }
                offset = ifd.next();
                continue;
            }
            TiffPage page;
            try {
                page = new TiffPage(ifd);
            } catch (TiffFormatException e) {
                throw new TiffFormatException("page " + (pages.size() + 1) + ": " + e.getMessage());
            }
            pages.add(page);
            reduced.add(new ArrayList<>());
            offset = ifd.next();
        }
        if (pages.isEmpty()) {
            throw new TiffFormatException("it has no full-resolution page");
        }
        TiffPage p0 = pages.get(0);
        for (int i = 1; i < pages.size(); i++) {
            TiffPage page = pages.get(i);
            if (!page.sameLayout(p0)) {
                if (shrinking(pages) && reduced.stream().allMatch(List::isEmpty)) {
                    return unflaggedPyramid(pages);
                }
                throw new TiffFormatException("page " + (i + 1) + " is " + page.width + "x" + page.height + " "
                        + page.pixelType + " with " + page.samplesPerPixel + " samples, unlike page 1 ("
                        + p0.width + "x" + p0.height + " " + p0.pixelType + " with " + p0.samplesPerPixel + ")");
            }
        }
        return new Chain(pages, reduced);
    }

    /** @return whether every page is smaller than the one before, with the same samples and type */
    private static boolean shrinking(List<TiffPage> pages) {
        for (int i = 1; i < pages.size(); i++) {
            TiffPage a = pages.get(i - 1);
            TiffPage b = pages.get(i);
            if (b.samplesPerPixel != a.samplesPerPixel || b.pixelType != a.pixelType || b.width > a.width || b.height > a.height
                    || (long) b.width * b.height >= (long) a.width * a.height) {
                return false;
            }
        }
        return true;
    }

    /**
     * A pyramid whose reduced pages are not flagged as such (ImageMagick's PTIF): one image, each page
     * after the first a level.
     */
    private static Chain unflaggedPyramid(List<TiffPage> pages) {
        List<Ifd> levels = new ArrayList<>();
        for (TiffPage page : pages.subList(1, pages.size())) {
            levels.add(page.ifd);
        }
        return new Chain(List.of(pages.get(0)), List.of(levels));
    }

    private static Dimensions dimensions(String description, int pages, int spp) {
        Dimensions dims = null;
        if (OmeDescription.is(description)) {
            dims = OmeDescription.parse(description, pages, spp);
        } else if (ImageJDescription.is(description)) {
            dims = ImageJDescription.parse(description, pages);
        }
        return dims != null ? dims : Dimensions.stack(pages);
    }

    private static Optional<PixelSize> pixelSize(TiffPage page, Dimensions dims) throws ImageAccessException, TiffFormatException {
        if (dims.pixelSizeX() > 0) {
            return Optional.of(new PixelSize(dims.pixelSizeX(), dims.pixelSizeY(), PixelSize.MICROMETRE));
        }
        double xres = page.ifd.rational(TiffTags.X_RESOLUTION);
        double yres = page.ifd.rational(TiffTags.Y_RESOLUTION);
        if (!(xres > 0)) {
            return Optional.empty();
        }
        if (!(yres > 0)) {
            yres = xres;
        }
        long unit = page.ifd.first(TiffTags.RESOLUTION_UNIT, 2);
        double umPerUnit;
        if (unit == 3) {
            umPerUnit = 1e4;
        } else if (unit == 1 && dims.unitMicron()) {
            umPerUnit = 1;
        } else if (unit == 2 && xres != 72 && xres != 96) {
            umPerUnit = 25400; // 72 and 96 dpi are writers' defaults, not a statement
        } else {
            return Optional.empty();
        }
        return Optional.of(new PixelSize(umPerUnit / xres, umPerUnit / yres, PixelSize.MICROMETRE));
    }
}
