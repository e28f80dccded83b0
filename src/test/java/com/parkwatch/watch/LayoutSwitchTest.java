package com.parkwatch.watch;

import com.parkwatch.booking.Booking;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.BayType;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotState;
import com.parkwatch.lot.SpotView;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.RtspTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A running lot takes a new layout without a restart: new spots, their labels and types, bookings kept. */
class LayoutSwitchTest {

    @TempDir
    Path dir;

    @Test
    void theEngineWatchesTheNewLayoutFromTheNextSamplesAndKeepsBookingsOnSpotsItDropped() throws Exception {
        try (JdbcBookingStore store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("b.db"));
             LotWatch watch = LotWatch.open(new WatchOptions("sim:5", 1, RtspTransport.AUTO, new SimulatedLotLayouts(),
                     SvmClassifier.loadDefault(), TrackerSettings.withStep(5), store, BookingRules.DEFAULT,
                     new CorrectionFolder(dir.resolve("corrections")), Clock.systemUTC()))) {
            AtomicReference<Layout> told = new AtomicReference<>();
            watch.onLayoutSwitched(told::set);
            watch.start();
            waitFor(() -> watch.lot().view().live() && !watch.lot().view().freeSpotIds().isEmpty());
            assertNotNull(watch.latestStill(), "a still of the camera for the editor");
            int bookedAway = watch.lot().view().freeSpotIds().stream().filter(id -> id > 10).findFirst().orElseThrow();
            Booking kept = watch.bookings().book(bookedAway, "KEEP 1", 60);

            // The first ten spots, labelled A1..A10 in reading order, the third closed for good.
            List<Spot> row = new ArrayList<>();
            List<Spot> firstTen = watch.layout().spots().subList(0, 10);
            for (int i = 0; i < firstTen.size(); i++) {
                Spot s = firstTen.get(i);
                row.add(s.described("A" + (i + 1), "North", i == 2 ? Set.of(BayType.CLOSED) : Set.of()));
            }
            Layout next = watch.layout().withSpots(row);
            watch.switchLayout(next);

            waitFor(() -> watch.lot().view().spots().size() == 10);
            assertEquals(next, watch.layout());
            assertEquals(next, told.get(), "the kiosk is told, to redraw its boxes");
            List<SpotView> spots = watch.lot().view().spots();
            assertEquals(List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10"),
                    spots.stream().map(s -> s.spot().label()).toList());
            assertEquals(SpotState.CLOSED, spots.get(2).state(), "the layout's closed bay shows closed");
            Instant switchedAt = Instant.now();
            waitFor(() -> watch.lot().view().updated().isAfter(switchedAt)
                    && watch.lot().view().spots().stream().noneMatch(s -> s.occupancy() == Occupancy.UNKNOWN));
            assertTrue(watch.lot().view().live(), "the engine goes on sampling the new spots");
            assertTrue(watch.bookings().active().contains(kept), "a booking on a spot the layout dropped is kept");
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 30 s");
            Thread.sleep(50);
        }
    }
}
