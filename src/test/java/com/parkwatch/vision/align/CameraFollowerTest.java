package com.parkwatch.vision.align;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.vision.sim.SimulatedLot;
import com.parkwatch.vision.sim.TiledLot;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The follower on the simulated lot's frames, knocked from frame 400 on; samples every 30 frames. */
class CameraFollowerTest {

    private static final int KNOCKED_AT = 400;
    private static final Layout SQUARE = new Layout(SimulatedLot.WIDTH, SimulatedLot.HEIGHT,
            List.of(Spot.ofBox(1, new Box(600, 300, 60, 120))));

    /** What the follower saw at each sample from 0 to frame 600. */
    private static List<CameraFollower.Look> follow(CameraFollower follower, double dx, double dy, double degrees) {
        return follow(follower, dx, dy, degrees, 1);
    }

    private static List<CameraFollower.Look> follow(CameraFollower follower, double dx, double dy, double degrees,
                                                    double scale) {
        List<CameraFollower.Look> looks = new ArrayList<>();
        try (SimulatedLot lot = new SimulatedLot(7);
             Knock knock = new Knock(SimulatedLot.WIDTH, SimulatedLot.HEIGHT, dx, dy, degrees, scale)) {
            for (int f = 0; f <= 600; f++) {
                Mat frame = lot.next();
                if (f % 30 == 0) {
                    looks.add(follower.look(f < KNOCKED_AT ? frame : knock.apply(frame), f, f / SimulatedLot.FRAME_RATE));
                }
            }
        }
        return looks;
    }

    @Test
    void aKnockOfAFewPixelsIsFollowedAtTheFirstSampleAfterIt() {
        try (CameraFollower follower = new CameraFollower(SQUARE)) {
            List<CameraFollower.Look> looks = follow(follower, 12, 8, 0);
            // Samples 0..13 are frames 0..390; 14 is frame 420, the first of the knocked camera.
            assertEquals(List.of(CameraFollower.Look.STEADY), looks.subList(0, 14).stream().distinct().toList());
            assertEquals(CameraFollower.Look.MOVED, looks.get(14));
            assertEquals(List.of(CameraFollower.Look.STEADY), looks.subList(15, looks.size()).stream().distinct().toList());
            assertEquals(new Box(612, 308, 60, 120), follower.layout().spots().get(0).box());
            CameraMove move = follower.latest().orElseThrow();
            assertTrue(move.followed());
            assertEquals(420, move.frame());
            assertEquals("the camera moved 12 px right, 8 px down at 14:03; the layout followed", move.describe("14:03"));
            assertFalse(follower.lost());
        }
    }

    @Test
    void aSmallTurnIsFollowedAsATurn() {
        try (CameraFollower follower = new CameraFollower(SQUARE)) {
            follow(follower, 5, -6, 1.5);
            CameraShift shift = follower.latest().orElseThrow().shift();
            assertEquals(1.5, shift.degrees(), 0.2);
            assertEquals(5, shift.dx(), 1.5);
            assertEquals(-6, shift.dy(), 1.5);
            assertFalse(follower.layout().spots().get(0).isAxisAligned(), "a turned spot is a turned polygon");
        }
    }

    @Test
    void aTurnOfOneAndAHalfDegreesAboutTheMiddleIsFollowedAtTheFirstSampleAfterIt() {
        try (CameraFollower follower = new CameraFollower(SQUARE)) {
            List<CameraFollower.Look> looks = follow(follower, 0, 0, 1.5);
            assertEquals(List.of(CameraFollower.Look.STEADY), looks.subList(0, 14).stream().distinct().toList());
            assertEquals(CameraFollower.Look.MOVED, looks.get(14), "a turn with no shift is seen: " + looks);
            assertEquals(List.of(CameraFollower.Look.STEADY), looks.subList(15, looks.size()).stream().distinct().toList());
            CameraMove move = follower.latest().orElseThrow();
            assertEquals(1.5, move.shift().degrees(), 0.2);
            assertEquals(1, move.shift().scale(), 0.005);
            assertTrue(move.describe("14:03").matches("the camera (moved \\d px \\w+, (\\d px \\w+, )?)?turned 1\\.[3-7] degrees "
                    + "clockwise at 14:03; the layout followed"), move.describe("14:03"));
            // The spot's corner farthest from the middle moved as the picture did.
            Layout expected = new CameraShift(0, 0, 1.5).apply(SQUARE);
            assertEquals(expected.spots().get(0).centre().x(), follower.layout().spots().get(0).centre().x(), 1.5);
            assertEquals(expected.spots().get(0).centre().y(), follower.layout().spots().get(0).centre().y(), 1.5);
        }
    }

    @Test
    void aZoomOfThreePercentIsFollowedAsAZoom() {
        try (CameraFollower follower = new CameraFollower(SQUARE)) {
            List<CameraFollower.Look> looks = follow(follower, 0, 0, 0, 1.03);
            assertEquals(CameraFollower.Look.MOVED, looks.get(14), "a zoom about the middle is seen: " + looks);
            CameraMove move = follower.latest().orElseThrow();
            assertEquals(1.03, move.shift().scale(), 0.01);
            assertEquals(0, move.shift().degrees(), 0.2);
            assertTrue(move.describe("14:03").matches("the camera (moved .*, )?(turned 0.\\d degrees \\w+, )?zoomed in [23]% at 14:03; the layout followed"),
                    move.describe("14:03"));
            assertFalse(follower.lost());
            assertEquals(60 * 1.03, follower.layout().spots().get(0).box().width(), 2);
        }
    }

