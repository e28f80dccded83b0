package com.parkwatch.vision.classify;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.ml.SVM;

/**
 * The decision value of a trained two-class RBF SVM, computed as OpenCV's raw output is, but with the distances to
 * all support vectors taken from one matrix product (|x - s|^2 = |x|^2 + |s|^2 - 2 x.s), which OpenCV runs
 * vectorised: several times faster than {@code SVM.predict}, whose kernel loop is not. Holds only plain numbers,
 * which a model file stores and reads back far faster than OpenCV's text serialisation. Reuses its buffers.
 */
final class RbfDecision {

    private final float[] supportVectors;
    private final double[] weights;
    private final double rho;
    private final double gamma;
    private final float[] squaredNorms;
    /** The support vectors as columns, so that the product needs no transposition. */
    private final Mat byColumn;
    private final Mat none = new Mat();
    private final Mat products = new Mat();
    private final float[] dots;

    /**
     * @param supportVectors one after the other, {@code features} values each
     * @param weights        each support vector's coefficient in the decision function
     */
    RbfDecision(float[] supportVectors, int features, double[] weights, double rho, double gamma) {
        int n = weights.length;
        if (n == 0 || supportVectors.length != n * features || !(gamma > 0)) {
            throw new IllegalArgumentException("an RBF decision needs support vectors, their weights and a gamma");
        }
        this.supportVectors = supportVectors;
        this.weights = weights;
        this.rho = rho;
        this.gamma = gamma;
        squaredNorms = new float[n];
        for (int k = 0; k < n; k++) {
            double sum = 0;
            for (int j = k * features; j < (k + 1) * features; j++) {
                sum += supportVectors[j] * supportVectors[j];
            }
            squaredNorms[k] = (float) sum;
        }
        Mat byRow = new Mat(n, features, CvType.CV_32F);
        byRow.put(0, 0, supportVectors);
        byColumn = byRow.t();
        byRow.release();
        dots = new float[n];
    }

    /** The decision function of a trained two-class SVM with the RBF kernel. */
    static RbfDecision of(SVM svm) {
        Mat all = svm.getSupportVectors();
        Mat alpha = new Mat();
        Mat indices = new Mat();
        double rho = svm.getDecisionFunction(0, alpha, indices);
        int[] used = new int[(int) indices.total()];
        indices.get(0, 0, used);
        int features = all.cols();
        float[] row = new float[features];
        float[] vectors = new float[used.length * features];
        for (int k = 0; k < used.length; k++) {
            all.get(used[k], 0, row);
            System.arraycopy(row, 0, vectors, k * features, features);
        }
        Mat alpha64 = new Mat();
        alpha.convertTo(alpha64, CvType.CV_64F);
        double[] weights = new double[used.length];
        alpha64.get(0, 0, weights);
        for (Mat m : new Mat[]{all, alpha, indices, alpha64}) {
            m.release();
        }
        return new RbfDecision(vectors, features, weights, rho, svm.getGamma());
    }

    /** OpenCV's raw output for one standardised sample (a 1 x features CV_32F row) and its values. */
    double of(Mat sample, float[] values) {
        Core.gemm(sample, byColumn, 1, none, 0, products);
        products.get(0, 0, dots);
        double norm = 0;
        for (float v : values) {
            norm += v * v;
        }
        double sum = -rho;
        for (int k = 0; k < dots.length; k++) {
            double distance = Math.max(0, norm + squaredNorms[k] - 2 * dots[k]);
            sum += weights[k] * Math.exp(-gamma * distance);
        }
        return sum;
    }

    float[] supportVectors() {
        return supportVectors;
    }

    double[] weights() {
        return weights;
    }

    double rho() {
        return rho;
    }

    double gamma() {
        return gamma;
    }
}
