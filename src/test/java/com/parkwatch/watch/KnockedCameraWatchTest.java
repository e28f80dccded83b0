package com.parkwatch.watch;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.vision.align.KnockedClip;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.Verdict;
import com.parkwatch.vision.sim.SimulatedLot;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.RtspTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A running lot on a clip of the simulated lot (640x360, 10 fps, a sample a second) whose camera is knocked at
 * frame 30: every output reads the source's health, so the kiosk and /parking_status say what it says.
 */
class KnockedCameraWatchTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;

    @TempDir
    Path dir;

    private LotView watchUntil(double dx, double dy, Predicate<LotView> seen) throws Exception {
        Path clip;
        Layout layout;
        try (SimulatedLot sim = new SimulatedLot(3)) {
            layout = sim.ownLayout().orElseThrow().fittedTo(WIDTH, HEIGHT);
            clip = KnockedClip.write(sim, dir.resolve("knocked.mp4"), WIDTH, HEIGHT, 10, 3, 80, 30, dx, dy, 0);
        }
        WatchOptions.Layouts layouts = new WatchOptions.Layouts() {
            @Override
            public Layout fittedTo(FrameSource source) {
                return layout;
            }

            @Override
            public Layout beforeSource() {
                return layout;
            }
        };
        try (JdbcBookingStore store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("bookings.db"));
             LotWatch watch = LotWatch.open(new WatchOptions(clip.toString(), 1, RtspTransport.AUTO, layouts,
                     crop -> new Verdict(Occupancy.FREE, 1), TrackerSettings.withStep(10), store, BookingRules.DEFAULT,
                     new CorrectionFolder(dir.resolve("c")), Clock.systemUTC()))) {
            watch.start();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < end) {
                LotView view = watch.lot().view();
                if (seen.test(view)) {
                    return view;
                }
                if (view.source().state() == SourceHealth.State.ENDED) {
                    fail("the clip ended first; the lot said: " + view.source().describe());
                }
                Thread.sleep(50);
            }
            fail("not seen within 20 s: " + watch.lot().view().source().describe());
            return null;
        }
    }

    @Test
    void aFollowedKnockIsTheLiveLotsNote() throws Exception {
        LotView view = watchUntil(6, 4, v -> v.source().state() == SourceHealth.State.LIVE && !v.source().reason().isEmpty());
        assertTrue(view.live());
        assertEquals(SourceHealth.State.LIVE, view.source().state());
        assertTrue(view.source().reason().matches("the camera moved [5-7] px right, [3-5] px down at \\d\\d:\\d\\d; the layout followed"),
                view.source().reason());
    }

    @Test
    void aLargeMoveMakesTheLotNotLiveAndAsksToCheckTheLayout() throws Exception {
        LotView view = watchUntil(40, 0, v -> v.source().state() == SourceHealth.State.FAILED);
        assertFalse(view.live());
        assertTrue(view.source().reason().matches("the camera moved too far to follow \\(\\d\\d px right\\) at \\d\\d:\\d\\d: check the layout"),
                view.source().reason());
    }
}
