// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.image;

import org.idx.images.Plane;

/**
 * Colours for label images (segmentation masks, where a pixel's value is its object's number): label 0
 * is background (black, or left untouched in an overlay), every other label gets a bright colour from
 * a hash of its value, so neighbouring objects almost always differ and a label keeps its colour from
 * image to image.
 */
public final class LabelColours {

	private LabelColours() {
	}

	/**
	 * @param label a label value, not 0
	 * @return an opaque, saturated colour {@code 0xFFRRGGBB}
	 */
	public static int colour(long label) {
		long h = label * 0x9E3779B97F4A7C15L;
		h ^= h >>> 31;
		h *= 0xBF58476D1CE4E5B9L;
		h ^= h >>> 29;
		float hue = (h & 0xFFFF) / 65536f;
		float saturation = 0.65f + ((h >>> 16) & 0xFF) / 255f * 0.35f;
		float value = 0.8f + ((h >>> 24) & 0xFF) / 255f * 0.2f;
		return 0xFF000000 | hsv(hue, saturation, value);
	}

	private static int hsv(float h, float s, float v) {
		float sector = h * 6;
		int i = (int) sector % 6;
		float f = sector - (int) sector;
		float p = v * (1 - s);
		float q = v * (1 - f * s);
		float t = v * (1 - (1 - f) * s);
		float r;
		float g;
		float b;
		switch (i) {
		case 0 -> { r = v; g = t; b = p; }
		case 1 -> { r = q; g = v; b = p; }
		case 2 -> { r = p; g = v; b = t; }
		case 3 -> { r = p; g = q; b = v; }
		case 4 -> { r = t; g = p; b = v; }
		default -> { r = v; g = p; b = q; }
		}
		return Math.round(r * 255) << 16 | Math.round(g * 255) << 8 | Math.round(b * 255);
	}

	/**
	 * Renders a label plane: background black, each label its colour.
	 *
	 * @param labels a label plane
	 * @param argb   a buffer of {@code width * height} to reuse, or null
	 * @return the ARGB pixels
	 */
	public static int[] render(Plane labels, int[] argb) {
		int w = labels.width();
		int h = labels.height();
		int[] out = argb != null && argb.length == w * h ? argb : new int[w * h];
		long last = 0;
		int lastColour = 0xFF000000;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				long label = (long) labels.value(x, y);
				if (label != last) {
					last = label;
					lastColour = label == 0 ? 0xFF000000 : colour(label);
				}
				out[y * w + x] = lastColour;
			}
		}
		return out;
	}

	/**
	 * Draws the outlines of the labelled objects over an image: a pixel of a label whose 4-neighbour has
	 * another label (or lies outside) takes the label's colour.
	 *
	 * @param labels a label plane
	 * @param argb   the image's ARGB pixels, of the same size, changed in place
	 * @throws IllegalArgumentException if the sizes differ
	 */
	public static void outline(Plane labels, int[] argb) {
		int w = labels.width();
		int h = labels.height();
		if (argb.length != w * h) {
			throw new IllegalArgumentException("a " + w + "x" + h + " mask cannot outline an image of " + argb.length
					+ " pixels");
		}
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				double label = labels.value(x, y);
				if (label == 0) {
					continue;
				}
				boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || labels.value(x - 1, y) != label
						|| labels.value(x + 1, y) != label || labels.value(x, y - 1) != label
						|| labels.value(x, y + 1) != label;
				if (edge) {
					argb[y * w + x] = colour((long) label);
				}
			}
		}
	}
}
