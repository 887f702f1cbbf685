// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.idx.images.FloatPlane;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageRoot;
import org.idx.images.ImageSource;
import org.idx.images.LabeledSource;
import org.idx.images.MultiscaleSource;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.PlaneRegion;
import org.idx.images.display.ChannelStyle;
import org.idx.images.display.ContrastRange;
import org.idx.images.display.PlaneRenderer;
import org.idx.images.display.TileCache;
import org.idx.images.display.TileGrid;
import org.idx.images.display.TileReader;

/**
 * Turns a request (an image key, a z/t position, channel colours and contrast, a zoom) into display
 * pixels: opens the image through the dataset's {@link ImageRoot} (planes come through its cache),
 * reads the level of a {@link MultiscaleSource} that the zoom needs (the coarsest with a stored pixel
 * per screen pixel), computes auto contrast where asked, merges the channels and draws mask outlines
 * over them. The image may be replaced by, or outlined with, a label image it carries
 * ({@link LabeledSource}). UI-free and stateless: the viewer calls it from a background job.
 * <p>
 * A level too large to read whole for the view ({@link TileGrid#wantsTiles}) is composed by
 * {@link #composeTiles}: only the window in view, from tiles kept in a {@link TileCache}, drawn by the
 * viewer over the whole plane of a coarser level.
 */
public final class ImageComposer {

	/** Default channel colours, in order; a single channel is grey. */
	static final int[] DEFAULT_COLOURS = { ChannelStyle.GREEN, ChannelStyle.MAGENTA, ChannelStyle.CYAN, ChannelStyle.RED,
			ChannelStyle.BLUE, 0xFFFF00 };

	/**
	 * What to show.
	 *
	 * @param root     the dataset's images
	 * @param key      the image key
	 * @param z        the focal plane wanted (clamped to the image)
	 * @param t        the time point wanted (clamped to the image)
	 * @param channel  the one channel to show, or -1 for all channels merged
	 * @param colours  colour per channel ({@code 0xRRGGBB}); missing entries take the defaults
	 * @param ranges   contrast per channel; a missing or null entry means auto contrast from this plane
	 * @param labels   whether the image is a label image, shown with one random colour per label
	 * @param maskKey  the key of a label image whose outlines are drawn over the image, or null
	 * @param ownLabels what to do with a label image the image carries ({@link LabeledSource})
	 * @param labelName which of the image's label images: this name when the image has it, else (or when
	 *                 null) the first
	 * @param zoom     screen pixels per full-resolution pixel, or 0 to fit the image into the view
	 * @param viewWidth  the view's width in screen pixels (for {@code zoom == 0})
	 * @param viewHeight the view's height in screen pixels (for {@code zoom == 0})
	 * @param reuse    a pixel buffer no longer shown, filled instead of a new one when it fits, or null
	 * @param level    the resolution level to read whole, or -1 for the one the zoom needs
	 */
	public record Request(ImageRoot root, String key, int z, int t, int channel, int[] colours, ContrastRange[] ranges,
			boolean labels, String maskKey, OwnLabels ownLabels, String labelName, double zoom, int viewWidth, int viewHeight,
			int[] reuse, int level) {

		/** A request for the level the zoom needs and the first label image (see the canonical constructor). */
		public Request(ImageRoot root, String key, int z, int t, int channel, int[] colours, ContrastRange[] ranges,
				boolean labels, String maskKey, OwnLabels ownLabels, double zoom, int viewWidth, int viewHeight, int[] reuse) {
			this(root, key, z, t, channel, colours, ranges, labels, maskKey, ownLabels, null, zoom, viewWidth, viewHeight, reuse, -1);
		}

		/** Validates. */
		public Request {
			Objects.requireNonNull(root);
			Objects.requireNonNull(key);
			Objects.requireNonNull(ownLabels);
			colours = colours == null ? new int[0] : colours.clone();
			ranges = ranges == null ? new ContrastRange[0] : ranges.clone();
		}
	}

	/** What a request does with the label image an image carries ({@link LabeledSource}). */
	public enum OwnLabels {
		/** Nothing. */
		IGNORE,
		/** Show it instead of the image (the mask viewer of a dataset without a mask column). */
		SHOW,
		/** Draw its outlines over the image when the request names no mask key. */
		OUTLINE
	}

