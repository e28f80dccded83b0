package com.parkwatch.vision.classify;

/** Solves a symmetric positive definite system (only its lower triangle is read) by Cholesky decomposition. */
final class Cholesky {

    private Cholesky() {
    }

    /** x with A x = b; A's lower triangle is overwritten with its factor. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int j = 0; j < n; j++) {
            double diagonal = a[j][j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[j][k] * a[j][k];
            }
            if (!(diagonal > 0)) {
                throw new ArithmeticException("the system is not positive definite");
            }
            a[j][j] = Math.sqrt(diagonal);
            for (int i = j + 1; i < n; i++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= a[i][k] * a[j][k];
                }
                a[i][j] = sum / a[j][j];
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= a[i][k] * x[k];
            }
            x[i] = sum / a[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = x[i];
            for (int k = i + 1; k < n; k++) {
                sum -= a[k][i] * x[k];
            }
            x[i] = sum / a[i][i];
        }
        return x;
    }
}
