package com.parkwatch.ui;

import com.parkwatch.booking.Booking;
import com.parkwatch.booking.BookingRejected;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.StoreUnavailable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The booking dialog's state and commands: the spot, the plate and the duration the driver picks, the refusal in
 * words, the code once booked; and cancelling by code. The database work runs through {@link BackgroundTasks}; the
 * view only binds to these properties.
 */
public final class BookingViewModel {

    /** Which card the dialog shows. */
    public enum Step { CLOSED, FORM, RECEIPT, CANCEL }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final BookingService bookings;
    private final BackgroundTasks tasks;

    // ---- properties: the view binds to these
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CLOSED);
    private final ObservableList<Integer> freeSpots = FXCollections.observableArrayList();
    private final ObservableList<Integer> freeSpotsView = FXCollections.unmodifiableObservableList(freeSpots);
    private final ObjectProperty<Integer> spot = new SimpleObjectProperty<>();
    private final StringProperty plate = new SimpleStringProperty("");
    private final IntegerProperty minutes = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper receipt = new ReadOnlyStringWrapper("");
    private final StringProperty cancelCode = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper cancelMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public BookingViewModel(BookingService bookings, BackgroundTasks tasks) {
        this.bookings = bookings;
        this.tasks = tasks;
    }

    // ---- commands

    /** Opens the form with this spot picked when it is among the free ones, else the first free one. */
    public void open(int spotId, List<Integer> free) {
        freeSpots.setAll(free);
        spot.set(free.contains(spotId) ? Integer.valueOf(spotId) : free.isEmpty() ? null : free.get(0));
        plate.set("");
        minutes.set(bookings.rules().firstChoice());
        error.set(free.isEmpty() ? "No spot is free right now." : "");
        step.set(Step.FORM);
    }

    public void confirm() {
        Integer chosen = spot.get();
        if (chosen == null) {
            error.set("Pick a free spot.");
            return;
        }
        String typed = plate.get();
        int duration = minutes.get();
        run(() -> bookings.book(chosen, typed, duration), this::booked, error::set);
    }

    private void booked(Booking booking) {
        receipt.set("Spot " + booking.spot() + " is yours until " + TIME.format(booking.end()) + ".");
        code.set(booking.code());
        step.set(Step.RECEIPT);
    }

    public void openCancel() {
        cancelCode.set("");
        cancelMessage.set("");
        step.set(Step.CANCEL);
    }

    public void cancel() {
        String typed = cancelCode.get();
        run(() -> bookings.cancel(typed),
                cancelled -> cancelMessage.set(cancelled ? "Booking cancelled." : "No active booking has that code."),
                cancelMessage::set);
    }

    public void close() {
        step.set(Step.CLOSED);
    }

    /** Runs database work in the background; a refusal is said in words where the driver looks. */
    private <T> void run(Callable<T> work, Consumer<T> done, Consumer<String> refusal) {
        busy.set(true);
        tasks.run(work, result -> {
            busy.set(false);
            done.accept(result);
        }, failure -> {
            busy.set(false);
            refusal.accept(failure instanceof BookingRejected || failure instanceof StoreUnavailable
                    ? failure.getMessage() : "Booking failed; please try again.");
        });
    }

    // ---- read-only views

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObservableList<Integer> freeSpots() {
        return freeSpotsView;
    }

    public ObjectProperty<Integer> spotProperty() {
        return spot;
    }

    public StringProperty plateProperty() {
        return plate;
    }

    public IntegerProperty minutesProperty() {
        return minutes;
    }

    public BookingRules rules() {
        return bookings.rules();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty receiptProperty() {
        return receipt.getReadOnlyProperty();
    }

    public StringProperty cancelCodeProperty() {
        return cancelCode;
    }

    public ReadOnlyStringProperty cancelMessageProperty() {
        return cancelMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
