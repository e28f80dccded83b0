package com.parkwatch.ui;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.booking.TestClock;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The booking dialog's view model on a real SQLite file, driven by plain JUnit: no FX thread, no window. */
class BookingViewModelTest {

    @TempDir
    Path dir;
    private JdbcBookingStore store;
    private LiveLot lot;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T13:00:00Z"));
    private final Texts texts = new Texts(Locale.ENGLISH, ZoneOffset.UTC);
    private BookingService bookings;
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
        bookings = LotWatch.bookingsFor(lot, store, Clock.systemUTC(), BookingRules.DEFAULT);
        model = new BookingViewModel(bookings, new CurrentThreadTasks(), texts, clock, "http://10.0.0.5:8080/",
                Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aDriverBooksInThreeStepsSeesASummaryAndGetsAReceiptThatLeavesByItself() {
        model.open(3, "C");
        assertEquals(BookingViewModel.Step.PLATE, model.stepProperty().get());
        assertEquals("C", model.spotLabelProperty().get());

        model.plateProperty().set("x");
        model.plateDone();
        assertEquals("A licence plate has at least 2 letters or digits.", model.plateErrorProperty().get());
        assertEquals(BookingViewModel.Step.PLATE, model.stepProperty().get(), "a refusal is said at the field");

        model.plateProperty().set("mü-äö 12");
        model.plateDone();
        assertEquals(BookingViewModel.Step.DURATION, model.stepProperty().get());
        assertEquals("MÜ-ÄÖ 12", model.plateProperty().get(), "shown as it will be booked");

        model.chooseDuration(120);
        assertEquals(BookingViewModel.Step.SUMMARY, model.stepProperty().get());
        assertEquals(Instant.parse("2026-11-28T15:00:00Z"), model.untilProperty().get());
        assertEquals(0, bookings.active().size(), "nothing is booked before Confirm");

        model.confirm();
        assertEquals(BookingViewModel.Step.RECEIPT, model.stepProperty().get());
        String code = model.bookedProperty().get().code();
        assertEquals("MÜ-ÄÖ 12", model.bookedProperty().get().plate());
        assertEquals("http://10.0.0.5:8080/bookings/" + code, model.receiptUrlProperty().get());
        assertEquals(SpotState.RESERVED, lot.view().spot(3).orElseThrow().state(), "the lot shows the booking at once");

        clock.advance(Duration.ofSeconds(12));
        model.tick();
        assertEquals(18, model.secondsLeftProperty().get());
        clock.advance(Duration.ofSeconds(18));
        model.tick();
        assertEquals(BookingViewModel.Step.CLOSED, model.stepProperty().get(), "the receipt left by itself");
        assertNull(model.bookedProperty().get(), "its code is no longer held for the screen");
    }

    @Test
    void aPlateTooLongIsRefusedWithItsLengthNotCut() {
        model.open(1, "A");
        model.plateProperty().set("ABCDEFGHIJKLMN");
        model.plateDone();
        assertEquals("A licence plate has at most 12 characters; this one has 14.", model.plateErrorProperty().get());
        assertEquals("ABCDEFGHIJKLMN", model.plateProperty().get(), "nothing cut");
    }

    @Test
    void aCodeTypedWithLookAlikesCancelsAndAWrongOneIsSaidInWords() {
        model.open(1, "A");
        model.plateProperty().set("AB 1");
        model.plateDone();
        model.chooseDuration(60);
        model.confirm();
        String code = model.bookedProperty().get().code();
        model.close();

        model.openCancel();
        model.cancelCodeProperty().set("12");
        model.cancel();
        assertEquals("A booking code has 8 characters.", model.cancelMessageProperty().get());
        model.cancelCodeProperty().set("ZZZZZZZZ".equals(code) ? "YYYYYYYY" : "ZZZZZZZZ");
        model.cancel();
        assertEquals("No active booking has that code.", model.cancelMessageProperty().get());
        model.cancelCodeProperty().set(code.toLowerCase(Locale.ROOT).replace('1', 'i').replace('0', 'O'));
        model.cancel();
        assertEquals("Booking cancelled.", model.cancelMessageProperty().get());
        assertEquals(SpotState.FREE, lot.view().spot(1).orElseThrow().state());
    }

    @Test
    void aSpotTakenMeanwhileAndABlindCameraAreRefusedInWordsOnTheSummary() {
        model.open(2, "B");
        model.plateProperty().set("AB 12");
        model.plateDone();
        model.chooseDuration(60);
        model.confirm();
        assertEquals("Spot B was taken meanwhile: tap Change spot and pick another free one.", model.errorProperty().get());
        assertEquals(BookingViewModel.Step.SUMMARY, model.stepProperty().get());

        lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, "connection refused", null));
        model.open(1, "A");
        model.plateProperty().set("AB 12");
        model.plateDone();
        model.chooseDuration(60);
        model.confirm();
        assertTrue(model.errorProperty().get().startsWith("The camera is not watching the lot right now"),
                model.errorProperty().get());
    }

    @Test
    void inGermanTheWordsAndTheTimeFollowTheLanguage() {
        texts.use(Locale.GERMAN);
        model.open(1, "A");
        model.plateProperty().set("");
        model.plateDone();
        assertEquals("Geben Sie zuerst Ihr Kennzeichen ein.", model.plateErrorProperty().get());
        assertEquals("15:00", texts.time(Instant.parse("2026-11-28T15:00:00Z")));
        texts.use(Locale.ENGLISH);
        assertEquals("3:00 PM", texts.time(Instant.parse("2026-11-28T15:00:00Z")));
    }

    @Test
    void withTheWebOffTheReceiptHasNoAddress() {
        BookingViewModel noWeb = new BookingViewModel(bookings, new CurrentThreadTasks(), texts, clock, null,
                Duration.ofSeconds(30));
        noWeb.open(1, "A");
        noWeb.plateProperty().set("AB 1");
        noWeb.plateDone();
        noWeb.chooseDuration(60);
        noWeb.confirm();
        assertEquals(BookingViewModel.Step.RECEIPT, noWeb.stepProperty().get());
        assertNull(noWeb.receiptUrlProperty().get());
    }
}
