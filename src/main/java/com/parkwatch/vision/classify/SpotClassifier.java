package com.parkwatch.vision.classify;

import com.parkwatch.lot.Occupancy;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;

/** Tells from a spot's crop whether a car stands there. Implementations reuse buffers and are not thread-safe. */
public interface SpotClassifier {

    /** @param crop the spot's pixels, 8-bit BGR, upright */
    Verdict classify(Mat crop);

    /**
     * The verdicts of several crops, in order: what {@link #classify} says of each, which a classifier may reach
     * faster together (a network runs a batch for less than its crops one by one).
     */
    default List<Verdict> classifyAll(List<Mat> crops) {
        List<Verdict> verdicts = new ArrayList<>(crops.size());
        for (Mat crop : crops) {
            verdicts.add(classify(crop));
        }
        return verdicts;
    }

    /**
     * Learns that a crop shows this state (an operator's correction), so that this camera's like crops are answered
     * so from now on.
     *
     * @return false if this classifier cannot learn
     */
    default boolean learn(Mat crop, Occupancy truth) {
        return false;
    }
}
