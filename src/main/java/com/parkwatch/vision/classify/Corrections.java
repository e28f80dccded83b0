package com.parkwatch.vision.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * What an operator taught one camera: crops whose verdict was wrong, with the right answer. Each becomes the centre
 * of a narrow Gaussian kernel added to the model's decision value, its weight solved so that every corrected crop
 * lands on its right side with a given margin. The kernel is narrow, so the model's answers far from any correction
 * are untouched: the camera learns its own lot without the model forgetting the others, and the model file (and a
 * backbone) stay as they are.
 */
final class Corrections {

    /**
     * A correction's reach: its kernel's gamma times the number of features. Fixed in the standardised features, not
     * tied to the SVM's own kernel, which cross-validation makes wide for some training sets: corrections as wide
     * reached so far that they cost another day of the same lot. Twice as narrow as the shipped SVM's kernel; four
     * times learnt less, as wide forgot what the model knew (docs/accuracy.md).
     */
    static final double REACH = 2;
    /** Keeps the system solvable when two corrections are of (nearly) the same picture. */
    private static final double RIDGE = 1e-3;

    private final double gamma;
    private final double margin;
    private final List<float[]> examples = new ArrayList<>();
    private final List<Double> targets = new ArrayList<>();
    private final List<Double> baseMargins = new ArrayList<>();
    private double[] weights = new double[0];
    /** Solved on the next use rather than at each correction: a start teaches hundreds at once. */
    private boolean solved = true;

    /**
     * @param features how many standardised features a crop has
     * @param margin   the decision value a corrected crop gets on its right side
     */
    Corrections(int features, double margin) {
        gamma = REACH / features;
        this.margin = margin;
    }

    /**
     * Adds a corrected crop.
     *
     * @param features   its standardised features (kept)
     * @param positive   whether the right answer is the one with a positive decision value
     * @param baseMargin the model's own decision value for it
     */
    void add(float[] features, boolean positive, double baseMargin) {
        examples.add(features.clone());
        targets.add(positive ? margin : -margin);
        baseMargins.add(baseMargin);
        solved = false;
    }

    int size() {
        return examples.size();
    }

    /** What the corrections add to the model's decision value for these standardised features. */
    double margin(float[] features) {
        if (!solved) {
            weights = solve();
            solved = true;
        }
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += weights[k] * kernel(features, examples.get(k));
        }
        return sum;
    }

    /** Weights w with sum_j w_j K(x_i, x_j) = target_i - base_i for every correction i (Gaussian elimination). */
    private double[] solve() {
        int n = examples.size();
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = kernel(examples.get(i), examples.get(j)) + (i == j ? RIDGE : 0);
            }
            a[i][n] = targets.get(i) - baseMargins.get(i);
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                for (int c = col; c <= n; c++) {
                    a[r][c] -= factor * a[col][c];
                }
            }
        }
        double[] w = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = a[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * w[c];
            }
            w[r] = sum / a[r][r];
        }
        return w;
    }

    private double kernel(float[] x, float[] y) {
        double distance = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            distance += d * d;
        }
        return Math.exp(-gamma * distance);
    }
}
