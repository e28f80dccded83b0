package com.parkwatch.vision.track;

import com.parkwatch.vision.classify.CombinedClassifier;
import com.parkwatch.vision.classify.ModelFiles;
import com.parkwatch.vision.sim.SimulatedLot;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole engine (simulated frames, tracker, shipped model) against the simulated lot's exact ground truth, on
 * seeds the model was not trained on.
 */
class SimulatedLotEngineTest {

    private static final int STEP = 30;
    private static final int FRAMES = 4500;

    private static CombinedClassifier model;

    @BeforeAll
    static void loadModel() {
        model = ModelFiles.loadDefault();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    /** Per sampled frame: the truth and the engine's state of every spot. */
    private record Run(List<Occupancy[]> truth, List<Occupancy[]> states) {
    }

    private static Run run(long seed) {
        List<Occupancy[]> truth = new ArrayList<>();
        List<Occupancy[]> states = new ArrayList<>();
        try (SimulatedLot lot = new SimulatedLot(seed)) {
            Layout layout = lot.ownLayout().orElseThrow();
            try (OccupancyTracker tracker = new OccupancyTracker(layout, model, TrackerSettings.withStep(STEP))) {
                for (int f = 0; f < FRAMES; f++) {
                    Mat frame = lot.next();
                    Optional<LotSnapshot> sampled = tracker.accept(frame, f, f / SimulatedLot.FRAME_RATE);
                    if (sampled.isPresent()) {
                        Occupancy[] t = new Occupancy[layout.size()];
                        Occupancy[] s = new Occupancy[layout.size()];
                        for (int i = 0; i < t.length; i++) {
                            t[i] = lot.truth(i);
                            s[i] = sampled.get().spots().get(i).occupancy();
                        }
                        truth.add(t);
                        states.add(s);
                    }
                }
            }
        }
        return new Run(truth, states);
    }

    @Test
    void agreesWithGroundTruthPicksUpEveryChangeAndNeverFlickers() {
        for (long seed : new long[]{7, 42}) {
            Run run = run(seed);
            int spots = run.truth().get(0).length;
            long right = 0;
            long total = 0;
            int truthChanges = 0;
            int stateChanges = 0;
            for (int k = 1; k < run.truth().size(); k++) {
                for (int i = 0; i < spots; i++) {
                    total++;
                    if (run.states().get(k)[i] == run.truth().get(k)[i]) {
                        right++;
                    }
                    if (run.truth().get(k)[i] != run.truth().get(k - 1)[i]) {
                        truthChanges++;
                        assertPickedUpWithinTwoSteps(run, k, i, seed);
                    }
                    if (run.states().get(k)[i] != run.states().get(k - 1)[i]) {
                        stateChanges++;
                    }
                }
            }
            double agreement = (double) right / total;
            assertTrue(agreement >= 0.995, "seed " + seed + ": agreement " + agreement);
            assertTrue(truthChanges > 50, "the run should see many arrivals and departures, saw " + truthChanges);
            // No flicker: the engine changes state no more often than the lot really does.
            assertTrue(stateChanges <= truthChanges, "seed " + seed + ": " + stateChanges + " state changes for "
                    + truthChanges + " real ones");
        }
    }

    private static void assertPickedUpWithinTwoSteps(Run run, int changedAt, int spot, long seed) {
        Occupancy now = run.truth().get(changedAt)[spot];
        for (int k = changedAt; k < Math.min(changedAt + 2, run.truth().size()); k++) {
            if (run.states().get(k)[spot] == now) {
                return;
            }
            if (run.truth().get(k)[spot] != now) {
                return; // changed back before the engine could see it settle
            }
        }
        assertEquals(now, run.states().get(Math.min(changedAt + 1, run.truth().size() - 1))[spot],
                "seed " + seed + ": spot " + (spot + 1) + " became " + now + " at sample " + changedAt);
    }

    @Test
    void theSameSeedGivesTheSameFrames() {
        try (SimulatedLot a = new SimulatedLot(3); SimulatedLot b = new SimulatedLot(3)) {
            for (int f = 0; f < 200; f++) {
                Mat fa = a.next();
                Mat fb = b.next();
                if (f % 50 == 0) {
                    Mat diff = new Mat();
                    org.opencv.core.Core.absdiff(fa, fb, diff);
                    assertEquals(0, org.opencv.core.Core.countNonZero(diff.reshape(1)));
                    diff.release();
                }
            }
        }
    }
}
