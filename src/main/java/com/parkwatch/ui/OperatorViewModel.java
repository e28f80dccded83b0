package com.parkwatch.ui;

import com.parkwatch.booking.Alert;
import com.parkwatch.booking.BookingRecord;
import com.parkwatch.booking.BookingService;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The operator's bookings and bays on the kiosk: the bookings of the last day and the alerts, voiding a booking,
 * closing and opening a bay. Every database call goes through {@link BackgroundTasks}; the lists and texts change on
 * the FX thread only. Its texts follow the kiosk's language.
 */
public final class OperatorViewModel {

    /** A booking as a row shows it: its record and its state now. */
    public record Row(BookingRecord record, String state) {
        boolean voidable() {
            return state.equals("booked") || state.equals("arrived");
        }
    }

    private final BookingService bookings;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final Supplier<List<Integer>> spotIds;
    private final Texts texts;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper closed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper spot;

    /** @param spotIds the lot's spots, in the order the operator steps through them */
    public OperatorViewModel(BookingService bookings, BackgroundTasks tasks, Clock clock, Texts texts,
                             List<Integer> spotIds) {
        this(bookings, tasks, clock, texts, () -> List.copyOf(spotIds));
    }

    /**
     * @param spotIds the bays the operator may close and open, as the lot's layout has them now (it may change while
     *                the kiosk runs), in the order the operator steps through them
     */
    public OperatorViewModel(BookingService bookings, BackgroundTasks tasks, Clock clock, Texts texts,
                             Supplier<List<Integer>> spotIds) {
        this.bookings = bookings;
        this.texts = texts;
        this.tasks = tasks;
        this.clock = clock;
        this.spotIds = spotIds;
        spot = new ReadOnlyIntegerWrapper(spotIds.get().isEmpty() ? 0 : spotIds.get().get(0));
    }

    private record Everything(List<BookingRecord> bookings, List<Alert> alerts, Set<Integer> closed) {
    }

    /** Reads the bookings, the alerts and the closed bays again. */
    public void refresh() {
        tasks.run(() -> new Everything(bookings.recent(), bookings.alerts(), bookings.closedSpots()), all -> {
            Instant now = clock.instant();
            rows.setAll(all.bookings().stream().map(r -> new Row(r, r.state(now))).toList());
            alerts.setAll(all.alerts());
            closed.bind(all.closed().isEmpty() ? texts.bind("operator.closed.none") : texts.bind("operator.closed",
                    all.closed().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "))));
        }, failure -> say("operator.unreadable", failure.getMessage()));
    }

    /** A message that follows the language. */
    private void say(String key, Object... args) {
        message.bind(texts.bind(key, args));
    }

    public void voidBooking(String code) {
        tasks.run(() -> bookings.voidBooking(code), voided -> {
            say(voided ? "operator.voided" : "operator.already.ended", code);
            refresh();
        }, failure -> say("operator.not.voided", failure.getMessage()));
    }

    /** Closes the chosen bay (out of service) or opens it again. */
    public void closeBay(boolean close) {
        int chosen = spot.get();
        if (!spotIds.get().contains(chosen)) {
            say("operator.not.bay", String.valueOf(chosen));
            return;
        }
        tasks.run(() -> {
            bookings.setClosed(chosen, close);
            return chosen;
        }, done -> {
            say(close ? "operator.bay.closed" : "operator.bay.open", String.valueOf(done));
            refresh();
        }, failure -> say("operator.bay.failed", String.valueOf(chosen), failure.getMessage()));
    }

    /** Steps the chosen bay by {@code delta} spots, wrapping around the lot. */
    public void step(int delta) {
        List<Integer> ids = spotIds.get();
        if (ids.isEmpty()) {
            return;
        }
        int i = ids.indexOf(spot.get());
        spot.set(i < 0 ? ids.get(0) : ids.get(Math.floorMod(i + delta, ids.size())));
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Alert> alerts() {
        return alerts;
    }

    public ReadOnlyStringProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The texts the operator's screen shows, in the language now. */
    public Texts texts() {
        return texts;
    }

    public ReadOnlyIntegerProperty spotProperty() {
        return spot.getReadOnlyProperty();
    }
}
