package com.parkwatch.vision.track;

import com.parkwatch.vision.classify.Verdict;
import com.parkwatch.vision.image.OpenCv;
import com.parkwatch.vision.sim.SimulatedLot;

import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineLoopTest {

    private static final int STALLED = 10;
    private static final int FRAMES = 45;
    private static final long FRAME_NANOS = Math.round(1e9 / SimulatedLot.FRAME_RATE);

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    /**
     * Records when each frame was handed over; the first is held 200 ms, as the kiosk holds a file's first frame
     * until its window shows, and a later one takes 100 ms, as a long step or a busy core may.
     */
    private static final class Recorder implements EngineLoop.SampleListener {
        final List<Long> handedOver = new ArrayList<>();

        @Override
        public void sampled(LotSnapshot snapshot, Mat frame) {
        }

        @Override
        public void frame(Mat frame, long index) {
            if (index == 0 || index == STALLED) {
                try {
                    Thread.sleep(index == 0 ? 200 : 100);
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
    void theClockStartsWithTheFirstFrameAndAfterAStallFramesComeHalfAFrameApartWhileCatchingUp() throws Exception {
        Recorder recorder = new Recorder();
        try (SimulatedLot lot = new SimulatedLot(SimulatedLot.DEFAULT_SEED);
             OccupancyTracker tracker = new OccupancyTracker(lot.ownLayout().orElseThrow(),
                     crop -> new Verdict(Occupancy.FREE, 1), TrackerSettings.withStep(30))) {
            try {
                new EngineLoop(lot, tracker, recorder, EngineLoop.Pace.SOURCE_RATE).run(0, Long.MAX_VALUE);
            } catch (InterruptedException stopped) {
                // The recorder stops the loop by interrupting it, as the kiosk does when it closes.
            }
            Thread.interrupted();
            List<Long> times = recorder.handedOver;
            assertTrue(times.size() == FRAMES, "frames handed over: " + times.size());
            // The clock starts with the first frame out: no rush of frames to make up for the wait before it.
            assertTrue(times.get(1) - times.get(0) >= FRAME_NANOS - 2_000_000,
                    "the second frame came " + (times.get(1) - times.get(0)) / 1e6 + " ms after the first");
            for (int i = STALLED + 1; i < FRAMES; i++) {
                long gap = times.get(i) - times.get(i - 1);
                // A screen refreshing 60 times a second takes each of two frames this far apart.
                assertTrue(gap >= FRAME_NANOS / 2 - 1_000_000, "frames " + (i - 1) + " and " + i + " only "
                        + gap / 1e6 + " ms apart");
            }
            long late = times.get(FRAMES - 1) - (times.get(0) + (FRAMES - 1) * FRAME_NANOS);
            assertTrue(late < 50_000_000, "the last frame is " + late / 1e6 + " ms behind the clock");
        }
    }

    @Test
    void theCountersCountFramesDecodedSkippedAndAnalysedAcrossLoops() throws Exception {
        EngineCounters counters = new EngineCounters();
        EngineLoop.SampleListener samplesOnly = new EngineLoop.SampleListener() {
            @Override
            public void sampled(LotSnapshot snapshot, Mat frame) {
            }

            @Override
            public boolean looksAtEveryFrame() {
                return false;
            }
        };
        try (SimulatedLot lot = new SimulatedLot(SimulatedLot.DEFAULT_SEED);
             OccupancyTracker tracker = new OccupancyTracker(lot.ownLayout().orElseThrow(),
                     crop -> new Verdict(Occupancy.FREE, 1), TrackerSettings.withStep(30))) {
            long played = new EngineLoop(lot, tracker, samplesOnly, EngineLoop.Pace.AS_FAST_AS_DECODED, counters).run(0, 60);
            played += new EngineLoop(lot, tracker, samplesOnly, EngineLoop.Pace.AS_FAST_AS_DECODED, counters).run(60, 31);
            assertEquals(91, played);
            assertEquals(91, counters.framesDecoded(), "skipped frames are decoded too");
            assertEquals(4, counters.framesAnalysed(), "frames 0, 30, 60 and 90");
            assertTrue(counters.analysisNanos() > 0);
        }
    }
}
