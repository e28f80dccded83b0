package com.parkwatch.publish;

import com.parkwatch.booking.Alert;
import com.parkwatch.booking.Booking;
import com.parkwatch.booking.BookingRecord;
import com.parkwatch.booking.BookingService;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bookings' record read twice, and the events between the two reads. */
class BookingEventsTest {

    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");
    private final BookingEvents events = new BookingEvents((BookingService) null, Clock.systemUTC());

    private static BookingRecord record(String code, int spot, Instant arrived, Instant cancelled, Instant released) {
        return new BookingRecord(new Booking(code, spot, "AB 1", T, T.plusSeconds(3600)), "kiosk", arrived, cancelled,
                null, released);
    }

    @Test
    void whatWasThereAtTheFirstReadIsNotTold() {
        assertEquals(List.of(), events.changes(List.of(record("A", 1, null, null, null)), List.of(), T));
    }

    @Test
    void eachTransitionIsToldOnceWithItsOutcome() {
        events.changes(List.of(record("A", 1, null, null, null), record("B", 2, null, null, null)), List.of(), T);
        List<BookingEvent> next = events.changes(List.of(record("A", 1, T.plusSeconds(60), null, null),
                record("B", 2, null, null, T.plusSeconds(60)), record("C", 3, null, null, null)),
                List.of(new Alert(T.plusSeconds(30), 4, "D", "spot 4 is booked for AB 1 (code D) but another car is on it")),
                T.plusSeconds(61));
        assertEquals(List.of("arrived 1", "released 2 no-show", "booked 3", "alert 4"), next.stream()
                .map(e -> e.kind().word() + " " + e.spot() + (e.kind() == BookingEvent.Kind.RELEASED ? " " + e.outcome() : ""))
                .toList());
        assertEquals("the bay is booked but another car is on it", next.get(3).message(), "no plate, no code");
        assertEquals(List.of(), events.changes(List.of(record("A", 1, T.plusSeconds(60), null, null),
                record("B", 2, null, null, T.plusSeconds(60)), record("C", 3, null, null, null)),
                List.of(new Alert(T.plusSeconds(30), 4, "D", "x")), T.plusSeconds(62)));
        List<BookingEvent> ended = events.changes(List.of(record("C", 3, null, null, null)), List.of(), T.plusSeconds(3600));
        assertEquals("ended", ended.get(0).outcome());
    }

    @Test
    void aBookingWhoseEndMovedIsToldExtendedWithItsNewEnd() {
        events.changes(List.of(record("A", 1, null, null, null)), List.of(), T);
        BookingRecord longer = new BookingRecord(new Booking("A", 1, "AB 1", T, T.plusSeconds(5400)), "kiosk", null,
                null, null, null);
        List<BookingEvent> next = events.changes(List.of(longer), List.of(), T.plusSeconds(60));
        assertEquals(List.of(new BookingEvent(BookingEvent.Kind.EXTENDED, 1, T.plusSeconds(60), T.plusSeconds(5400),
                "extended", "")), next);
        assertEquals(List.of(), events.changes(List.of(longer), List.of(), T.plusSeconds(61)), "told once");
    }
}
