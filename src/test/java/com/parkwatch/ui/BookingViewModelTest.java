package com.parkwatch.ui;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.booking.BookingService;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotState;
import com.parkwatch.lot.SpotStatus;
import com.parkwatch.watch.LotWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The booking dialog's view model on a real SQLite file, driven by plain JUnit: no FX thread, no window. */
class BookingViewModelTest {

    @TempDir
    Path dir;
    private JdbcBookingStore store;
    private LiveLot lot;
    private BookingViewModel model;

    @BeforeEach
    void lotWithTwoFreeSpotsAndOneTaken() {
        Layout layout = new Layout(640, 480, List.of(Spot.ofBox(1, new Box(0, 0, 50, 90)),
                Spot.ofBox(2, new Box(60, 0, 50, 90)), Spot.ofBox(3, new Box(120, 0, 50, 90))));
        lot = new LiveLot(layout, Clock.systemUTC(), Duration.ofHours(1));
        lot.publish(new LotSnapshot(0, 0, List.of(new SpotStatus(layout.spots().get(0), Occupancy.FREE, 1, 0),
                new SpotStatus(layout.spots().get(1), Occupancy.OCCUPIED, 1, 0),
                new SpotStatus(layout.spots().get(2), Occupancy.FREE, 1, 0))));
        lot.health(SourceHealth.live());
        store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("b.db"));
        BookingService bookings = LotWatch.bookingsFor(lot, store, Clock.systemUTC(), BookingRules.DEFAULT);
        model = new BookingViewModel(bookings, new CurrentThreadTasks());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aDriverBooksTheTappedSpotAndGetsACodeThatCancelsIt() {
        model.open(3, List.of(1, 3));
        assertEquals(BookingViewModel.Step.FORM, model.stepProperty().get());
        assertEquals(3, model.spotProperty().get(), "the tapped spot is picked");
        assertEquals(60, model.minutesProperty().get(), "an hour is offered first");

        model.plateProperty().set("x");
        model.confirm();
        assertTrue(model.errorProperty().get().contains("licence plate"), model.errorProperty().get());
        assertEquals(BookingViewModel.Step.FORM, model.stepProperty().get(), "a refusal keeps the form open");

        model.plateProperty().set("ab 12");
        model.minutesProperty().set(120);
        model.confirm();
        assertEquals(BookingViewModel.Step.RECEIPT, model.stepProperty().get());
        assertEquals(8, model.codeProperty().get().length());
        assertTrue(model.receiptProperty().get().startsWith("Spot 3 is yours until"), model.receiptProperty().get());
        assertEquals(SpotState.RESERVED, lot.view().spot(3).orElseThrow().state(), "the lot shows the booking at once");

        model.openCancel();
        model.cancelCodeProperty().set("WRONG123");
        model.cancel();
        assertEquals("No active booking has that code.", model.cancelMessageProperty().get());
        model.cancelCodeProperty().set(model.codeProperty().get().toLowerCase());
        model.cancel();
        assertEquals("Booking cancelled.", model.cancelMessageProperty().get());
        assertEquals(SpotState.FREE, lot.view().spot(3).orElseThrow().state());
    }

    @Test
    void aTakenSpotIsNotPickedAndAnEmptyLotSaysSo() {
        model.open(2, List.of(1, 3));
        assertEquals(1, model.spotProperty().get(), "the first free spot instead of the taken one");
        model.open(2, List.of());
        assertNull(model.spotProperty().get());
        assertEquals("No spot is free right now.", model.errorProperty().get());
        model.confirm();
        assertEquals("Pick a free spot.", model.errorProperty().get());
    }

    @Test
    void aBlindCameraRefusesTheBookingInWords() {
        lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, "connection refused", null));
        model.open(1, List.of(1, 3));
        model.plateProperty().set("AB 12");
        model.confirm();
        assertTrue(model.errorProperty().get().startsWith("the camera is not watching the lot right now"),
                model.errorProperty().get());
        assertEquals(BookingViewModel.Step.FORM, model.stepProperty().get());
    }
}
