package com.parkwatch.vision.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link HeadModel}: an L2-regularised logistic regression solved by Newton's method, every source and
 * within it each class weighing the same, so that a big source or a lot that is mostly full does not decide for
 * the others. Its calibration is fitted on each source's answers from a head trained without that source: the
 * confidence then says how sure the head is on a lot it never saw. No randomness: the same sources give the
 * same numbers.
 */
public final class HeadTrainer {

    /** The penalty on the standardised features' weights; strong, as the backbone's 384 features are many. */
    public static final double L2 = 0.01;
    private static final int MOST_STEPS = 50;
    private static final double CONVERGED = 1e-9;

    private HeadTrainer() {
    }

    public static HeadModel train(List<EmbeddedSource> sources, double l2) {
        boolean anyFree = false;
        boolean anyTaken = false;
        for (EmbeddedSource s : sources) {
            for (boolean o : s.occupied()) {
                anyFree |= !o;
                anyTaken |= o;
            }
        }
        if (!anyFree || !anyTaken) {
            throw new ModelException("training needs examples of both free and occupied spots");
        }
        HeadModel uncalibrated = fit(sources, l2);
        double calibration = sources.size() < 2 ? 1 : calibrationLeavingEachSourceOut(sources, l2);
        return new HeadModel(Backbone.KIND, uncalibrated.standardisation(), uncalibrated.weights(),
                uncalibrated.bias(), calibration, l2);
    }

    /** The scale of the log-odds that fits best each source's answers from a head that never saw it. */
    private static double calibrationLeavingEachSourceOut(List<EmbeddedSource> sources, double l2) {
        List<double[]> logits = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            List<EmbeddedSource> others = new ArrayList<>(sources);
            EmbeddedSource left = others.remove(s);
            if (others.stream().mapToInt(EmbeddedSource::size).sum() == 0) {
                // Nothing to train without it: log-odds of 0, which leave the scale as it is.
                logits.add(new double[left.size()]);
                continue;
            }
            HeadModel head = fit(others, l2);
            float[] x = new float[Backbone.FEATURES];
            double[] z = new double[left.size()];
            for (int i = 0; i < z.length; i++) {
                head.standardisation().apply(left.rows()[i], x);
                z[i] = head.logit(x);
            }
            logits.add(z);
        }
        double[] weights = Weights.of(sources);
        double[] z = new double[weights.length];
        boolean[] y = new boolean[weights.length];
        int k = 0;
        for (int s = 0; s < sources.size(); s++) {
            System.arraycopy(logits.get(s), 0, z, k, sources.get(s).size());
            System.arraycopy(sources.get(s).occupied(), 0, y, k, sources.get(s).size());
            k += sources.get(s).size();
        }
        return scaleOf(z, y, weights);
    }

    /** The a minimising the weighted log-loss of sigmoid(a z), by Newton's method in one dimension. */
    static double scaleOf(double[] z, boolean[] y, double[] weights) {
        double a = 1;
        for (int step = 0; step < MOST_STEPS; step++) {
            double gradient = 0;
            double curvature = 1e-12;
            for (int i = 0; i < z.length; i++) {
                double p = sigmoid(a * z[i]);
                gradient += weights[i] * (p - (y[i] ? 1 : 0)) * z[i];
                curvature += weights[i] * p * (1 - p) * z[i] * z[i];
            }
            double change = gradient / curvature;
            a = Math.max(a - change, 1e-3);
            if (Math.abs(change) < CONVERGED) {
                break;
            }
        }
        return a;
    }

    /** The weighted, L2-penalised logistic regression on these sources (calibration 1). */
    static HeadModel fit(List<EmbeddedSource> sources, double l2) {
        double[] w = Weights.of(sources);
        int n = w.length;
        float[][] x = new float[n][];
        boolean[] y = new boolean[n];
        int k = 0;
        for (EmbeddedSource s : sources) {
            for (int i = 0; i < s.size(); i++, k++) {
                x[k] = s.rows()[i];
                y[k] = s.occupied()[i];
            }
        }
        Standardisation standardisation = Standardisation.of(x, w);
        int d = x[0].length;
        float[][] standardised = new float[n][d];
        for (int i = 0; i < n; i++) {
            standardisation.apply(x[i], standardised[i]);
        }
        double[] beta = new NewtonSolver(standardised, y, w, l2).solve();
        double[] weights = new double[d];
        System.arraycopy(beta, 0, weights, 0, d);
        return new HeadModel(Backbone.KIND, standardisation, weights, beta[d], 1, l2);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Newton's method for the penalised log-loss; the bias (the last coefficient) is not penalised. */
    private record NewtonSolver(float[][] x, boolean[] y, double[] w, double l2) {

        double[] solve() {
            int d = x[0].length;
            double[] beta = new double[d + 1];
            double loss = loss(beta);
            for (int step = 0; step < MOST_STEPS; step++) {
                double[] gradient = new double[d + 1];
                double[][] hessian = new double[d + 1][d + 1];
                for (int i = 0; i < x.length; i++) {
                    double p = sigmoid(z(beta, x[i]));
                    double r = w[i] * (p - (y[i] ? 1 : 0));
                    double s = w[i] * p * (1 - p);
                    float[] xi = x[i];
                    for (int a = 0; a < d; a++) {
                        gradient[a] += r * xi[a];
                        double sa = s * xi[a];
                        double[] row = hessian[a];
                        for (int b = 0; b <= a; b++) {
                            row[b] += sa * xi[b];
                        }
                        hessian[d][a] += sa;
                    }
                    gradient[d] += r;
                    hessian[d][d] += s;
                }
                for (int a = 0; a < d; a++) {
                    gradient[a] += l2 * beta[a];
                    hessian[a][a] += l2;
                }
                hessian[d][d] += 1e-12;
                double[] change = Cholesky.solve(hessian, gradient);
                // Halve the step while it does not lower the loss (never needed near the optimum).
                double[] next = new double[d + 1];
                double nextLoss = Double.MAX_VALUE;
                for (double fraction = 1; fraction > 1e-6; fraction /= 2) {
                    for (int a = 0; a <= d; a++) {
                        next[a] = beta[a] - fraction * change[a];
                    }
                    nextLoss = loss(next);
                    if (nextLoss <= loss) {
                        break;
                    }
                }
                double largest = 0;
                for (int a = 0; a <= d; a++) {
                    largest = Math.max(largest, Math.abs(next[a] - beta[a]));
                }
                beta = next;
                loss = Math.min(loss, nextLoss);
                if (largest < CONVERGED) {
                    break;
                }
            }
            return beta;
        }

        private double loss(double[] beta) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                double z = z(beta, x[i]);
                // log(1 + e^z) - y z, written to stay finite for large |z|.
                sum += w[i] * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (y[i] ? z : 0));
            }
            double penalty = 0;
            for (int a = 0; a < beta.length - 1; a++) {
                penalty += beta[a] * beta[a];
            }
            return sum + l2 / 2 * penalty;
        }

        private static double z(double[] beta, float[] xi) {
            double sum = beta[xi.length];
            for (int a = 0; a < xi.length; a++) {
                sum += beta[a] * xi[a];
            }
            return sum;
        }
    }
}
