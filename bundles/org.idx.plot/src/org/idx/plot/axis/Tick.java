// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.axis;

/**
 * One tick mark on an axis.
 *
 * @param value the data value at the tick (not transformed)
 * @param label the text to draw, empty for an unlabelled minor tick
 * @param major whether this is a labelled major tick
 */
public record Tick(double value, String label, boolean major) {
}