	/**
	 * What is shown.
	 *
	 * @param key            the image key requested (a row's value)
	 * @param sourceKey      the key of the image read: the requested one, or its label image
	 * @param metadata       the image's full-resolution dimensions: positions (anchors, the pointer)
	 *                       are full-resolution pixels whatever the level shown
	 * @param z              the focal plane shown
	 * @param t              the time point shown
	 * @param channels       the channels shown
	 * @param level          the resolution level shown (0 = full resolution)
	 * @param levelWidths    the plane width of every level of the image, level 0 first (one entry when
	 *                       the image has a single resolution)
	 * @param levelHeights   the plane height of every level, level 0 first
	 * @param window         the part of the level's plane the planes cover when they are the window in view
	 *                       ({@link #composeTiles}); null when they cover all of it (a whole plane may be
	 *                       larger than a {@link PlaneRegion} may be)
	 * @param planes         their samples in the window, one plane per shown channel
	 * @param ranges         the contrast of every channel of the image (auto ones computed), null for
	 *                       channels not shown yet
	 * @param argb           the display pixels, the size of the planes
	 * @param overlayProblem why the mask outlines could not be drawn, or null
	 * @param tilesRead      the tiles read from the store for this window (0 for a whole plane)
	 */
	public record Composed(String key, String sourceKey, ImageMetadata metadata, int z, int t, int level, int[] levelWidths,
			int[] levelHeights, PlaneRegion window, int[] channels, Plane[] planes, ContrastRange[] ranges, int[] argb,
			String overlayProblem, int tilesRead) {

		/** @return whether the planes cover only a window of the level's plane */
		public boolean tiled() {
			return window != null;
		}

		/**
		 * @param x full-resolution column
		 * @param y full-resolution row
		 * @return whether that pixel lies in the window
		 */
		public boolean covers(double x, double y) {
			if (window == null) {
				return x >= 0 && y >= 0 && x < metadata.width() && y < metadata.height();
			}
			double lx = x * levelWidths[level] / metadata.width();
			double ly = y * levelHeights[level] / metadata.height();
			return lx >= window.x() && ly >= window.y() && lx < window.x() + window.width() && ly < window.y() + window.height();
		}

		/** @return the width of the planes (and of {@link #argb()}) */
		public int planeWidth() {
			return planes[0].width();
		}

		/** @return the height of the planes (and of {@link #argb()}) */
		public int planeHeight() {
			return planes[0].height();
		}

		/**
		 * @param i index into {@link #planes()}
		 * @param x full-resolution column
		 * @param y full-resolution row
		 * @return the sample of the i-th shown channel at that position (in the level shown)
		 */
		public double value(int i, int x, int y) {
			Plane p = planes[i];
			int left = window == null ? 0 : window.x();
			int top = window == null ? 0 : window.y();
			int px = (int) Math.min(p.width() - 1, (long) x * levelWidths[level] / metadata.width() - left);
			int py = (int) Math.min(p.height() - 1, (long) y * levelHeights[level] / metadata.height() - top);
			return p.value(Math.max(0, px), Math.max(0, py));
		}
	}

	private ImageComposer() {
	}

	/**
	 * @param channels the number of channels
	 * @param channel  a channel
	 * @return its default colour
	 */
	public static int defaultColour(int channels, int channel) {
		return channels == 1 ? ChannelStyle.GREY : DEFAULT_COLOURS[channel % DEFAULT_COLOURS.length];
	}

