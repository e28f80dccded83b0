package com.parkwatch.ui;

import com.parkwatch.Databases;
import com.parkwatch.booking.BookingEvent;
import com.parkwatch.booking.HistoryStore;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.booking.LotChange;
import com.parkwatch.booking.SpotChange;
import com.parkwatch.booking.StoreUnavailable;
import com.parkwatch.booking.TestClock;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotState;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Today and this week from a history in a real SQLite file, on a Wednesday afternoon; and a history that fails. */
class HistoryViewModelTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");

    private static final Texts ENGLISH = new Texts(Locale.ENGLISH, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Instant at(int day, int hour) {
        return MONDAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
    }

    private static SpotChange spot(Instant at, int spot, boolean occupied) {
        return new SpotChange(at, spot, occupied ? SpotState.OCCUPIED : SpotState.FREE,
                occupied ? Occupancy.OCCUPIED : Occupancy.FREE);
    }

    private JdbcBookingStore watchedSinceMonday() {
        JdbcBookingStore store = JdbcBookingStore.open(Databases.sqlite(dir));
        // Watched from Monday 08:00 (55 h of 2 bays); bay 1 taken Monday 08:00 to 20:00 and today 09:00 to 12:00; bay 2 always free.
        List<LotChange> heartbeats = new ArrayList<>();
        for (Instant t = at(0, 8); !t.isAfter(NOW); t = t.plus(Duration.ofMinutes(1))) {
            heartbeats.add(new LotChange(t, true));
        }
        store.record(List.of(spot(at(0, 8), 1, true), spot(at(0, 8), 2, false), spot(at(0, 20), 1, false),
                spot(at(2, 9), 1, true), spot(at(2, 12), 1, false)), heartbeats);
        return store;
    }

    @Test
    void showsTodayHourByHourAndTheWeekDayByDay() {
        JdbcBookingStore store = watchedSinceMonday();
        HistoryViewModel model = new HistoryViewModel(store, new CurrentThreadTasks(), new TestClock(NOW), ZoneOffset.UTC,
                ENGLISH);

        model.load();

        assertEquals(List.of("Mon 37.5", "Tue 0.0", "Wed 10.0", "Thu 0.0", "Fri 0.0", "Sat 0.0", "Sun 0.0"),
                model.week().stream().map(d -> d.getXValue() + " " + d.getYValue()).toList());
        List<XYChart.Data<Number, Number>> today = model.today();
        assertEquals(15, today.size(), "the hours watched so far today");
        assertEquals(50.0, today.get(9).getYValue().doubleValue());
        assertEquals(9.0, today.get(9).getXValue().doubleValue());
        assertEquals(0.0, today.get(12).getYValue().doubleValue());
        assertEquals("Today: 10 % occupied, busiest 1 of 2 at " + ENGLISH.time(at(2, 9)) + ", 1 arrival (0.8 a bay a day), stays 3 h 0 min",
                model.todaySummaryProperty().get());
        assertTrue(model.weekSummaryProperty().get().equals("This week: 14 % occupied, busiest 1 of 2 at " + ENGLISH.time(at(0, 8)) + ", 1 arrival (0.2 a bay a day), stays 3 h 0 min"),
                model.weekSummaryProperty().get());
        assertEquals("", model.messageProperty().get());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void speaksGermanAndFollowsTheLanguageButton() {
        Texts texts = new Texts(Locale.GERMAN, ZoneOffset.UTC);
        HistoryViewModel model = new HistoryViewModel(watchedSinceMonday(), new CurrentThreadTasks(), new TestClock(NOW),
                ZoneOffset.UTC, texts);

        model.load();

        assertEquals("Heute: 10 % belegt, am vollsten 1 von 2 um 09:00, 1 Ankunft (0,8 je Stellplatz und Tag), Parkdauer 3 Std. 0 Min.",
                model.todaySummaryProperty().get());
        assertTrue(model.weekSummaryProperty().get().startsWith("Diese Woche: 14 % belegt"), model.weekSummaryProperty().get());
        assertEquals("Mo.", model.week().get(0).getXValue());

        texts.nextLanguage();
        assertTrue(model.todaySummaryProperty().get().startsWith("Today: 10 % occupied"), "the summary follows the language");
        assertEquals("Mon", model.week().get(0).getXValue());
    }

    @Test
    void aHistoryThatCannotBeReadIsSaidInWords() {
        Texts texts = new Texts(Locale.ENGLISH, ZoneOffset.UTC);
        HistoryViewModel model = new HistoryViewModel(new Unreachable(), new CurrentThreadTasks(), new TestClock(NOW),
                ZoneOffset.UTC, texts);
        model.load();
        assertEquals("The history cannot be read right now; try again in a moment.", model.messageProperty().get());
        texts.use(Locale.GERMAN);
        assertEquals("Der Verlauf kann gerade nicht gelesen werden; versuchen Sie es gleich noch einmal.",
                model.messageProperty().get(), "the message follows the language");
        assertFalse(model.busyProperty().get(), "it can be tried again");
    }

    /** A database that does not answer. */
    private static final class Unreachable implements HistoryStore {
        private static StoreUnavailable down() {
            return new StoreUnavailable("the booking database failed: connection refused", null);
        }

        @Override
        public void record(List<SpotChange> spots, List<LotChange> lot) {
            throw down();
        }

        @Override
        public void spotChanges(Instant from, Instant to, Consumer<SpotChange> each) {
            throw down();
        }

        @Override
        public List<LotChange> lotChanges(Instant from, Instant to) {
            throw down();
        }

        @Override
        public List<BookingEvent> bookingEvents(Instant from, Instant to) {
            throw down();
        }

        @Override
        public int pruneHistory(Instant before) {
            throw down();
        }
    }
}
