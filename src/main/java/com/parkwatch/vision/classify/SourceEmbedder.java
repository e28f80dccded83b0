package com.parkwatch.vision.classify;

import com.parkwatch.lot.Occupancy;
import org.opencv.core.Core;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns one training source's labelled crops into backbone features, a batch at a time, keeping only the features
 * (a crop is released once embedded). Each crop is mirrored left to right or not, at random (seeded): a lot seen
 * from the other side is still a lot, and a spot with a wall on its right teaches the same spot with the wall on
 * its left. Each crop is also shown in other light or not, at random ({@link LightJitter}): the head learns cars
 * and asphalt, not the few hours of weather each source was filmed in.
 */
public final class SourceEmbedder implements AutoCloseable {

    private final Backbone backbone;
    private final Random random;
    private final LightJitter light;
    private final List<Mat> pending = new ArrayList<>(Backbone.BATCH);
    private final List<float[]> rows = new ArrayList<>();
    private final List<Boolean> labels = new ArrayList<>();
    private final float[][] embedded = new float[Backbone.BATCH][Backbone.FEATURES];

    public SourceEmbedder(Backbone backbone, long seed) {
        this.backbone = backbone;
        random = new Random(seed);
        light = new LightJitter(random);
    }

    /** Adds a crop (copied; the caller keeps its own). */
    public void add(Mat crop, Occupancy label) {
        if (label == Occupancy.UNKNOWN) {
            throw new IllegalArgumentException("a training crop is free or occupied");
        }
        Mat copy = new Mat();
        if (random.nextBoolean()) {
            Core.flip(crop, copy, 1);
        } else {
            crop.copyTo(copy);
        }
        if (random.nextBoolean()) {
            light.apply(copy, copy);
        }
        pending.add(copy);
        labels.add(label == Occupancy.OCCUPIED);
        if (pending.size() == Backbone.BATCH) {
            flush();
        }
    }

    private void flush() {
        backbone.embedAll(pending, embedded);
        for (int i = 0; i < pending.size(); i++) {
            rows.add(embedded[i].clone());
            pending.get(i).release();
        }
        pending.clear();
    }

    /** The source's features so far; starts the next source afresh. */
    public EmbeddedSource finish(String name) {
        flush();
        boolean[] occupied = new boolean[labels.size()];
        for (int i = 0; i < occupied.length; i++) {
            occupied[i] = labels.get(i);
        }
        EmbeddedSource source = new EmbeddedSource(name, rows.toArray(new float[0][]), occupied);
        rows.clear();
        labels.clear();
        return source;
    }

    @Override
    public void close() {
        pending.forEach(Mat::release);
        light.release();
    }
}
