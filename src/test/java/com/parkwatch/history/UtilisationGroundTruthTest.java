package com.parkwatch.history;

import com.parkwatch.Databases;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.booking.TestClock;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.sim.SimulatedLot;
import com.parkwatch.vision.track.OccupancyTracker;
import com.parkwatch.vision.track.TrackerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole way from the camera to the report, against the simulated lot's exact ground truth: simulated frames, the
 * tracker and the shipped model, the live lot on a test clock (one frame a 30th of a second), the recorder writing
 * to a real SQLite file, and the report read back from it. Each bay's occupancy must be within 2 points of the time
 * it truly was occupied.
 */
class UtilisationGroundTruthTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final int STEP = 30;
    /** Six minutes of the lot; the report leaves out the first, while the engine first looks. */
    private static final int FRAMES = 6 * 60 * 30;
    private static final int FIRST_REPORTED = 60 * 30;

    @TempDir
    Path dir;

    @Test
    void eachBaysOccupancyIsWithinTwoPointsOfTheTruth() {
        TestClock clock = new TestClock(T0);
        JdbcBookingStore store = JdbcBookingStore.open(Databases.sqlite(dir));
        HistoryRecorder recorder = new HistoryRecorder(store, clock);
        long[] occupiedFrames;
        int truthArrivals = 0;
        try (SimulatedLot sim = new SimulatedLot(11)) {
            Layout layout = sim.ownLayout().orElseThrow();
            occupiedFrames = new long[layout.size()];
            Occupancy[] before = new Occupancy[layout.size()];
            LiveLot lot = new LiveLot(layout, clock, Duration.ofSeconds(5));
            lot.subscribe(recorder::seen);
            lot.health(SourceHealth.live());
            try (OccupancyTracker tracker = new OccupancyTracker(layout, SvmClassifier.loadDefault(),
                    TrackerSettings.withStep(STEP))) {
                for (int f = 0; f < FRAMES; f++) {
                    Instant shown = T0.plusMillis(Math.round(f * 1000 / SimulatedLot.FRAME_RATE));
                    clock.advance(Duration.between(clock.instant(), shown));
                    Optional<LotSnapshot> sampled = tracker.accept(sim.next(), f, f / SimulatedLot.FRAME_RATE);
                    sampled.ifPresent(lot::publish);
                    for (int i = 0; i < layout.size(); i++) {
                        Occupancy truth = sim.truth(i);
                        if (f >= FIRST_REPORTED) {
                            occupiedFrames[i] += truth == Occupancy.OCCUPIED ? 1 : 0;
                            truthArrivals += before[i] == Occupancy.FREE && truth == Occupancy.OCCUPIED ? 1 : 0;
                        }
                        before[i] = truth;
                    }
                    if (sampled.isPresent() && f % (10 * STEP) == 0) {
                        recorder.drain();
                    }
                }
            }
            recorder.drain();
        }
        Instant from = T0.plusSeconds(FIRST_REPORTED / 30);
        Instant to = T0.plusSeconds(FRAMES / 30);
        UtilisationReport report = Utilisation.of(store, new ReportRange(from, to), ZoneOffset.UTC);

        assertEquals(occupiedFrames.length, report.bays().size());
        double truthTotal = 0;
        for (UtilisationReport.Bay bay : report.bays()) {
            double truth = (double) occupiedFrames[bay.spot() - 1] / (FRAMES - FIRST_REPORTED);
            truthTotal += truth;
            assertEquals(1.0, bay.observed(), 0.001, "bay " + bay.spot() + " observed throughout");
            assertEquals(truth, bay.occupancy(), 0.02, "bay " + bay.spot());
        }
        assertEquals(truthTotal / report.bays().size(), report.occupancy(), 0.01, "the lot's occupancy");
        assertEquals(truthArrivals, report.arrivals(), truthArrivals * 0.05, "arrivals");
        assertEquals(0, recorder.dropped());
        assertTrue(report.peak().occupied() >= 0.8 * report.occupancy() * report.bays().size(), "a peak: " + report.peak());
        assertEquals(1, report.hours().size(), "the range's one hour");
        assertEquals(report.occupancy(), report.hours().get(0).occupancy(), 1e-9);
    }
}
