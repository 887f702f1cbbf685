// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.idx.images.BytePlane;
import org.idx.images.FloatPlane;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageRoot;
import org.idx.images.ImageSource;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.ShortPlane;
import org.idx.images.display.ChannelStyle;
import org.idx.images.display.ContrastRange;
import org.idx.images.display.PlaneRenderer;

/**
 * Cuts square crops around object anchors out of a dataset's images and maps them to display colours:
 * all channels merged (one grey, several in green, magenta, cyan, red...), each channel's contrast from
 * the percentiles of its whole plane (computed once per plane and shared by the crops of that image),
 * and black where the square reaches past the image border. UI-free and thread-safe: the gallery calls
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
		int left = (int) Math.floor(x) - size / 2;
		int top = (int) Math.floor(y) - size / 2;
		List<Plane> cut = new ArrayList<>(md.sizeC());
		List<ChannelStyle> styles = new ArrayList<>(md.sizeC());
		for (int c = 0; c < md.sizeC(); c++) {
			PlaneIndex index = new PlaneIndex(c, zi, ti);
			Plane plane = root.plane(source, index);
			ContrastRange range = contrast.computeIfAbsent(key + "#" + c + "/" + zi + "/" + ti,
					k -> ContrastRange.auto(plane));
			cut.add(cut(plane, left, top, size));
			styles.add(new ChannelStyle(md.sizeC() == 1 ? ChannelStyle.GREY : COLOURS[c % COLOURS.length], range));
		}
		return PlaneRenderer.render(cut, styles, null);
	}

	/**
	 * @param plane a plane
	 * @param left  the crop's left column (may be negative)
	 * @param top   the crop's top row (may be negative)
	 * @param size  the crop's side
	 * @return the square, zero outside the plane
	 */
	static Plane cut(Plane plane, int left, int top, int size) {
		int w = plane.width();
		int h = plane.height();
		int x0 = Math.max(0, left);
		int x1 = Math.min(w, left + size);
		return switch (plane) {
			case ShortPlane p -> {
				short[] out = new short[size * size];
				for (int row = 0; row < size; row++) {
					int y = top + row;
					if (y >= 0 && y < h && x1 > x0) {
						System.arraycopy(p.data(), y * w + x0, out, row * size + (x0 - left), x1 - x0);
					}
				}
				yield new ShortPlane(size, size, out);
			}
			case BytePlane p -> {
				byte[] out = new byte[size * size];
				for (int row = 0; row < size; row++) {
					int y = top + row;
					if (y >= 0 && y < h && x1 > x0) {
						System.arraycopy(p.data(), y * w + x0, out, row * size + (x0 - left), x1 - x0);
					}
				}
				yield new BytePlane(size, size, out);
			}
			case FloatPlane p -> {
				float[] out = new float[size * size];
				for (int row = 0; row < size; row++) {
					int y = top + row;
					if (y >= 0 && y < h && x1 > x0) {
						System.arraycopy(p.data(), y * w + x0, out, row * size + (x0 - left), x1 - x0);
					}
				}
				yield new FloatPlane(size, size, out);
			}
		};
	}
}