	/**
	 * Composes the display pixels. Call it off the UI thread: it may read and decode planes.
	 *
	 * @param request what to show
	 * @return what is shown
	 * @throws ImageAccessException if the image cannot be opened or read (the message names the key)
	 */
	public static Composed compose(Request request) throws ImageAccessException {
		ImageRoot root = request.root();
		ImageSource image = root.open(request.key());
		ImageSource source = image;
		String sourceKey = request.key();
		if (request.ownLabels() == OwnLabels.SHOW) {
			sourceKey = labelImageKey(image, request.labelName());
			source = root.open(sourceKey);
		}
		ImageMetadata md = source.metadata();
		int[] levelWidths = source instanceof MultiscaleSource m ? m.levelWidths() : new int[] { md.width() };
		int[] levelHeights = new int[levelWidths.length];
		for (int i = 0; i < levelHeights.length; i++) {
			levelHeights[i] = i == 0 ? md.height() : ((MultiscaleSource) source).level(i).metadata().height();
		}
		double zoom = request.zoom() > 0 ? request.zoom()
				: Math.min((double) Math.max(1, request.viewWidth()) / md.width(),
						(double) Math.max(1, request.viewHeight()) / md.height());
		int level = request.level() >= 0 ? Math.min(request.level(), levelWidths.length - 1)
				: MultiscaleSource.levelFor(levelWidths, zoom);
		ImageSource read = level == 0 ? source : ((MultiscaleSource) source).level(level);
		int z = Math.clamp(request.z(), 0, md.sizeZ() - 1);
		int t = Math.clamp(request.t(), 0, md.sizeT() - 1);
		int[] channels = channels(request, md);
		Plane[] planes = new Plane[channels.length];
		for (int i = 0; i < channels.length; i++) {
			planes[i] = root.plane(read, new PlaneIndex(channels[i], z, t));
		}
		ContrastRange[] ranges = new ContrastRange[md.sizeC()];
		for (int c = 0; c < ranges.length && c < request.ranges().length; c++) {
			ranges[c] = request.ranges()[c];
		}
		int[] argb = render(request, md, channels, planes, ranges);
		String overlayProblem = null;
		if (request.maskKey() != null || request.ownLabels() == OwnLabels.OUTLINE) {
			overlayProblem = overlay(root, request.maskKey(), image, request.labelName(), z, t, md, planes[0], argb);
		}
		return new Composed(request.key(), sourceKey, md, z, t, level, levelWidths, levelHeights,
				null, channels, planes, ranges, argb, overlayProblem, 0);
	}

	/**
	 * Composes the window in view of a level too large to read whole: the tiles the view meets (plus a
	 * margin) are taken from the cache or read, then coloured and outlined as {@link #compose} does, with
	 * the contrast of the whole plane shown under them (auto contrast does not change as the view pans).
	 * Call it off the UI thread.
	 *
	 * @param request   what to show (as for the composition under it); its zoom chooses the level
	 * @param under     the whole-plane composition of the same image shown under the tiles
	 * @param tiles     the tiles kept
	 * @param view      the view's full-resolution rectangle: left, top, right, bottom
	 * @param cancelled polled while reading; true stops the reads
	 * @return the window, or null when the view does not meet the image
	 * @throws ImageAccessException if a tile cannot be read, or the read was cancelled
	 */
	public static Composed composeTiles(Request request, Composed under, TileCache tiles, double[] view, BooleanSupplier cancelled)
			throws ImageAccessException {
		ImageRoot root = request.root();
		ImageSource source = root.open(under.sourceKey());
		ImageMetadata md = under.metadata();
		int level = MultiscaleSource.levelFor(under.levelWidths(), request.zoom());
		ImageSource read = level == 0 ? source : ((MultiscaleSource) source).level(level);
		TileGrid grid = new TileGrid(under.levelWidths()[level], under.levelHeights()[level], TileGrid.DEFAULT_TILE_SIZE);
		PlaneRegion window = grid.window(view[0], view[1], view[2], view[3], md.width(), md.height(), TILE_MARGIN);
		if (window == null) {
			return null;
		}
		String store = storeIdentity(root);
		int[] channels = under.channels();
		Plane[] planes = new Plane[channels.length];
		int readCount = 0;
		for (int i = 0; i < channels.length; i++) {
			PlaneIndex index = new PlaneIndex(channels[i], under.z(), under.t());
			TileReader.Window w = TileReader.read(tiles, grid, window,
					tile -> new TileCache.Key(store, read.key(), level, index, grid.tileSize(), tile.column(), tile.row()),
					region -> root.region(read, index, region), cancelled);
			planes[i] = w.plane();
			readCount += w.read();
		}
		ContrastRange[] ranges = under.ranges().clone();
		for (int c = 0; c < ranges.length && c < request.ranges().length; c++) {
			if (request.ranges()[c] != null) {
				ranges[c] = request.ranges()[c];
			}
		}
		for (int i = 0; i < channels.length; i++) {
			if (ranges[channels[i]] == null) {
				ranges[channels[i]] = ContrastRange.auto(under.planes()[i]);
			}
		}
		Request fixed = new Request(root, request.key(), under.z(), under.t(), request.channel(), request.colours(), ranges,
				request.labels(), request.maskKey(), request.ownLabels(), request.labelName(), request.zoom(), request.viewWidth(),
				request.viewHeight(), null, level);
		int[] argb = render(fixed, md, channels, planes, ranges);
		String overlayProblem = null;
		if (request.maskKey() != null || request.ownLabels() == OwnLabels.OUTLINE) {
			overlayProblem = overlayWindow(root, request.maskKey(), root.open(request.key()), request.labelName(), under, level, grid,
					window, tiles, cancelled, argb);
		}
		return new Composed(request.key(), under.sourceKey(), md, under.z(), under.t(), level, under.levelWidths(),
				under.levelHeights(), window, channels, planes, ranges, argb, overlayProblem, readCount);
	}

