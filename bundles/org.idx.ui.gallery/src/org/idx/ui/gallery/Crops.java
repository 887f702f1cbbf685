// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageRoot;
import org.idx.images.ImageSource;
import org.idx.images.MultiscaleSource;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.PlaneRegion;
import org.idx.images.display.ChannelStyle;
import org.idx.images.display.ContrastRange;
import org.idx.images.display.PlaneRenderer;

/**
 * Cuts square crops around object anchors out of a dataset's images and maps them to display colours:
 * all channels merged (one grey, several in green, magenta, cyan, red...), each channel's contrast from
 * the percentiles of its whole plane (computed once per plane and shared by the crops of that image; of
 * the coarsest level for a multiscale image), and black where the square reaches past the image border.
 * A crop is a region read ({@link ImageRoot#region}): for a chunked image (OME-Zarr) only the chunks
 * under the square are fetched. UI-free and thread-safe: the gallery calls
 * it from several threads at once.
 */
public final class Crops {

	private static final int[] COLOURS = { ChannelStyle.GREEN, ChannelStyle.MAGENTA, ChannelStyle.CYAN, ChannelStyle.RED,
			ChannelStyle.BLUE };

	private final ImageRoot root;
	private final Map<String, ContrastRange> contrast = new ConcurrentHashMap<>();

	/** @param root the dataset's images */
	public Crops(ImageRoot root) {
		this.root = root;
	}

	/**
	 * @param key  the image key
	 * @param x    the anchor's x (pixels)
	 * @param y    the anchor's y (pixels)
	 * @param z    the focal plane (clamped to the image)
	 * @param t    the time point (clamped to the image)
	 * @param size the crop's side in pixels
	 * @return the crop's ARGB pixels, {@code size * size}
	 * @throws ImageAccessException     if the image cannot be read (the message names the key)
	 * @throws IllegalArgumentException if the anchor lies outside the image (the message says where)
	 */
	public int[] crop(String key, double x, double y, int z, int t, int size) throws ImageAccessException {
		ImageSource source = root.open(key);
		ImageMetadata md = source.metadata();
		if (!(x >= 0 && y >= 0 && x < md.width() && y < md.height())) {
			throw new IllegalArgumentException("anchor (" + x + ", " + y + ") outside the " + md.width() + "x"
					+ md.height() + " image");
		}
		int zi = Math.clamp(z, 0, md.sizeZ() - 1);
		int ti = Math.clamp(t, 0, md.sizeT() - 1);
		PlaneRegion region = PlaneRegion.square(size, (int) Math.floor(x), (int) Math.floor(y));
		List<Plane> cut = new ArrayList<>(md.sizeC());
		List<ChannelStyle> styles = new ArrayList<>(md.sizeC());
		for (int c = 0; c < md.sizeC(); c++) {
			PlaneIndex index = new PlaneIndex(c, zi, ti);
			ContrastRange range = contrast.get(key + "#" + c + "/" + zi + "/" + ti);
			if (range == null) {
				range = ContrastRange.auto(root.plane(contrastSource(source), index));
				contrast.put(key + "#" + c + "/" + zi + "/" + ti, range);
			}
			cut.add(root.region(source, index, region));
			styles.add(new ChannelStyle(md.sizeC() == 1 ? ChannelStyle.GREY : COLOURS[c % COLOURS.length], range));
		}
		return PlaneRenderer.render(cut, styles, null);
	}

	/**
	 * @param source an image
	 * @return the image whose planes give the contrast: the coarsest level of a multiscale image (the
	 *         same percentiles for a fraction of the bytes), else the image itself
	 */
	private static ImageSource contrastSource(ImageSource source) {
		if (source instanceof MultiscaleSource multiscale && multiscale.levelCount() > 1) {
			return multiscale.level(multiscale.levelCount() - 1);
		}
		return source;
	}
}
