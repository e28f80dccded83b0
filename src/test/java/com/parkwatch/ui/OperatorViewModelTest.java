package com.parkwatch.ui;

import com.parkwatch.booking.Booking;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Occupancy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's bookings and bays, driven without a screen. */
class OperatorViewModelTest {

    private static final Texts ENGLISH = new Texts(Locale.ENGLISH);

    @TempDir
    Path dir;

    @Test
    void listsVoidsAndClosesBays() {
        BookingService bookings = new BookingService(JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("b.db")),
                spot -> spot >= 1 && spot <= 3 ? Optional.of(Occupancy.FREE) : Optional.empty(), Clock.systemUTC());
        Booking b = bookings.book(2, "AB 1", 60);
        OperatorViewModel model = new OperatorViewModel(bookings, new CurrentThreadTasks(), Clock.systemUTC(), ENGLISH, List.of(1, 2, 3));
        model.refresh();
        assertEquals(1, model.rows().size());
        assertEquals("booked", model.rows().get(0).state());
        assertTrue(model.rows().get(0).voidable());
        assertEquals("No bay is closed.", model.closedProperty().get());

        model.voidBooking(b.code());
        assertEquals("Booking " + b.code() + " voided.", model.messageProperty().get());
        assertEquals("voided", model.rows().get(0).state());
        assertFalse(model.rows().get(0).voidable());
        assertTrue(bookings.active().isEmpty());

        model.step(-1);
        assertEquals(3, model.spotProperty().get(), "stepping wraps around the lot");
        model.closeBay(true);
        assertEquals("Closed bays: 3", model.closedProperty().get());
        assertEquals("Spot 3 closed.", model.messageProperty().get());
        model.closeBay(false);
        assertEquals("No bay is closed.", model.closedProperty().get());
    }

    @Test
    void baysTheLayoutClosesAreNeitherOfferedNorReopened() {
        BookingService bookings = new BookingService(JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("b.db")),
                spot -> Optional.of(Occupancy.FREE), Clock.systemUTC());
        java.util.concurrent.atomic.AtomicReference<List<Integer>> forDrivers = new java.util.concurrent.atomic.AtomicReference<>(
                List.of(1, 2, 3));
        OperatorViewModel model = new OperatorViewModel(bookings, new CurrentThreadTasks(), Clock.systemUTC(), ENGLISH, forDrivers::get);
        model.step(1);
        assertEquals(2, model.spotProperty().get());
        // The operator saves a layout that closes bay 2 for good.
        forDrivers.set(List.of(1, 3));
        model.closeBay(false);
        assertEquals("Spot 2 is not one the operator opens or closes: the lot's layout closes it or keeps it for staff.",
                model.messageProperty().get());
        model.step(1);
        assertEquals(1, model.spotProperty().get(), "from a bay the layout took away, back to the first");
        model.step(1);
        assertEquals(3, model.spotProperty().get(), "bay 2 is skipped");
    }

    @Test
    void speaksGermanAndFollowsTheLanguageButton() {
        BookingService bookings = new BookingService(JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("b.db")),
                spot -> Optional.of(Occupancy.FREE), Clock.systemUTC());
        Booking b = bookings.book(1, "AB 1", 60);
        Texts texts = new Texts(Locale.GERMAN);
        OperatorViewModel model = new OperatorViewModel(bookings, new CurrentThreadTasks(), Clock.systemUTC(), texts, List.of(1, 2));
        model.refresh();
        assertEquals("Kein Stellplatz ist gesperrt.", model.closedProperty().get());
        model.voidBooking(b.code());
        assertEquals("Buchung " + b.code() + " aufgehoben.", model.messageProperty().get());
        model.step(1);
        model.closeBay(true);
        assertEquals("Platz 2 gesperrt.", model.messageProperty().get());
        assertEquals("Gesperrte Stellplätze: 2", model.closedProperty().get());

        texts.nextLanguage();
        assertEquals("Spot 2 closed.", model.messageProperty().get(), "the message shown follows the language");
        assertEquals("Closed bays: 2", model.closedProperty().get());
    }
}