	/** Level pixels read around the view on every side, so that a short pan needs no read. */
	static final int TILE_MARGIN = 128;

	private static String storeIdentity(ImageRoot root) {
		return root.spec().scheme() + ":" + root.spec().properties();
	}

	private static int[] channels(Request request, ImageMetadata md) {
		if (request.channel() >= 0 && request.channel() < md.sizeC()) {
			return new int[] { request.channel() };
		}
		int[] channels = new int[md.sizeC()];
		for (int c = 0; c < channels.length; c++) {
			channels[c] = c;
		}
		return channels;
	}

	/** Colours the planes: label colours, or the channels merged with their contrast (auto ones computed into ranges). */
	private static int[] render(Request request, ImageMetadata md, int[] channels, Plane[] planes, ContrastRange[] ranges) {
		if (request.labels()) {
			return LabelColours.render(planes[0], request.reuse());
		}
		List<ChannelStyle> styles = new ArrayList<>(channels.length);
		for (int i = 0; i < channels.length; i++) {
			int c = channels[i];
			if (ranges[c] == null) {
				ranges[c] = ContrastRange.auto(planes[i]);
			}
			int colour = c < request.colours().length ? request.colours()[c] : defaultColour(md.sizeC(), c);
			styles.add(new ChannelStyle(colour, ranges[c]));
		}
		return PlaneRenderer.render(List.of(planes), styles, request.reuse());
	}

	/** The mask outlines over a window: the mask's level of the same size read in tiles, or its full resolution sampled. */
	private static String overlayWindow(ImageRoot root, String maskKey, ImageSource image, String labelName, Composed under,
			int level, TileGrid grid, PlaneRegion window, TileCache tiles, BooleanSupplier cancelled, int[] argb) {
		String key = maskKey;
		ImageMetadata md = under.metadata();
		try {
			if (key == null) {
				key = labelImageKey(image, labelName);
			}
			ImageSource mask = root.open(key);
			ImageMetadata mmd = mask.metadata();
			if (mmd.width() != md.width() || mmd.height() != md.height()) {
				return "The mask " + key + " is " + mmd.width() + "x" + mmd.height() + " pixels, the image "
						+ md.width() + "x" + md.height() + ": its outlines are not drawn.";
			}
			PlaneIndex index = new PlaneIndex(0, Math.min(under.z(), mmd.sizeZ() - 1), Math.min(under.t(), mmd.sizeT() - 1));
			ImageSource same = null;
			int maskLevel = 0;
			if (mask instanceof MultiscaleSource m) {
				for (int i = 0; i < m.levelCount() && same == null; i++) {
					ImageMetadata lmd = m.level(i).metadata();
					if (lmd.width() == grid.width() && lmd.height() == grid.height()) {
						same = m.level(i);
						maskLevel = i;
					}
				}
			} else if (mmd.width() == grid.width() && mmd.height() == grid.height()) {
				same = mask;
			}
			Plane labels;
			if (same != null) {
				ImageSource from = same;
				String store = storeIdentity(root);
				int l = maskLevel;
				labels = TileReader.read(tiles, grid, window,
						tile -> new TileCache.Key(store, from.key(), l, index, grid.tileSize(), tile.column(), tile.row()),
						region -> root.region(from, index, region), cancelled).plane();
			} else {
				labels = sampledWindow(root, mask, index, grid, window, md);
			}
			LabelColours.outline(labels, argb);
			return null;
		} catch (ImageAccessException | IllegalArgumentException e) {
			return "No mask outlines: " + e.getMessage();
		}
	}

