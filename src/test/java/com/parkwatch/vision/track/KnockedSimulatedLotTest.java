package com.parkwatch.vision.track;

import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.StateChanges;
import com.parkwatch.vision.align.CameraMove;
import com.parkwatch.vision.align.Knock;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.sim.SimulatedLot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine on the simulated lot whose camera is knocked at frame 400 (samples every 30 frames: 390, 420, 450 ...),
 * against the same lot seen by a camera that stayed put.
 */
class KnockedSimulatedLotTest {

    private static final int STEP = 30;
    private static final int FRAMES = 900;
    private static final int KNOCKED_AT = 400;

    private static SvmClassifier model;

    @BeforeAll
    static void loadModel() {
        model = SvmClassifier.loadDefault();
    }

    private record Run(List<LotSnapshot> samples, List<Occupancy[]> truth, CameraMove move, boolean lost) {
    }

    private static Run run(double dx, double dy, double degrees) {
        List<LotSnapshot> samples = new ArrayList<>();
        List<Occupancy[]> truth = new ArrayList<>();
        try (SimulatedLot lot = new SimulatedLot(42);
             Knock knock = new Knock(SimulatedLot.WIDTH, SimulatedLot.HEIGHT, dx, dy, degrees);
             OccupancyTracker tracker = new OccupancyTracker(lot.ownLayout().orElseThrow(), model,
                     TrackerSettings.withStep(STEP))) {
            for (int f = 0; f < FRAMES; f++) {
                Mat frame = lot.next();
                tracker.accept(f < KNOCKED_AT ? frame : knock.apply(frame), f, f / SimulatedLot.FRAME_RATE)
                        .ifPresent(s -> {
                            samples.add(s);
                            Occupancy[] t = new Occupancy[s.total()];
                            for (int i = 0; i < t.length; i++) {
                                t[i] = lot.truth(i);
                            }
                            truth.add(t);
                        });
            }
            return new Run(samples, truth, tracker.cameraMove().orElse(null), tracker.cameraLost());
        }
    }

    private static double agreement(Run run, int fromSample) {
        long right = 0;
        long total = 0;
        for (int k = fromSample; k < run.samples().size(); k++) {
            for (int i = 0; i < run.truth().get(k).length; i++) {
                total++;
                right += run.samples().get(k).spots().get(i).occupancy() == run.truth().get(k)[i] ? 1 : 0;
            }
        }
        return (double) right / total;
    }

    @Test
    void theSpotsFollowAShiftWithoutAnySpotChangingStateAtIt() {
        Run knocked = run(12, 8, 0);
        assertEquals(420, knocked.move().frame(), "followed at the first sample after the knock");
        assertEquals(12, knocked.move().shift().dx(), 1.5);
        assertEquals(8, knocked.move().shift().dy(), 1.5);
        followedWithoutFlips(knocked);
    }

    @Test
    void theSpotsFollowATurnOfOneAndAHalfDegreesAboutTheMiddleWithoutAnySpotChangingStateAtIt() {
        Run knocked = run(0, 0, 1.5);
        assertTrue(knocked.move().frame() <= 450, "followed within two samples of the knock, at " + knocked.move().frame());
        assertEquals(1.5, knocked.move().shift().degrees(), 0.2);
        followedWithoutFlips(knocked);
    }

    /** Followed, states held across the move, as right after it as the unknocked lot, no flips beyond its own. */
    private static void followedWithoutFlips(Run knocked) {
        Run steady = run(0, 0, 0);
        assertTrue(knocked.move().followed());
        assertFalse(knocked.lost());
        // Samples 13 and 14 are frames 390 and 420: states held across the move.
        assertEquals(knocked.samples().get(13).freeSpotIds(), knocked.samples().get(14).freeSpotIds());
        double before = agreement(steady, 15);
        double after = agreement(knocked, 15);
        assertTrue(after >= before - 0.005, "after the knock " + after + " of spot-samples right, unknocked " + before);
        StateChanges changes = new StateChanges();
        knocked.samples().forEach(changes::record);
        StateChanges unknocked = new StateChanges();
        steady.samples().forEach(unknocked::record);
        assertTrue(changes.bySpot().values().stream().mapToInt(Integer::intValue).sum()
                        <= unknocked.bySpot().values().stream().mapToInt(Integer::intValue).sum(),
                "no flips beyond the lot's own changes: " + changes.bySpot() + " against " + unknocked.bySpot());
    }

    @Test
    void eightyPixelsLoseTheCameraAndHoldTheStates() {
        Run knocked = run(80, 0, 0);
        assertTrue(knocked.lost());
        assertFalse(knocked.move().followed());
        assertEquals(420, knocked.move().frame());
        List<LotSnapshot> afterwards = knocked.samples().subList(13, knocked.samples().size());
        for (LotSnapshot s : afterwards) {
            assertEquals(afterwards.get(0).freeSpotIds(), s.freeSpotIds(), "held at frame " + s.frame());
        }
    }
}
