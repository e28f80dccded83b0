package com.parkwatch.vision.classify;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadTrainerTest {

    /** A source whose crops are taken when feature 0 (plus noise) is above its offset. */
    private static EmbeddedSource source(String name, int n, float offset, double takenShare, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[n][Backbone.FEATURES];
        boolean[] taken = new boolean[n];
        for (int i = 0; i < n; i++) {
            taken[i] = random.nextDouble() < takenShare;
            for (int j = 0; j < Backbone.FEATURES; j++) {
                rows[i][j] = (float) random.nextGaussian();
            }
            rows[i][0] = offset + (taken[i] ? 2 : -2) + (float) random.nextGaussian();
        }
        return new EmbeddedSource(name, rows, taken);
    }

    private static double accuracy(HeadModel head, EmbeddedSource s) {
        float[] x = new float[Backbone.FEATURES];
        int right = 0;
        for (int i = 0; i < s.size(); i++) {
            head.standardisation().apply(s.rows()[i], x);
            right += (head.logit(x) > 0) == s.occupied()[i] ? 1 : 0;
        }
        return (double) right / s.size();
    }

    @Test
    void learnsWhatTellsTheClassesApartOnASourceNeverTrainedOn() {
        HeadModel head = HeadTrainer.train(List.of(source("a", 1500, 0, 0.5, 1), source("b", 1000, 0, 0.2, 2)), HeadTrainer.L2);
        // Feature 0 alone is right on 0.977 of the crops; the 383 others are noise the penalty keeps small.
        double accuracy = accuracy(head, source("c", 1000, 0, 0.5, 3));
        assertTrue(accuracy > 0.94, "accuracy " + accuracy);
        assertTrue(head.weights()[0] > 10 * Math.abs(head.weights()[1]), "feature 0 decides");
        assertTrue(head.calibration() > 0);
    }

    @Test
    void everySourceAndClassWeighsTheSame() {
        double[] w = Weights.of(List.of(source("big", 900, 0, 0.9, 1), source("small", 100, 0, 0.5, 2)));
        double big = 0;
        for (int i = 0; i < 900; i++) {
            big += w[i];
        }
        assertEquals(0.5, big, 1e-9);
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        assertEquals(1, sum, 1e-9);
    }

    @Test
    void theSameSourcesGiveTheSameNumbers() {
        List<EmbeddedSource> sources = List.of(source("a", 300, 0, 0.5, 1), source("b", 200, 1, 0.3, 2));
        HeadModel first = HeadTrainer.train(sources, HeadTrainer.L2);
        HeadModel second = HeadTrainer.train(sources, HeadTrainer.L2);
        assertArrayEquals(first.weights(), second.weights());
        assertEquals(first.calibration(), second.calibration());
    }

    /** Log-odds that are twice too bold are scaled by about a half. */
    @Test
    void theCalibrationUndoesOverconfidence() {
        Random random = new Random(5);
        int n = 20000;
        double[] z = new double[n];
        boolean[] y = new boolean[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double truth = 4 * random.nextDouble() - 2;
            y[i] = random.nextDouble() < HeadTrainer.sigmoid(truth);
            z[i] = 2 * truth;
            w[i] = 1.0 / n;
        }
        assertEquals(0.5, HeadTrainer.scaleOf(z, y, w), 0.05);
    }

    /** A source whose every file is held out leaves nothing to calibrate on without the other: the scale stays 1. */
    @Test
    void aSourceEmptiedByItsHeldOutGlobTrainsStill() {
        EmbeddedSource empty = new EmbeddedSource("held out", new float[0][], new boolean[0]);
        HeadModel head = HeadTrainer.train(List.of(source("a", 300, 0, 0.5, 1), empty), HeadTrainer.L2);
        assertEquals(1, head.calibration(), 1e-9);
    }

    @Test
    void refusesTrainingOnOneClass() {
        EmbeddedSource onlyFree = source("free", 50, 0, 0, 1);
        assertThrows(ModelException.class, () -> HeadTrainer.train(List.of(onlyFree), HeadTrainer.L2));
    }

    @Test
    void choleskySolvesASymmetricSystem() {
        double[][] a = {{4, 0, 0}, {2, 5, 0}, {1, 3, 6}};
        double[] x = Cholesky.solve(a, new double[]{7, 10, 10});
        // The full matrix [[4,2,1],[2,5,3],[1,3,6]] times (1, 1, 1) is (7, 10, 10).
        assertArrayEquals(new double[]{1, 1, 1}, x, 1e-12);
    }
}
