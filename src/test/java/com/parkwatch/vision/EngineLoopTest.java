package com.parkwatch.vision;

import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineLoopTest {

    private static final int STALLED = 10;
    private static final int FRAMES = 45;
    private static final long FRAME_NANOS = Math.round(1e9 / SimulatedLot.FRAME_RATE);

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    /** Records when each frame was handed over; one frame takes 100 ms, as a long step or a busy core may. */
    private static final class Recorder implements EngineLoop.SampleListener {
        final List<Long> handedOver = new ArrayList<>();

        @Override
        public void sampled(LotSnapshot snapshot, Mat frame) {
        }

        @Override
        public void frame(Mat frame, long index) {
            if (index == STALLED) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            handedOver.add(System.nanoTime());
            if (handedOver.size() == FRAMES) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void afterAStallFramesComeHalfAFrameApartAtLeastAndCatchUpWithTheClock() {
        Recorder recorder = new Recorder();
        try (SimulatedLot lot = new SimulatedLot(SimulatedLot.DEFAULT_SEED);
             OccupancyTracker tracker = new OccupancyTracker(lot.ownLayout().orElseThrow(),
                     crop -> new Verdict(Occupancy.FREE, 1), TrackerSettings.withStep(30))) {
            long started = System.nanoTime();
            new EngineLoop(lot, tracker, recorder, status -> { }).run();
            List<Long> times = recorder.handedOver;
            assertTrue(times.size() == FRAMES, "frames handed over: " + times.size());
            for (int i = STALLED + 1; i < FRAMES; i++) {
                long gap = times.get(i) - times.get(i - 1);
                // A screen refreshing 60 times a second takes each of two frames this far apart.
                assertTrue(gap >= FRAME_NANOS / 2 - 1_000_000, "frames " + (i - 1) + " and " + i + " only "
                        + gap / 1e6 + " ms apart");
            }
            long late = times.get(FRAMES - 1) - (started + FRAMES * FRAME_NANOS);
            assertTrue(late < 50_000_000, "the last frame is " + late / 1e6 + " ms behind the clock");
        }
    }
}
