package com.parkwatch.vision;

import org.opencv.core.Mat;

/** Tells from a spot's crop whether a car stands there. Implementations reuse buffers and are not thread-safe. */
public interface SpotClassifier {

    /** @param crop the spot's pixels, 8-bit BGR, upright */
    Verdict classify(Mat crop);
}