    @Test
    void aZoomOfTenPercentIsTooFarToFollow() {
        try (CameraFollower follower = new CameraFollower(SQUARE)) {
            List<CameraFollower.Look> looks = follow(follower, 0, 0, 0, 1.10);
            assertTrue(looks.get(15) == CameraFollower.Look.LOST, "lost within two samples: " + looks);
        }
    }

    @Test
    void eightyPixelsAreTooFarToFollow() {
        try (CameraFollower follower = new CameraFollower(SQUARE)) {
            List<CameraFollower.Look> looks = follow(follower, 80, 0, 0);
            assertEquals(CameraFollower.Look.LOST, looks.get(14));
            assertTrue(follower.lost());
            assertEquals(SQUARE, follower.layout(), "the layout stays where it was drawn");
            String said = follower.latest().orElseThrow().describe("14:03");
            assertTrue(said.matches("the camera moved too far to follow \\((79|80|81) px right\\) at 14:03: check the layout"), said);
        }
    }

    @Test
    void aTwentyDegreeTurnIsLostWithinTwoSamples() {
        try (CameraFollower follower = new CameraFollower(SQUARE)) {
            List<CameraFollower.Look> looks = follow(follower, 0, 0, 20);
            assertTrue(looks.get(14) == CameraFollower.Look.LOST || looks.get(14) == CameraFollower.Look.UNSURE,
                    "first sample after the turn: " + looks.get(14));
            assertEquals(CameraFollower.Look.LOST, looks.get(15));
            assertTrue(follower.lost());
        }
    }

    @Test
    void aJumpBackAcrossDriftTheLayoutNeverFollowedIsNoMove() {
        // A pixel of drift a sample for 12 samples, then the picture the layout was drawn on again, as a looped clip
        // starts again: the jump back was followed as 12 px left, the layout moved off the bays.
        List<CameraFollower.Look> looks = new ArrayList<>();
        try (CameraFollower follower = new CameraFollower(SQUARE); SimulatedLot lot = new SimulatedLot(7)) {
            for (int f = 0; f <= 420; f++) {
                Mat frame = lot.next();
                if (f % 30 == 0) {
                    int drift = f / 30 <= 12 ? f / 30 : 0;
                    try (Knock knock = new Knock(SimulatedLot.WIDTH, SimulatedLot.HEIGHT, drift, 0, 0)) {
                        looks.add(follower.look(knock.apply(frame), f, f / SimulatedLot.FRAME_RATE));
                    }
                }
            }
            assertEquals(List.of(CameraFollower.Look.STEADY), looks.stream().distinct().toList(), looks.toString());
            assertEquals(SQUARE, follower.layout());
            assertTrue(follower.latest().isEmpty());
        }
    }

    @Test
    void aStill4kLotOfRepeatedTilesIsNeverTakenForAMovedCamera() {
        // Read as knocks of 5 to 9 px (below a pixel of the meter's picture, 12 px here), its 10,368 spots moved.
        List<CameraFollower.Look> looks = new ArrayList<>();
        try (TiledLot lot = new TiledLot(1); CameraFollower follower = new CameraFollower(lot.layout())) {
            for (int s = 0; s <= 60; s++) {
                looks.add(follower.look(lot.advance(30), s * 30L, s / 1.0));
            }
            assertFalse(looks.contains(CameraFollower.Look.MOVED), looks.toString());
            assertFalse(looks.contains(CameraFollower.Look.LOST), looks.toString());
            assertEquals(lot.layout(), follower.layout());
        }
    }

    @Test
    void aKnockOnA4kCameraIsFollowedAtTheFirstSampleAfterIt() {
        // The simulated lot at three times its size, knocked as much: 36 px right and 24 down.
        Layout square = new Layout(3 * SimulatedLot.WIDTH, 3 * SimulatedLot.HEIGHT,
                List.of(Spot.ofBox(1, new Box(1800, 900, 180, 360))));
        Mat large = new Mat();
        List<CameraFollower.Look> looks = new ArrayList<>();
        try (CameraFollower follower = new CameraFollower(square); SimulatedLot lot = new SimulatedLot(7);
             Knock knock = new Knock(square.width(), square.height(), 36, 24, 0)) {
            for (int f = 0; f <= 480; f++) {
                Mat frame = lot.next();
                if (f % 30 == 0) {
                    Imgproc.resize(frame, large, new Size(square.width(), square.height()), 0, 0, Imgproc.INTER_LINEAR);
                    looks.add(follower.look(f < KNOCKED_AT ? large : knock.apply(large), f, f / SimulatedLot.FRAME_RATE));
                }
            }
            assertEquals(List.of(CameraFollower.Look.STEADY), looks.subList(0, 14).stream().distinct().toList());
            assertEquals(CameraFollower.Look.MOVED, looks.get(14), looks.toString());
            assertEquals(CameraFollower.Look.STEADY, looks.get(15), looks.toString());
            CameraShift shift = follower.latest().orElseThrow().shift();
            assertEquals(36, shift.dx(), 3);
            assertEquals(24, shift.dy(), 3);
        } finally {
            large.release();
        }
    }

    @Test
    void movesAddUpAboutTheFramesCentre() {
        CameraShift quarterTurn = new CameraShift(0, 0, 90);
        CameraShift total = new CameraShift(10, 0, 0).then(quarterTurn, 100, 100);
        assertEquals(0, total.dx(), 1e-9);
        assertEquals(10, total.dy(), 1e-9);
        assertEquals(90, total.degrees(), 1e-9);
    }
}
