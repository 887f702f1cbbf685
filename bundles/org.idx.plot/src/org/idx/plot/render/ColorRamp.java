// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

/**
 * A continuous colour scale sampled into a 256-entry lookup table, interpolated linearly in
 * ARGB between evenly spaced stops.
 */
public final class ColorRamp {

    /** Number of entries in the lookup table. */
    public static final int SIZE = 256;

    private final int[] lut = new int[SIZE];

    private ColorRamp(int[] stops) {
        if (stops.length < 2) {
            throw new IllegalArgumentException("a ramp needs at least 2 stops");
        }
        for (int i = 0; i < SIZE; i++) {
            double pos = (double) i / (SIZE - 1) * (stops.length - 1);
            int k = Math.min((int) pos, stops.length - 2);
            lut[i] = mix(stops[k], stops[k + 1], pos - k);
        }
    }

    /**
     * @param argbStops the colours at evenly spaced positions from 0 to 1
     * @return the ramp
     */
    public static ColorRamp of(int... argbStops) {
        return new ColorRamp(argbStops.clone());
    }

    /** @return a perceptually ordered dark-blue to green to yellow ramp (viridis-like) */
    public static ColorRamp viridis() {
        return of(0xFF440154, 0xFF482878, 0xFF3E4A89, 0xFF31688E, 0xFF26828E, 0xFF1F9E89, 0xFF35B779,
                0xFF6DCD59, 0xFFB4DE2C, 0xFFFDE725);
    }

    /** @return a light-grey to black ramp */
    public static ColorRamp greys() {
        return of(0xFFE0E0E0, 0xFF000000);
    }

    /**
     * @param fraction a position in [0, 1]; clamped; NaN gives the first colour
     * @return the colour there
     */
    public int color(double fraction) {
        return lut[index(fraction)];
    }

    /**
     * @param fraction a position in [0, 1]
     * @return the lookup-table index, clamped to [0, 255]
     */
    public static int index(double fraction) {
        if (!(fraction > 0)) {
            return 0;
        }
        return fraction >= 1 ? SIZE - 1 : (int) (fraction * SIZE);
    }

    /**
     * @param i an index in [0, 255]
     * @return the colour at that lookup-table entry
     */
    public int entry(int i) {
        return lut[i];
    }

    private static int mix(int a, int b, double t) {
        int result = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int ca = (a >>> shift) & 0xFF;
            int cb = (b >>> shift) & 0xFF;
            result |= ((int) Math.round(ca + (cb - ca) * t) & 0xFF) << shift;
        }
        return result;
    }
}
