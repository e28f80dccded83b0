package com.parkwatch.vision;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.ml.SVM;

/**
 * The decision value of a trained two-class RBF SVM, computed as OpenCV's raw output is, but with the distances to
 * all support vectors taken from one matrix product (|x - s|^2 = |x|^2 + |s|^2 - 2 x.s), which OpenCV runs
 * vectorised: several times faster than {@code SVM.predict}, whose kernel loop is not. Reuses its buffers.
 */
final class RbfDecision {

    private final float[] squaredNorms;
    private final double[] weights;
    private final double rho;
    private final double gamma;
    /** The support vectors as columns, so that the product needs no transposition. */
    private final Mat byColumn = new Mat();
    private final Mat none = new Mat();
    private final Mat products = new Mat();
    private final float[] dots;

    /** @param svm a trained two-class SVM with the RBF kernel */
    RbfDecision(SVM svm) {
        Mat all = svm.getSupportVectors();
        Mat alpha = new Mat();
        Mat indices = new Mat();
        rho = svm.getDecisionFunction(0, alpha, indices);
        int[] used = new int[(int) indices.total()];
        indices.get(0, 0, used);
        int n = used.length;
        Mat supportVectors = new Mat(n, all.cols(), CvType.CV_32F);
        weights = new double[n];
        Mat alpha64 = new Mat();
        alpha.convertTo(alpha64, CvType.CV_64F);
        alpha64.get(0, 0, weights);
        squaredNorms = new float[n];
        for (int k = 0; k < n; k++) {
            all.row(used[k]).copyTo(supportVectors.row(k));
            squaredNorms[k] = (float) Core.norm(supportVectors.row(k), Core.NORM_L2SQR);
        }
        Core.transpose(supportVectors, byColumn);
        supportVectors.release();
        dots = new float[n];
        gamma = svm.getGamma();
        all.release();
        alpha.release();
        alpha64.release();
        indices.release();
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
}
