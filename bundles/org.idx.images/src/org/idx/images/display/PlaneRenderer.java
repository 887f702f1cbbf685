// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.display;

import java.util.List;

import org.idx.images.BytePlane;
import org.idx.images.FloatPlane;
import org.idx.images.Plane;
import org.idx.images.ShortPlane;

/**
 * Maps planes to opaque ARGB pixels ({@code 0xFFRRGGBB}, row-major) for display: each plane through
 * its channel's contrast range to a level 0..255, times the channel's colour; several channels add
 * up, saturating at 255 per colour component. Integer planes go through a lookup table, so the cost
 * is one table read per sample. UI-free: a viewer wraps the buffer into its toolkit's image.
 */
public final class PlaneRenderer {

    /** Channels accumulated in 10-bit fields before saturating (4 x 255 < 1024). */
    private static final int PER_PASS = 4;

    private PlaneRenderer() {
    }

    /**
     * @param plane a plane
     * @param style its colour and contrast
     * @param argb  a buffer of {@code width * height} to reuse, or null
     * @return the ARGB pixels (the given buffer when it fits)
     */
    public static int[] render(Plane plane, ChannelStyle style, int[] argb) {
        return render(List.of(plane), List.of(style), argb);
    }

    /**
     * @param planes planes of equal size, one per shown channel
     * @param styles one style per plane
     * @param argb   a buffer of {@code width * height} to reuse, or null
     * @return the ARGB pixels (the given buffer when it fits)
     */
    public static int[] render(List<? extends Plane> planes, List<ChannelStyle> styles, int[] argb) {
        if (planes.isEmpty() || planes.size() != styles.size()) {
            throw new IllegalArgumentException(planes.size() + " planes and " + styles.size() + " styles");
        }
        Plane p0 = planes.get(0);
        int n = p0.width() * p0.height();
        for (Plane p : planes) {
            if (p.width() != p0.width() || p.height() != p0.height()) {
                throw new IllegalArgumentException("planes differ in size: " + p.width() + "x" + p.height() + " and "
                        + p0.width() + "x" + p0.height());
            }
        }
        int[] out = argb != null && argb.length == n ? argb : new int[n];
        if (planes.size() == 1) {
            int rgb = styles.get(0).rgb();
            map(p0, colourTable(p0, styles.get(0), 8, rgb), styles.get(0).range(), out, false);
            for (int i = 0; i < n; i++) {
                out[i] |= 0xFF000000;
            }
            return out;
        }
        for (int c = 0; c < planes.size(); c++) {
            Plane p = planes.get(c);
            map(p, colourTable(p, styles.get(c), 10, styles.get(c).rgb()), styles.get(c).range(), out, c > 0);
            if ((c + 1) % PER_PASS == 0 && c + 1 < planes.size()) {
                saturate(out, false);
            }
        }
        saturate(out, true);
        return out;
    }

    /**
     * The table from value (integer planes) or level (float planes) to colour packed in fields of
     * {@code bits} bits (8: 0xRRGGBB; 10: three 10-bit fields).
     */
    private static int[] colourTable(Plane plane, ChannelStyle style, int bits, int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        int[] levelColour = new int[256];
        for (int l = 0; l < 256; l++) {
            int rl = (r * l + 127) / 255;
            int gl = (g * l + 127) / 255;
            int bl = (b * l + 127) / 255;
            levelColour[l] = rl << 2 * bits | gl << bits | bl;
        }
        ContrastRange range = style.range();
        int size = switch (plane) {
            case BytePlane p -> 256;
            case ShortPlane p -> 65536;
            case FloatPlane p -> 0;
        };
        if (size == 0) {
            return levelColour;
        }
        int[] table = new int[size];
        for (int v = 0; v < size; v++) {
            table[v] = levelColour[range.level(v)];
        }
        return table;
    }

    private static void map(Plane plane, int[] table, ContrastRange range, int[] out, boolean add) {
        switch (plane) {
            case ShortPlane p -> {
                short[] d = p.data();
                if (add) {
                    for (int i = 0; i < d.length; i++) {
                        out[i] += table[d[i] & 0xFFFF];
                    }
                } else {
                    for (int i = 0; i < d.length; i++) {
                        out[i] = table[d[i] & 0xFFFF];
                    }
                }
            }
            case BytePlane p -> {
                byte[] d = p.data();
                if (add) {
                    for (int i = 0; i < d.length; i++) {
                        out[i] += table[d[i] & 0xFF];
                    }
                } else {
                    for (int i = 0; i < d.length; i++) {
                        out[i] = table[d[i] & 0xFF];
                    }
                }
            }
            case FloatPlane p -> {
                float[] d = p.data();
                double min = range.min();
                double scale = 255 / (range.max() - range.min());
                for (int i = 0; i < d.length; i++) {
                    double l = (d[i] - min) * scale;
                    int level = l <= 0 || Double.isNaN(l) ? 0 : l >= 255 ? 255 : (int) (l + 0.5);
                    if (add) {
                        out[i] += table[level];
                    } else {
                        out[i] = table[level];
                    }
                }
            }
        }
    }

    /** Saturates 10-bit fields to 255; when {@code toArgb}, packs them as opaque ARGB. */
    private static void saturate(int[] acc, boolean toArgb) {
        for (int i = 0; i < acc.length; i++) {
            int v = acc[i];
            int r = Math.min(v >>> 20 & 0x3FF, 255);
            int g = Math.min(v >>> 10 & 0x3FF, 255);
            int b = Math.min(v & 0x3FF, 255);
            acc[i] = toArgb ? 0xFF000000 | r << 16 | g << 8 | b : r << 20 | g << 10 | b;
        }
    }
}
