package com.parkwatch.vision.classify;

import com.parkwatch.lot.Occupancy;
import org.opencv.core.Mat;

/** Tells from a spot's crop whether a car stands there. Implementations reuse buffers and are not thread-safe. */
public interface SpotClassifier {

    /** @param crop the spot's pixels, 8-bit BGR, upright */
    Verdict classify(Mat crop);

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
