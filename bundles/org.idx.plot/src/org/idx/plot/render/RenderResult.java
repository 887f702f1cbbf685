// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.render;

/**
 * What a scatter repaint did, for the view's status line ("12 NA, 3 non-positive on log axis").
 *
 * @param mode the mode actually used (never AUTO)
 * @param visible points whose centre lies inside the viewport
 * @param outside plottable points outside the viewport
 * @param na rows with NaN in x or y
 * @param notPlottable rows with a value the axis scale cannot show (non-positive on a log
 *        axis, infinite)
 * @param maxDensity the largest per-pixel count in density mode, 0 in points mode
 */
public record RenderResult(RenderMode mode, int visible, int outside, int na, int notPlottable, int maxDensity) {
}
