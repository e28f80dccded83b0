package com.parkwatch.vision.dataset;

import com.parkwatch.vision.sim.SimulatedLot;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

import java.util.ArrayList;
import java.util.List;

/** Labelled spot crops cut from the simulated lot, for training alongside real patch sets. */
public final class SimulatedPatches {

    /** Frames between two cuts, so that cars, light and noise differ between samples. */
    private static final int FRAMES_APART = 150;

    private SimulatedPatches() {
    }

    /** Cuts every spot at {@code samples} moments of a lot run with the given seed. */
    public static List<LabelledCrop> cut(long seed, int samples) {
        List<LabelledCrop> examples = new ArrayList<>();
        try (SimulatedLot lot = new SimulatedLot(seed)) {
            Layout layout = lot.ownLayout().orElseThrow();
            for (int s = 0; s < samples; s++) {
                Mat frame = null;
                for (int f = 0; f < FRAMES_APART; f++) {
                    frame = lot.next();
                }
                for (int i = 0; i < layout.size(); i++) {
                    Box b = layout.spots().get(i).box();
                    Mat view = frame.submat(new Rect(b.x(), b.y(), b.width(), b.height()));
                    examples.add(new LabelledCrop(view.clone(), lot.truth(i)));
                    view.release();
                }
            }
        }
        return examples;
    }
}