	/** The mask's full-resolution labels under a window of a coarser level, sampled at the nearest pixels. */
	private static Plane sampledWindow(ImageRoot root, ImageSource mask, PlaneIndex index, TileGrid grid, PlaneRegion window,
			ImageMetadata md) throws ImageAccessException {
		long fx0 = (long) window.x() * md.width() / grid.width();
		long fy0 = (long) window.y() * md.height() / grid.height();
		long fx1 = Math.min(md.width(), ((long) window.x() + window.width()) * md.width() / grid.width() + 1);
		long fy1 = Math.min(md.height(), ((long) window.y() + window.height()) * md.height() / grid.height() + 1);
		Plane full = root.region(mask, index, new PlaneRegion((int) fx0, (int) fy0, (int) (fx1 - fx0), (int) (fy1 - fy0)));
		int w = window.width();
		int h = window.height();
		float[] sampled = new float[w * h];
		for (int y = 0; y < h; y++) {
			int fy = (int) Math.min(full.height() - 1, ((long) (window.y() + y) * md.height() / grid.height()) - fy0);
			for (int x = 0; x < w; x++) {
				int fx = (int) Math.min(full.width() - 1, ((long) (window.x() + x) * md.width() / grid.width()) - fx0);
				sampled[y * w + x] = (float) full.value(fx, fy);
			}
		}
		return new FloatPlane(w, h, sampled);
	}

	/**
	 * Lists the label images an image carries, through the root (the image is usually open already, its
	 * list read once). Call it off the UI thread.
	 *
	 * @param root the dataset's images
	 * @param key  the image's key
	 * @return the names of its label images, in its order; none when it carries none
	 * @throws ImageAccessException if the image or its list cannot be read
	 */
	public static List<String> labelImages(ImageRoot root, String key) throws ImageAccessException {
		return root.open(key) instanceof LabeledSource labeled ? labeled.labelImages() : List.of();
	}

	/**
	 * @param image an image
	 * @param name  the label image wanted, or null for the first
	 * @return the key of that label image when the image has it, else of its first
	 * @throws ImageAccessException if it carries none (the message says what to do)
	 */
	private static String labelImageKey(ImageSource image, String name) throws ImageAccessException {
		List<String> names = image instanceof LabeledSource labeled ? labeled.labelImages() : List.of();
		if (names.isEmpty()) {
			throw new ImageAccessException("Image " + image.key() + " carries no label image and no mask column is configured:"
					+ " give a column of mask image paths the role MASK_IMAGE.");
		}
		return ((LabeledSource) image).labelImageKey(name != null && names.contains(name) ? name : names.get(0));
	}

	private static String overlay(ImageRoot root, String maskKey, ImageSource image, String labelName, int z, int t,
			ImageMetadata md, Plane shown, int[] argb) {
		String key = maskKey;
		try {
			if (key == null) {
				key = labelImageKey(image, labelName);
			}
			ImageSource mask = root.open(key);
			ImageMetadata mmd = mask.metadata();
			if (mmd.width() != md.width() || mmd.height() != md.height()) {
				return "The mask " + key + " is " + mmd.width() + "x" + mmd.height() + " pixels, the image "
						+ md.width() + "x" + md.height() + ": its outlines are not drawn.";
			}
			PlaneIndex index = new PlaneIndex(0, Math.min(z, mmd.sizeZ() - 1), Math.min(t, mmd.sizeT() - 1));
			LabelColours.outline(maskAt(root, mask, index, shown.width(), shown.height()), argb);
			return null;
		} catch (ImageAccessException e) {
			return "No mask outlines: " + e.getMessage();
		}
	}

	/**
	 * The mask's labels on the grid of the level shown: its own level of that size when it has one,
	 * else its full-resolution plane sampled at the nearest pixels.
	 */
	private static Plane maskAt(ImageRoot root, ImageSource mask, PlaneIndex index, int width, int height)
			throws ImageAccessException {
		if (mask instanceof MultiscaleSource m) {
			for (int i = 0; i < m.levelCount(); i++) {
				ImageMetadata lmd = m.level(i).metadata();
				if (lmd.width() == width && lmd.height() == height) {
					return root.plane(m.level(i), index);
				}
			}
		}
		Plane full = root.plane(mask, index);
		if (full.width() == width && full.height() == height) {
			return full;
		}
		float[] sampled = new float[width * height];
		for (int y = 0; y < height; y++) {
			int fy = (int) ((long) y * full.height() / height);
			for (int x = 0; x < width; x++) {
				sampled[y * width + x] = (float) full.value((int) ((long) x * full.width() / width), fy);
			}
		}
		return new FloatPlane(width, height, sampled);
	}
}
