// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.pca;

/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method: accurate to
 * rounding for the covariance matrices of PCA (tens to hundreds of columns). Eigenvalues come
 * out in decreasing order, eigenvectors as the columns of {@link #vectors()}, each with its
 * largest-magnitude entry positive (the first such entry on ties) so that results are
 * deterministic.
 */
public final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * @param matrix a symmetric matrix (not changed; only its upper triangle is read)
     * @return the decomposition
     */
    public static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = matrix[i][j];
                a[j][i] = matrix[i][j];
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double all = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    all += a[i][j] * a[i][j];
                    if (i != j) {
                        off += a[i][j] * a[i][j];
                    }
                }
            }
            if (off == 0 || off <= 1e-32 * all) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(a, v, p, q);
                }
            }
        }
        double[] values = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double[] sortedValues = new double[n];
        double[][] sortedVectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            int from = order[j];
            sortedValues[j] = values[from];
            int largest = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v[i][from]) > Math.abs(v[largest][from]) * (1 + 1e-12)) {
                    largest = i;
                }
            }
            double sign = v[largest][from] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                sortedVectors[i][j] = sign * v[i][from];
            }
        }
        return new SymmetricEigen(sortedValues, sortedVectors);
    }

    /** One Jacobi rotation in the (p, q) plane that zeroes a[p][q]: a = J' a J, v = v J. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double apq = a[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        double t = theta == 0 ? 1 : Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (Double.isInfinite(theta * theta)) {
            t = 1 / (2 * theta);
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        a[p][q] = 0;
        a[q][p] = 0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    /** @return the eigenvalues, largest first */
    public double[] values() {
        return values.clone();
    }

    /** @return the eigenvectors as columns: {@code vectors()[row][component]} */
    public double[][] vectors() {
        double[][] copy = new double[vectors.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = vectors[i].clone();
        }
        return copy;
    }
}
