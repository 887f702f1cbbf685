// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.stats.distribution;

/**
 * Gauss-Legendre quadrature rule on [-1, 1], with nodes computed by Newton's method on the
 * Legendre polynomial recurrence.
 */
final class GaussLegendre {

    private final double[] nodes;
    private final double[] weights;

    /**
     * @param order number of nodes, at least 1
     */
    GaussLegendre(int order) {
        nodes = new double[order];
        weights = new double[order];
        for (int i = 0; i < (order + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (order + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p0 = 1;
                double p1 = x;
                for (int j = 2; j <= order; j++) {
                    double p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
                    p0 = p1;
                    p1 = p2;
                }
                double value = order == 1 ? x : p1;
                double previous = order == 1 ? 1 : p0;
                derivative = order * (x * value - previous) / (x * x - 1);
                double step = value / derivative;
                x -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            double weight = 2 / ((1 - x * x) * derivative * derivative);
            nodes[i] = -x;
            nodes[order - 1 - i] = x;
            weights[i] = weight;
            weights[order - 1 - i] = weight;
        }
        if (order % 2 == 1) {
            nodes[order / 2] = 0;
        }
    }

    int order() {
        return nodes.length;
    }

    /** @return the i-th node mapped onto [a, b] */
    double node(int i, double a, double b) {
        return 0.5 * (a + b) + 0.5 * (b - a) * nodes[i];
    }

    /** @return the i-th weight scaled for an interval of the given length */
    double weight(int i, double length) {
        return 0.5 * length * weights[i];
    }
}
