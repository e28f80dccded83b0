package com.parkwatch.ui;

import com.parkwatch.booking.Booking;
import com.parkwatch.booking.BookingCodes;
import com.parkwatch.booking.BookingRejected;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.Plates;
import com.parkwatch.booking.StoreUnavailable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The booking dialog's state and commands, three taps from a spot to a receipt: the spot (tapped on the map, or
 * offered by "Book a spot"), the plate (checked at once, in words, at the field), the duration; then a summary to
 * confirm, and the receipt, which leaves by itself. And cancelling by code. The database work runs through
 * {@link BackgroundTasks}; the view only binds to these properties.
 */
public final class BookingViewModel {

    /** Which card the dialog shows. */
    public enum Step { CLOSED, PLATE, DURATION, SUMMARY, RECEIPT, CANCEL }

    private final BookingService bookings;
    private final BackgroundTasks tasks;
    private final Texts texts;
    private final Clock clock;
    /** Where phones reach the web pages, or null: the receipt then has no QR code. */
    private final String webBase;
    private final Duration receiptTimeout;

    // ---- properties: the view binds to these
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CLOSED);
    private final ReadOnlyStringWrapper spotLabel = new ReadOnlyStringWrapper("");
    private final StringProperty plate = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper plateError = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper minutes = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Instant> until = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Booking> booked = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper receiptUrl = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper();
    private final StringProperty cancelCode = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper cancelMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private int spotId;
    private Instant receiptShownAt;

    public BookingViewModel(BookingService bookings, BackgroundTasks tasks, Texts texts, Clock clock, String webBase,
                            Duration receiptTimeout) {
        this.bookings = bookings;
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
        this.webBase = webBase == null ? null : webBase.replaceAll("/+$", "");
        this.receiptTimeout = receiptTimeout;
    }

    // ---- commands

    /** Starts booking this spot (the caller offers only free ones): the plate comes next. */
    public void open(int id, String label) {
        spotId = id;
        spotLabel.set(label);
        plate.set("");
        plateError.set("");
        error.set("");
        minutes.set(bookings.rules().firstChoice());
        step.set(Step.PLATE);
    }

    /** The plate typed: checked here, so a refusal is said at the field before anything is booked. */
    public void plateDone() {
        String normalised = Plates.normalise(plate.get());
        var problem = Plates.problem(normalised);
        if (problem.isPresent()) {
            plateError.set(switch (problem.get()) {
                case EMPTY -> texts.get("plate.empty");
                case TOO_SHORT -> texts.get("plate.too.short");
                case TOO_LONG -> texts.get("plate.too.long", Plates.MAX_LENGTH,
                        normalised.codePointCount(0, normalised.length()));
                case NOT_A_PLATE -> texts.get("plate.not");
            });
            return;
        }
        plate.set(normalised);
        plateError.set("");
        step.set(Step.DURATION);
    }

    /** A duration tapped: the summary shows what will be booked. */
    public void chooseDuration(int chosen) {
        minutes.set(chosen);
        until.set(clock.instant().plus(Duration.ofMinutes(chosen)));
        error.set("");
        step.set(Step.SUMMARY);
    }

    /** One card back: from the duration to the plate, from the summary to the duration. */
    public void back() {
        step.set(switch (step.get()) {
            case SUMMARY -> Step.DURATION;
            default -> Step.PLATE;
        });
    }

    public void confirm() {
        int chosen = spotId;
        String typed = plate.get();
        int duration = minutes.get();
        run(() -> bookings.book(chosen, typed, duration), this::showReceipt, error::set);
    }

    private void showReceipt(Booking booking) {
        booked.set(booking);
        receiptUrl.set(webBase == null ? null : webBase + "/bookings/" + booking.code());
        receiptShownAt = clock.instant();
        secondsLeft.set((int) receiptTimeout.toSeconds());
        step.set(Step.RECEIPT);
    }

    /** The clock moved: a receipt left on screen long enough goes, so the next person cannot read its code. */
    public void tick() {
        if (step.get() != Step.RECEIPT) {
            return;
        }
        Duration left = receiptTimeout.minus(Duration.between(receiptShownAt, clock.instant()));
        if (left.isNegative() || left.isZero()) {
            close();
        } else {
            secondsLeft.set((int) Math.ceil(left.toMillis() / 1000.0));
        }
    }

    public void openCancel() {
        cancelCode.set("");
        cancelMessage.set("");
        step.set(Step.CANCEL);
    }

    public void cancel() {
        String typed = BookingCodes.normalise(cancelCode.get());
        if (typed.length() != BookingCodes.LENGTH) {
            cancelMessage.set(texts.get("cancel.length", BookingCodes.LENGTH));
            return;
        }
        run(() -> bookings.cancel(typed),
                cancelled -> cancelMessage.set(texts.get(cancelled ? "cancel.done" : "cancel.unknown")),
                cancelMessage::set);
    }

    /** Done, Close, or the receipt's time is up: the driver's plate and code leave the screen. */
    public void close() {
        step.set(Step.CLOSED);
        plate.set("");
        cancelCode.set("");
        booked.set(null);
    }

    /** Runs database work in the background; a refusal is said in words where the driver looks. */
    private <T> void run(Callable<T> work, Consumer<T> done, Consumer<String> refusal) {
        busy.set(true);
        tasks.run(work, result -> {
            busy.set(false);
            done.accept(result);
        }, failure -> {
            busy.set(false);
            refusal.accept(refusal(failure));
        });
    }

    private String refusal(Throwable failure) {
        if (failure instanceof StoreUnavailable) {
            return texts.get("refused.store");
        }
        if (!(failure instanceof BookingRejected rejected)) {
            return texts.get("refused.failed");
        }
        return switch (rejected.reason()) {
            case NOT_FREE, ALREADY_BOOKED -> texts.get("refused.taken", spotLabel.get());
            case CLOSED -> texts.get("refused.closed", spotLabel.get());
            case NOT_WATCHING -> texts.get("refused.not.watching");
            case TOO_MANY -> texts.get("refused.too.many");
            case UNKNOWN_SPOT -> texts.get("refused.unknown", spotLabel.get());
            // The rule's own sentence: the plate and the durations are checked before, so this is rare.
            case INVALID -> rejected.getMessage();
        };
    }

    // ---- read-only views

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty spotLabelProperty() {
        return spotLabel.getReadOnlyProperty();
    }

    public int spotId() {
        return spotId;
    }

    public StringProperty plateProperty() {
        return plate;
    }

    /** Why the plate typed is refused, or empty. */
    public ReadOnlyStringProperty plateErrorProperty() {
        return plateError.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty minutesProperty() {
        return minutes.getReadOnlyProperty();
    }

    /** When the booking would end, as the summary shows it. */
    public ReadOnlyObjectProperty<Instant> untilProperty() {
        return until.getReadOnlyProperty();
    }

    public BookingRules rules() {
        return bookings.rules();
    }

    /** Why the booking was refused, on the summary card, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The booking made, while its receipt is shown. */
    public ReadOnlyObjectProperty<Booking> bookedProperty() {
        return booked.getReadOnlyProperty();
    }

    /** The phone page of the receipt ({@code BASE/bookings/CODE}), or null when the web pages are off. */
    public ReadOnlyStringProperty receiptUrlProperty() {
        return receiptUrl.getReadOnlyProperty();
    }

    /** Seconds before the receipt leaves the screen. */
    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    public boolean webOn() {
        return webBase != null;
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

    public Texts texts() {
        return texts;
    }
}
