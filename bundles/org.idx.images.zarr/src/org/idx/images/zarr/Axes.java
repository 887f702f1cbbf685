// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.idx.images.ImageAccessException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the t, c, z, y and x axes of an OME-Zarr image sit among its array dimensions (NGFF 0.4/0.5
 * {@code axes}, objects with a {@code name}; 0.3 strings; before that always {@code t,c,z,y,x}).
 * y and x are required; t, c and z are optional and map to {@link org.idx.images.PlaneIndex}.
 *
 * @param names the axis names in dimension order
 * @param t     the dimension of t, or -1
 * @param c     the dimension of c, or -1
 * @param z     the dimension of z, or -1
 * @param y     the dimension of y
 * @param x     the dimension of x
 * @param unitX the unit of x as written, or null
 */
record Axes(List<String> names, int t, int c, int z, int y, int x, String unitX) {

    /**
     * @param key  the image key, for messages
     * @param axes the {@code axes} of a multiscale, may be missing
     * @param rank the arrays' number of dimensions
     * @return the mapping
     * @throws ImageAccessException if the axes lack y or x, repeat a name or do not match the rank
     */
    static Axes of(String key, JsonNode axes, int rank) throws ImageAccessException {
        List<String> names = new ArrayList<>();
        String unitX = null;
        if (axes == null || axes.isMissingNode() || axes.isNull()) {
            List<String> all = List.of("t", "c", "z", "y", "x");
            if (rank > 5) {
                throw new ImageAccessException("OME-Zarr image '" + key + "' has " + rank + " dimensions and no axes.");
            }
            names.addAll(all.subList(5 - rank, 5));
        } else {
            for (JsonNode axis : axes) {
                String name = axis.isTextual() ? axis.asText() : axis.path("name").asText("");
                names.add(name.toLowerCase(Locale.ROOT));
                if (name.equalsIgnoreCase("x") && axis.has("unit")) {
                    unitX = axis.path("unit").asText();
                }
            }
        }
        if (names.size() != rank) {
            throw new ImageAccessException("OME-Zarr image '" + key + "' names " + names.size() + " axes " + names + " for arrays of "
                    + rank + " dimensions.");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new ImageAccessException("OME-Zarr image '" + key + "' names an axis twice: " + names + ".");
        }
        int y = names.indexOf("y");
        int x = names.indexOf("x");
        if (y < 0 || x < 0) {
            throw new ImageAccessException("OME-Zarr image '" + key + "' has axes " + names + " without both y and x.");
        }
        return new Axes(List.copyOf(names), names.indexOf("t"), names.indexOf("c"), names.indexOf("z"), y, x, unitX);
    }
}
