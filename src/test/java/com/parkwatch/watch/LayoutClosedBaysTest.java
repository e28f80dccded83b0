package com.parkwatch.watch;

import com.parkwatch.booking.BookingRejected;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.booking.TestClock;
import com.parkwatch.lot.BayType;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bays the layout closes for good or keeps for staff are never booked, though the camera sees them free. */
class LayoutClosedBaysTest {

    @TempDir
    Path dir;

    @Test
    void aBayTheLayoutClosesOrKeepsForStaffCannotBeBookedThoughItIsSeenFree() {
        TestClock clock = new TestClock(Instant.parse("2026-11-28T08:00:00Z"));
        Layout layout = new Layout(640, 480, List.of(Spot.ofBox(1, new Box(0, 0, 50, 100)),
                Spot.ofBox(2, new Box(60, 0, 50, 100)).described("A2", null, Set.of(BayType.CLOSED)),
                Spot.ofBox(3, new Box(120, 0, 50, 100)).described("A3", null, Set.of(BayType.STAFF_ONLY)),
                Spot.ofBox(4, new Box(180, 0, 50, 100)).described("A4", null, Set.of(BayType.ACCESSIBLE))));
        LiveLot lot = new LiveLot(layout, clock, Duration.ofDays(1));
        lot.health(SourceHealth.live());
        lot.publish(new LotSnapshot(0, 0, layout.spots().stream()
                .map(s -> new SpotStatus(s, Occupancy.FREE, 0.9, 0)).toList()));
        try (JdbcBookingStore store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("bookings.db"))) {
            BookingService bookings = LotWatch.bookingsFor(lot, store, clock, BookingRules.DEFAULT);

            for (int closed : new int[]{2, 3}) {
                BookingRejected refused = assertThrows(BookingRejected.class, () -> bookings.book(closed, "AB 12" + closed, 60));
                assertEquals(BookingRejected.Reason.CLOSED, refused.reason());
            }
            assertEquals(List.of(1, 4), lot.view().freeSpotIds(), "only the bays for drivers are offered");
            bookings.book(1, "AB 121", 60);
            bookings.book(4, "AB 124", 60);
            assertEquals(2, bookings.active().size(), "an ordinary and an accessible bay are booked");
        }
    }
}
