package com.parkwatch.vision.classify;

/**
 * Brings each feature to mean 0 and deviation 1 over the training set (each example counted with its weight), so
 * that no feature outweighs the others in a kernel's distances or under one L2 penalty merely by its units, and a
 * correction's reach is measured in like units.
 */
record Standardisation(float[] mean, float[] scale) {

    /** Deviations below this are treated as this, so that a constant feature stays finite. */
    private static final double SMALLEST_DEVIATION = 1e-3;

    Standardisation {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("a standardisation needs as many means as scales");
        }
    }

    /** Every row counted once. */
    static Standardisation of(float[][] rows) {
        double[] weights = new double[rows.length];
        java.util.Arrays.fill(weights, 1);
        return of(rows, weights);
    }

    /** @param weights each row's weight */
    static Standardisation of(float[][] rows, double[] weights) {
        int length = rows[0].length;
        double[] sum = new double[length];
        double[] squares = new double[length];
        double total = 0;
        for (int i = 0; i < rows.length; i++) {
            float[] row = rows[i];
            total += weights[i];
            for (int j = 0; j < length; j++) {
                sum[j] += weights[i] * row[j];
                squares[j] += weights[i] * row[j] * row[j];
            }
        }
        float[] mean = new float[length];
        float[] scale = new float[length];
        for (int j = 0; j < length; j++) {
            double m = sum[j] / total;
            double deviation = Math.sqrt(Math.max(0, squares[j] / total - m * m));
            mean[j] = (float) m;
            scale[j] = (float) (1 / Math.max(deviation, SMALLEST_DEVIATION));
        }
        return new Standardisation(mean, scale);
    }

    /** Standardises {@code values} into {@code out} (which may be the same array). */
    void apply(float[] values, float[] out) {
        for (int j = 0; j < values.length; j++) {
            out[j] = (values[j] - mean[j]) * scale[j];
        }
    }
}
