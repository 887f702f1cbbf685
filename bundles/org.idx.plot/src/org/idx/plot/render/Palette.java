// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

/**
 * Colours for the levels of a categorical column. Codes beyond the palette wrap around;
 * negative codes (NA) get the NA colour.
 */
public final class Palette {

    /** The default colour of NA values: mid grey. */
    public static final int NA_COLOR = 0xFF9E9E9E;

    private final int[] colors;
    private final int naColor;

    private Palette(int[] colors, int naColor) {
        if (colors.length == 0) {
            throw new IllegalArgumentException("a palette needs at least one colour");
        }
        this.colors = colors;
        this.naColor = naColor;
    }

    /**
     * @param naColor the colour for NA codes
     * @param argb the level colours
     * @return the palette
     */
    public static Palette of(int naColor, int... argb) {
        return new Palette(argb.clone(), naColor);
    }

    /** @return ten distinguishable colours for categories (colour-blind-aware first eight) */
    public static Palette categorical() {
        return of(NA_COLOR, 0xFF0072B2, 0xFFE69F00, 0xFF009E73, 0xFFCC79A7, 0xFF56B4E9, 0xFFD55E00,
                0xFFF0E442, 0xFF000000, 0xFF8C564B, 0xFF7F7F7F);
    }

    /**
     * @param code a level code, negative for NA
     * @return its colour
     */
    public int color(int code) {
        return code < 0 ? naColor : colors[code % colors.length];
    }

    /** @return the number of distinct level colours */
    public int size() {
        return colors.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Palette that && naColor == that.naColor && java.util.Arrays.equals(colors, that.colors);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(colors) + naColor;
    }
}
