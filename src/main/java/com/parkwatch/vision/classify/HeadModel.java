package com.parkwatch.vision.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The part of the classifier the project trains: a logistic regression on the backbone's standardised features.
 * The log-odds of a car are {@code calibration x (weights . x + bias)}; the calibration, fitted on sources the
 * weights were not trained on, makes the probability mean what it says on a lot never seen.
 *
 * @param backbone    which backbone's features these are ({@link Backbone#KIND})
 * @param l2          the L2 penalty it was trained with (kept for the training report)
 */
public record HeadModel(String backbone, Standardisation standardisation, double[] weights, double bias, double calibration,
                 double l2) {

    public HeadModel {
        if (weights.length != standardisation.mean().length) {
            throw new IllegalArgumentException("a head needs one weight per feature");
        }
    }

    public void save(Path file) throws IOException {
        HeadFile.save(this, file);
    }

    /** The penalty and calibration, for the training report. */
    public String describe() {
        return String.format(Locale.ROOT, "L2 %.3g, calibration %.3f", l2, calibration);
    }

    /** The calibrated log-odds that the spot is taken, from standardised features. */
    double logit(float[] standardised) {
        double sum = bias;
        for (int j = 0; j < weights.length; j++) {
            sum += weights[j] * standardised[j];
        }
        return calibration * sum;
    }
}
