// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.index;

/**
 * Which points a self-intersecting lasso encloses, as in SVG's {@code fill-rule}. Both agree
 * for simple polygons.
 */
public enum FillRule {
    /** Inside when a ray from the point crosses the outline an odd number of times. */
    EVEN_ODD,
    /** Inside when the outline winds around the point a non-zero number of times. */
    NON_ZERO
}
