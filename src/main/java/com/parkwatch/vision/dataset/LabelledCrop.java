package com.parkwatch.vision.dataset;

import com.parkwatch.lot.Occupancy;
import org.opencv.core.Mat;

/** An 8-bit BGR crop of one spot with its known state; whoever holds it releases the crop. */
public record LabelledCrop(Mat crop, Occupancy label) {

    public LabelledCrop {
        if (crop == null || label == null || label == Occupancy.UNKNOWN) {
            throw new IllegalArgumentException("a labelled crop needs a picture and a state of free or occupied");
        }
    }
}
