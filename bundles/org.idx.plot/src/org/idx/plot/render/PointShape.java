// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

/** The footprint of one point in the raster. */
public enum PointShape {
    /** A filled square of side {@code 2r + 1} pixels. */
    SQUARE,
    /** A filled disc: the pixels whose centres lie within {@code r + 0.5} of the point's pixel. */
    DISC
}
