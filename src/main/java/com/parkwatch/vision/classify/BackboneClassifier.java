package com.parkwatch.vision.classify;

import com.parkwatch.lot.Occupancy;
import org.opencv.core.Mat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The spot classifier: a frozen pretrained {@link Backbone} turns the crop into features, the project's trained
 * {@link HeadModel} turns them into the calibrated probability of a car, and an operator's {@link Corrections}
 * adapt the head to this camera. The confidence is that probability for the state it names. Reuses its buffers;
 * not thread-safe; {@link #close()} frees the backbone's native buffers.
 */
public final class BackboneClassifier implements SpotClassifier, AutoCloseable {

    /** The head shipped inside the application, trained as the README shows. */
    private static final String DEFAULT_MODEL_RESOURCE = "/models/head.json";

    private final Backbone backbone = new Backbone();
    private final HeadModel head;
    /** A corrected crop gets log-odds of 3 for its right state: a probability of 0.95. */
    private static final double CORRECTED = 3;

    private final Corrections corrections = new Corrections(Backbone.FEATURES, CORRECTED);
    private final float[] standardised = new float[Backbone.FEATURES];
    private final float[] raw = new float[Backbone.FEATURES];
    private float[][] batch = new float[0][];

    BackboneClassifier(HeadModel head) {
        this.head = head;
    }

    /** Loads a head made by {@code train}; a file that is not one gets a {@link ModelException} in one sentence. */
    public static BackboneClassifier load(Path file) {
        return new BackboneClassifier(HeadFile.load(file));
    }

    public static BackboneClassifier loadDefault() {
        try (InputStream in = BackboneClassifier.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new ModelException("the default model is missing from this build");
            }
            return new BackboneClassifier(HeadFile.read(in, "shipped with ParkWatch"));
        } catch (IOException e) {
            throw new ModelException("cannot read the default model: " + e.getMessage());
        }
    }

    @Override
    public Verdict classify(Mat crop) {
        return Verdict.ofLogOdds(logOdds(crop));
    }

    @Override
    public List<Verdict> classifyAll(List<Mat> crops) {
        List<Verdict> verdicts = new ArrayList<>(crops.size());
        for (double z : logOddsAll(crops)) {
            verdicts.add(Verdict.ofLogOdds(z));
        }
        return verdicts;
    }

    /** The calibrated log-odds of a car, the operator's corrections included. */
    double logOdds(Mat crop) {
        backbone.embed(crop, raw);
        return logOddsOf(raw);
    }

    /** What {@link #logOdds} says of each crop, in order, the crops through the network in batches. */
    double[] logOddsAll(List<Mat> crops) {
        if (batch.length < crops.size()) {
            batch = new float[crops.size()][Backbone.FEATURES];
        }
        backbone.embedAll(crops, batch);
        double[] out = new double[crops.size()];
        for (int i = 0; i < crops.size(); i++) {
            out[i] = logOddsOf(batch[i]);
        }
        return out;
    }

    private double logOddsOf(float[] features) {
        return headLogOdds(features) + corrections.margin(standardised);
    }

    /** The head's own log-odds of a car; leaves the standardised features in {@link #standardised}. */
    private double headLogOdds(float[] features) {
        head.standardisation().apply(features, standardised);
        return head.logit(standardised);
    }

    @Override
    public boolean learn(Mat crop, Occupancy truth) {
        if (truth == Occupancy.UNKNOWN) {
            throw new IllegalArgumentException("a correction says free or occupied");
        }
        backbone.embed(crop, raw);
        double base = headLogOdds(raw);
        corrections.add(standardised, truth == Occupancy.OCCUPIED, base);
        return true;
    }

    /** How many corrections this classifier has learnt. */
    public int corrections() {
        return corrections.size();
    }

    @Override
    public void close() {
        backbone.close();
    }
}
