// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageRoot;
import org.idx.images.ImageSource;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.display.ChannelStyle;
import org.idx.images.display.ContrastRange;
import org.idx.images.display.PlaneRenderer;

/**
 * Turns a request (an image key, a z/t position, channel colours and contrast) into display pixels:
 * opens the image through the dataset's {@link ImageRoot} (planes come through its cache), computes
 * auto contrast where asked, merges the channels and draws mask outlines over them. UI-free and
 * stateless: the viewer calls it from a background job.
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
	 * @param reuse    a pixel buffer no longer shown, filled instead of a new one when it fits, or null
	 */
	public record Request(ImageRoot root, String key, int z, int t, int channel, int[] colours, ContrastRange[] ranges,
			boolean labels, String maskKey, int[] reuse) {

		/** Validates. */
		public Request {
			Objects.requireNonNull(root);
			Objects.requireNonNull(key);
			colours = colours == null ? new int[0] : colours.clone();
			ranges = ranges == null ? new ContrastRange[0] : ranges.clone();
		}
	}

	/**
	 * What is shown.
	 *
	 * @param key            the image key
	 * @param metadata       the image's dimensions
	 * @param z              the focal plane shown
	 * @param t              the time point shown
	 * @param channels       the channels shown
	 * @param planes         their planes, one per shown channel
	 * @param ranges         the contrast of every channel of the image (auto ones computed), null for
	 *                       channels not shown yet
	 * @param argb           the display pixels, {@code width * height}
	 * @param overlayProblem why the mask outlines could not be drawn, or null
	 */
	public record Composed(String key, ImageMetadata metadata, int z, int t, int[] channels, Plane[] planes,
			ContrastRange[] ranges, int[] argb, String overlayProblem) {
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
		ImageSource source = root.open(request.key());
		ImageMetadata md = source.metadata();
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
			planes[i] = root.plane(source, new PlaneIndex(channels[i], z, t));
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
		if (request.maskKey() != null) {
			overlayProblem = overlay(root, request.maskKey(), z, t, md, argb);
		}
		return new Composed(request.key(), md, z, t, channels, planes, ranges, argb, overlayProblem);
	}

	private static String overlay(ImageRoot root, String maskKey, int z, int t, ImageMetadata md, int[] argb) {
		try {
			ImageSource mask = root.open(maskKey);
			ImageMetadata mmd = mask.metadata();
			if (mmd.width() != md.width() || mmd.height() != md.height()) {
				return "The mask " + maskKey + " is " + mmd.width() + "x" + mmd.height() + " pixels, the image "
						+ md.width() + "x" + md.height() + ": its outlines are not drawn.";
			}
			Plane labels = root.plane(mask,
					new PlaneIndex(0, Math.min(z, mmd.sizeZ() - 1), Math.min(t, mmd.sizeT() - 1)));
			LabelColours.outline(labels, argb);
			return null;
		} catch (ImageAccessException e) {
			return "No mask outlines: " + e.getMessage();
		}
	}
}
