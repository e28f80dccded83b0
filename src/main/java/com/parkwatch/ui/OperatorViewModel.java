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
 * the FX thread only.
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
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper closed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper spot;

    /** @param spotIds the lot's spots, in the order the operator steps through them */
    public OperatorViewModel(BookingService bookings, BackgroundTasks tasks, Clock clock, List<Integer> spotIds) {
        this(bookings, tasks, clock, () -> List.copyOf(spotIds));
    }

    /**
     * @param spotIds the bays the operator may close and open, as the lot's layout has them now (it may change while
     *                the kiosk runs), in the order the operator steps through them
     */
    public OperatorViewModel(BookingService bookings, BackgroundTasks tasks, Clock clock, Supplier<List<Integer>> spotIds) {
        this.bookings = bookings;
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
            closed.set(all.closed().isEmpty() ? "No bay is closed." : "Closed bays: "
                    + all.closed().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
        }, failure -> message.set("The bookings cannot be read now: " + failure.getMessage()));
    }

    public void voidBooking(String code) {
        tasks.run(() -> bookings.voidBooking(code), voided -> {
            message.set(voided ? "Booking " + code + " voided." : "Booking " + code + " had already ended.");
            refresh();
        }, failure -> message.set("The booking was not voided: " + failure.getMessage()));
    }

    /** Closes the chosen bay (out of service) or opens it again. */
    public void closeBay(boolean close) {
        int chosen = spot.get();
        if (!spotIds.get().contains(chosen)) {
            message.set("Spot " + chosen + " is not one the operator opens or closes: the lot's layout closes it or keeps it for staff.");
            return;
        }
        tasks.run(() -> {
            bookings.setClosed(chosen, close);
            return chosen;
        }, done -> {
            message.set("Spot " + done + (close ? " closed." : " open again."));
            refresh();
        }, failure -> message.set("Spot " + chosen + " was not changed: " + failure.getMessage()));
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

    public ReadOnlyIntegerProperty spotProperty() {
        return spot.getReadOnlyProperty();
    }
}
