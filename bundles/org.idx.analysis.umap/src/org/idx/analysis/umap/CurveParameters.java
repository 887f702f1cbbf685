// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

/**
 * The parameters a and b of UMAP's low-dimensional similarity {@code 1 / (1 + a d^(2b))}, fitted
 * (least squares, as umap-learn's {@code find_ab_params} and uwot) to the curve that is 1 up to
 * {@code min-dist} and {@code exp(-(d - min-dist) / spread)} beyond, on 300 points evenly spaced in
 * {@code [0, 3 spread]}. The fit is Levenberg-Marquardt from a = b = 1 (as scipy's
 * {@code curve_fit}); for min-dist 0.1 and spread 1 it gives a = 1.577, b = 0.895.
 *
 * @param a the scale
 * @param b the exponent
 */
public record CurveParameters(double a, double b) {

    private static final int POINTS = 300;

    /**
     * @param spread  the effective scale of the embedded points (uwot and umap-learn default 1)
     * @param minDist how tightly points may be packed, {@code 0 <= minDist}
     * @return the fitted parameters
     */
    public static CurveParameters fit(double spread, double minDist) {
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = 3 * spread * i / (POINTS - 1);
            y[i] = x[i] < minDist ? 1 : Math.exp(-(x[i] - minDist) / spread);
        }
        double a = 1;
        double b = 1;
        double lambda = 1e-3;
        double cost = cost(x, y, a, b);
        for (int iteration = 0; iteration < 500; iteration++) {
            // normal equations J^T J delta = J^T r of the residuals r = y - f
            double jaa = 0;
            double jab = 0;
            double jbb = 0;
            double ra = 0;
            double rb = 0;
            for (int i = 0; i < POINTS; i++) {
                if (x[i] <= 0) { // f = 1 and its derivatives vanish at 0
                    continue;
                }
                double pow = Math.pow(x[i], 2 * b);
                double denominator = 1 + a * pow;
                double f = 1 / denominator;
                double da = -pow / (denominator * denominator);
                double db = -a * pow * 2 * Math.log(x[i]) / (denominator * denominator);
                double r = y[i] - f;
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ra += da * r;
                rb += db * r;
            }
            boolean improved = false;
            while (lambda < 1e12) {
                double maa = jaa * (1 + lambda);
                double mbb = jbb * (1 + lambda);
                double det = maa * mbb - jab * jab;
                double stepA = (mbb * ra - jab * rb) / det;
                double stepB = (maa * rb - jab * ra) / det;
                double trialA = a + stepA;
                double trialB = b + stepB;
                double trialCost = trialA > 0 && trialB > 0 ? cost(x, y, trialA, trialB) : Double.POSITIVE_INFINITY;
                if (trialCost < cost) {
                    boolean converged = cost - trialCost <= 1e-15 * Math.max(1, cost)
                            && Math.abs(stepA) <= 1e-12 * a && Math.abs(stepB) <= 1e-12 * b;
                    a = trialA;
                    b = trialB;
                    cost = trialCost;
                    lambda = Math.max(1e-12, lambda / 10);
                    improved = !converged;
                    break;
                }
                lambda *= 10;
            }
            if (!improved) {
                break;
            }
        }
        return new CurveParameters(a, b);
    }

    private static double cost(double[] x, double[] y, double a, double b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double f = x[i] <= 0 ? 1 : 1 / (1 + a * Math.pow(x[i], 2 * b));
            sum += (y[i] - f) * (y[i] - f);
        }
        return sum;
    }
}
