package com.parkwatch.watch;

import com.parkwatch.booking.TestClock;
import com.parkwatch.booking.Booking;
import com.parkwatch.booking.BookingRecord;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotState;
import com.parkwatch.lot.SpotStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.parkwatch.lot.Occupancy.FREE;
import static com.parkwatch.lot.Occupancy.OCCUPIED;
import static com.parkwatch.lot.Occupancy.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The camera's view drives the bookings: arrivals, no-shows released after the grace, taken bays alerted. */
class BookingArrivalsTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T08:00:00Z"));
    private final Layout layout = new Layout(640, 480, List.of(Spot.ofBox(1, new Box(0, 0, 50, 100)),
            Spot.ofBox(2, new Box(60, 0, 50, 100)), Spot.ofBox(3, new Box(120, 0, 50, 100))));
    private LiveLot lot;
    private BookingService bookings;

    private void open() {
        lot = new LiveLot(layout, clock, Duration.ofDays(1));
        lot.health(SourceHealth.live());
        bookings = LotWatch.bookingsFor(lot, JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("bookings.db")), clock,
                BookingRules.DEFAULT);
        // The bookings thread, run at once on the test's thread.
        BookingArrivals.watch(lot, bookings, Runnable::run);
    }

    private void see(Occupancy... states) {
        List<SpotStatus> spots = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            spots.add(new SpotStatus(layout.spots().get(i), states[i], 0.9, 0));
        }
        lot.publish(new LotSnapshot(0, 0, spots));
    }

    private BookingRecord record(Booking b) {
        return bookings.recent().stream().filter(r -> r.booking().code().equals(b.code())).findFirst().orElseThrow();
    }

    @Test
    void aBookedBayTurningOccupiedIsItsArrivalAndStaysBooked() {
        open();
        see(FREE, FREE, FREE);
        Booking b = bookings.book(1, "AB 1", 60);
        clock.advance(Duration.ofMinutes(3));
        see(OCCUPIED, FREE, FREE);
        BookingRecord arrived = record(b);
        assertEquals("arrived", arrived.state(clock.instant()));
        assertEquals(clock.instant(), arrived.arrived());
        clock.advance(Duration.ofMinutes(30));
        bookings.refresh();
        assertEquals(List.of(b), bookings.active(), "an arrived booking is never released as a no-show");
        assertTrue(bookings.alerts().isEmpty());
    }

    @Test
    void aNoShowIsReleasedAfterTheGraceAndItsBayOfferedAgain() {
        open();
        see(FREE, FREE, FREE);
        Booking b = bookings.book(2, "AB 2", 120);
        clock.advance(Duration.ofMinutes(14));
        bookings.refresh();
        assertEquals(SpotState.RESERVED, lot.view().spot(2).orElseThrow().state(), "still within the grace");
        clock.advance(Duration.ofMinutes(1));
        bookings.refresh();
        assertEquals(List.of(1, 2, 3), lot.view().freeSpotIds());
        BookingRecord released = record(b);
        assertEquals("no-show", released.state(clock.instant()));
        assertEquals(clock.instant(), released.released());
    }

    @Test
    void aBookedBaySeenOccupiedWithoutArrivingRaisesAnAlert() {
        open();
        see(FREE, FREE, FREE);
        Booking b = bookings.book(3, "AB 3", 60);
        see(FREE, FREE, UNKNOWN);
        clock.advance(Duration.ofMinutes(2));
        see(FREE, FREE, OCCUPIED);
        assertEquals(1, bookings.alerts().size());
        assertEquals(3, bookings.alerts().get(0).spot());
        assertEquals(b.code(), bookings.alerts().get(0).code());
        assertTrue(bookings.alerts().get(0).message().contains("another car"), bookings.alerts().get(0).message());
        assertEquals("booked", record(b).state(clock.instant()), "not its arrival");
        see(FREE, FREE, OCCUPIED);
        assertEquals(1, bookings.alerts().size(), "one alert per taking");
    }

    @Test
    void closedBaysSurviveARestartAndAreNeverOffered() {
        open();
        see(FREE, FREE, FREE);
        bookings.setClosed(2, true);
        assertEquals(SpotState.CLOSED, lot.view().spot(2).orElseThrow().state());
        open();
        see(FREE, FREE, FREE);
        bookings.refresh();
        assertEquals(List.of(1, 3), lot.view().freeSpotIds());
        assertEquals(List.of(2), lot.view().closedSpotIds());
        assertEquals("spot 2 is closed by the operator", org.junit.jupiter.api.Assertions.assertThrows(
                com.parkwatch.booking.BookingRejected.class, () -> bookings.book(2, "AB 9", 60)).getMessage());
        bookings.setClosed(2, false);
        assertEquals(List.of(1, 2, 3), lot.view().freeSpotIds());
        assertNotNull(bookings.book(2, "AB 9", 60));
    }
}
