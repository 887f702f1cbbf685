// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.spatial;

/**
 * The {@code n - 1} edges of a spanning tree of {@code n} points, sorted by ascending weight
 * (equal weights by their first and then second point). Edge {@code e} joins {@code from[e]} and
 * {@code to[e]}.
 *
 * @param from   the first point of each edge
 * @param to     the second point of each edge
 * @param weight the weight of each edge
 */
public record SpanningTree(int[] from, int[] to, double[] weight) {

    /** Checks that the three arrays have the same length. */
    public SpanningTree {
        if (from.length != to.length || from.length != weight.length) {
            throw new IllegalArgumentException("one from, to and weight per edge expected");
        }
    }

    /** @return the number of edges */
    public int edgeCount() {
        return from.length;
    }

    /** @return the sum of the edge weights */
    public double totalWeight() {
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        return sum;
    }
}
