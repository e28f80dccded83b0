package com.parkwatch.vision.classify;

/**
 * Brings each feature to mean 0 and deviation 1 over the training set, so that no feature outweighs the others in
 * the SVM's distances merely by its units.
 */
record Standardisation(float[] mean, float[] scale) {

    /** Deviations below this are treated as this, so that a constant feature stays finite. */
    private static final double SMALLEST_DEVIATION = 1e-3;

    static Standardisation of(float[][] rows) {
        int length = rows[0].length;
        double[] sum = new double[length];
        double[] squares = new double[length];
        for (float[] row : rows) {
            for (int j = 0; j < length; j++) {
                sum[j] += row[j];
                squares[j] += (double) row[j] * row[j];
            }
        }
        float[] mean = new float[length];
        float[] scale = new float[length];
        for (int j = 0; j < length; j++) {
            double m = sum[j] / rows.length;
            double deviation = Math.sqrt(Math.max(0, squares[j] / rows.length - m * m));
            mean[j] = (float) m;
            scale[j] = (float) (1 / Math.max(deviation, SMALLEST_DEVIATION));
        }
        return new Standardisation(mean, scale);
    }

    void apply(float[] values) {
        for (int j = 0; j < values.length; j++) {
            values[j] = (values[j] - mean[j]) * scale[j];
        }
    }
}
