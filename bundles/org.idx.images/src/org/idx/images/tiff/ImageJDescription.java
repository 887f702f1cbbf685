// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ImageJ hyperstack description ({@code ImageJ=...}, {@code images=}, {@code channels=},
 * {@code slices=}, {@code frames=}, {@code unit=}); ImageJ stores pages in C, Z, T order.
 */
final class ImageJDescription {

    private ImageJDescription() {
    }

    /** @return whether a description was written by ImageJ */
    static boolean is(String description) {
        return description != null && description.startsWith("ImageJ=");
    }

    /**
     * @param description an ImageJ description
     * @param pages       the page count of the file
     * @return the dimensions, or null if they do not fit the page count
     */
    static Dimensions parse(String description, int pages) {
        Map<String, String> values = new HashMap<>();
        for (String line : description.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        int c = positive(values.get("channels"));
        int z = positive(values.get("slices"));
        int t = positive(values.get("frames"));
        int images = positive(values.get("images"));
        if (values.get("slices") == null && values.get("frames") == null && images > 1 && (long) c * z * t != images) {
            z = images / c;
        }
        if ((long) c * z * t != pages) {
            return null;
        }
        String unit = values.getOrDefault("unit", "");
        boolean micron = unit.equals("micron") || unit.equals("um") || unit.equals("µm") || unit.equals("\\u00B5m");
        return new Dimensions(c, z, t, "XYCZT", List.of(), Double.NaN, Double.NaN, micron);
    }

    private static int positive(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
