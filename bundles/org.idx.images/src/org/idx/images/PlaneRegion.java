// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * A rectangle of a plane, in pixels of that plane, for {@link ImageSource#region(PlaneIndex, PlaneRegion)}.
 * It may reach past the plane's borders (a crop around an object near the edge); samples there read as
 * zero. Its size is bounded ({@link #MAX_SIDE}, {@link #MAX_PIXELS}) so that a bad request fails at once
 * instead of allocating a huge array.
 *
 * @param x      left column (may be negative)
 * @param y      top row (may be negative)
 * @param width  width, {@code 1..MAX_SIDE}
 * @param height height, {@code 1..MAX_SIDE}
 */
public record PlaneRegion(int x, int y, int width, int height) {

    /** The longest side a region may have. */
    public static final int MAX_SIDE = 1 << 16;

    /** The most pixels a region may have (64 Mi: 256 MiB of float samples). */
    public static final long MAX_PIXELS = 1L << 26;

    /** Validates. */
    public PlaneRegion {
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("a region of " + width + "x" + height + " pixels is empty or larger than the "
                    + MAX_PIXELS + " pixels (at most " + MAX_SIDE + " a side) a region may have");
        }
        if ((long) x + width > Integer.MAX_VALUE || (long) y + height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a region at (" + x + ", " + y + ") of " + width + "x" + height
                    + " pixels reaches past the largest coordinate");
        }
    }

    /**
     * @param size the side
     * @param cx   the centre's column
     * @param cy   the centre's row
     * @return the square of that side whose centre pixel is (cx, cy) ({@code size / 2} pixels left of and above it)
     */
    public static PlaneRegion square(int size, int cx, int cy) {
        return new PlaneRegion(cx - size / 2, cy - size / 2, size, size);
    }

    /** @return whether the region lies entirely inside a plane of that size */
    public boolean inside(int planeWidth, int planeHeight) {
        return x >= 0 && y >= 0 && x + width <= planeWidth && y + height <= planeHeight;
    }

    /**
     * Cuts this region out of a whole plane (how a source without region reads answers them).
     *
     * @param plane a plane
     * @return the region's samples, zero where it reaches past the plane
     */
    public Plane cut(Plane plane) {
        int w = plane.width();
        int h = plane.height();
        int x0 = Math.max(0, x);
        int x1 = (int) Math.min(w, (long) x + width);
        int n = width * height;
        Object source = switch (plane) {
            case ShortPlane p -> p.data();
            case BytePlane p -> p.data();
            case FloatPlane p -> p.data();
        };
        Object out = switch (plane) {
            case ShortPlane p -> new short[n];
            case BytePlane p -> new byte[n];
            case FloatPlane p -> new float[n];
        };
        for (int row = 0; row < height; row++) {
            long sy = (long) y + row;
            if (sy >= 0 && sy < h && x1 > x0) {
                System.arraycopy(source, (int) sy * w + x0, out, row * width + (x0 - x), x1 - x0);
            }
        }
        return switch (plane) {
            case ShortPlane p -> new ShortPlane(width, height, (short[]) out);
            case BytePlane p -> new BytePlane(width, height, (byte[]) out);
            case FloatPlane p -> new FloatPlane(width, height, (float[]) out);
        };
    }
}
