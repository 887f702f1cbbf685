// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.idx.images.FloatPlane;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageRoot;
import org.idx.images.ImageSource;
import org.idx.images.LabeledSource;
import org.idx.images.MultiscaleSource;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.display.ChannelStyle;
import org.idx.images.display.ContrastRange;
import org.idx.images.display.PlaneRenderer;

/**
 * Turns a request (an image key, a z/t position, channel colours and contrast, a zoom) into display
 * pixels: opens the image through the dataset's {@link ImageRoot} (planes come through its cache),
 * reads the level of a {@link MultiscaleSource} that the zoom needs (the coarsest with a stored pixel
 * per screen pixel), computes auto contrast where asked, merges the channels and draws mask outlines
 * over them. The image may be replaced by, or outlined with, a label image it carries
 * ({@link LabeledSource}). UI-free and stateless: the viewer calls it from a background job.
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
	 */
	public record Request(ImageRoot root, String key, int z, int t, int channel, int[] colours, ContrastRange[] ranges,
			boolean labels, String maskKey, OwnLabels ownLabels, String labelName, double zoom, int viewWidth, int viewHeight, int[] reuse) {

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
	 * @param planes         their planes at that level, one per shown channel
	 * @param ranges         the contrast of every channel of the image (auto ones computed), null for
	 *                       channels not shown yet
	 * @param argb           the display pixels, the size of the planes
	 * @param overlayProblem why the mask outlines could not be drawn, or null
	 */
	public record Composed(String key, String sourceKey, ImageMetadata metadata, int z, int t, int level, int[] levelWidths,
			int[] channels, Plane[] planes, ContrastRange[] ranges, int[] argb, String overlayProblem) {

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
			int px = (int) Math.min(p.width() - 1, (long) x * p.width() / metadata.width());
			int py = (int) Math.min(p.height() - 1, (long) y * p.height() / metadata.height());
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
		double zoom = request.zoom() > 0 ? request.zoom()
				: Math.min((double) Math.max(1, request.viewWidth()) / md.width(),
						(double) Math.max(1, request.viewHeight()) / md.height());
		int level = MultiscaleSource.levelFor(levelWidths, zoom);
		ImageSource read = level == 0 ? source : ((MultiscaleSource) source).level(level);
		int z = Math.clamp(request.z(), 0, md.sizeZ() - 1);
		int t = Math.clamp(request.t(), 0, md.sizeT() - 1);
		int[] channels;
		if (request.channel() >= 0 && request.channel() < md.sizeC()) {
			channels = new int[] { request.channel() };
		} else {
			channels = new int[md.sizeC()];
			for (int c = 0; c < channels.length; c++) {
				channels[c] = c;
			}
		}
		Plane[] planes = new Plane[channels.length];
		for (int i = 0; i < channels.length; i++) {
			planes[i] = root.plane(read, new PlaneIndex(channels[i], z, t));
		}
		ContrastRange[] ranges = new ContrastRange[md.sizeC()];
		for (int c = 0; c < ranges.length && c < request.ranges().length; c++) {
			ranges[c] = request.ranges()[c];
		}
		int[] argb;
		if (request.labels()) {
			argb = LabelColours.render(planes[0], request.reuse());
		} else {
			List<ChannelStyle> styles = new ArrayList<>(channels.length);
			for (int i = 0; i < channels.length; i++) {
				int c = channels[i];
				if (ranges[c] == null) {
					ranges[c] = ContrastRange.auto(planes[i]);
				}
				int colour = c < request.colours().length ? request.colours()[c] : defaultColour(md.sizeC(), c);
				styles.add(new ChannelStyle(colour, ranges[c]));
			}
			argb = PlaneRenderer.render(List.of(planes), styles, request.reuse());
		}
		String overlayProblem = null;
		if (request.maskKey() != null || request.ownLabels() == OwnLabels.OUTLINE) {
			overlayProblem = overlay(root, request.maskKey(), image, request.labelName(), z, t, md, planes[0], argb);
		}
		return new Composed(request.key(), sourceKey, md, z, t, level, levelWidths, channels, planes, ranges, argb,
				overlayProblem);
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
