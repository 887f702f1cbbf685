// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.display;

/**
 * How one channel is shown: its colour and its contrast range.
 *
 * @param rgb   the colour at full intensity, {@code 0xRRGGBB} (e.g. 0x00FF00 green, 0xFFFFFF grey)
 * @param range the contrast range
 */
public record ChannelStyle(int rgb, ContrastRange range) {

    /** Grey. */
    public static final int GREY = 0xFFFFFF;
    /** Red. */
    public static final int RED = 0xFF0000;
    /** Green. */
    public static final int GREEN = 0x00FF00;
    /** Blue. */
    public static final int BLUE = 0x0000FF;
    /** Magenta. */
    public static final int MAGENTA = 0xFF00FF;
    /** Cyan. */
    public static final int CYAN = 0x00FFFF;

    /** Validates. */
    public ChannelStyle {
        if ((rgb & 0xFF000000) != 0) {
            throw new IllegalArgumentException("colour must be 0xRRGGBB: " + Integer.toHexString(rgb));
        }
        if (range == null) {
            throw new NullPointerException("range");
        }
    }
}
