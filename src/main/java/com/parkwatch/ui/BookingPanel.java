package com.parkwatch.ui;


import com.parkwatch.booking.BookingRejected;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.StoreUnavailable;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The in-app booking dialog, touch first: the spot (pre-filled from the tapped tile), the plate through an on-screen
 * keyboard, the duration by preset buttons, then the code in large type. Also cancels a booking by its code.
 * Database work runs on a background executor; the FX thread only shows results.
 */
final class BookingPanel extends StackPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final BookingService bookings;
    private final Executor background;
    private final Runnable onChange;
    private final Supplier<List<Integer>> freeSpots;

    private final ChoiceBox<Integer> spot = new ChoiceBox<>();
    private final TextField plate = new TextField();
    private final ToggleGroup duration = new ToggleGroup();
    private final Label error = new Label();
    private final VBox form;
    private final VBox done;
    private final Label code = new Label();
    private final Label doneText = new Label();
    private final TextField cancelCode = new TextField();
    private final Label cancelMessage = new Label();
    private final VBox cancel;

    /**
     * @param onChange told after a booking is made or cancelled, on the FX thread
     */
    BookingPanel(BookingService bookings, Supplier<List<Integer>> freeSpots, Executor background, Runnable onChange) {
        this.bookings = bookings;
        this.freeSpots = freeSpots;
        this.background = background;
        this.onChange = onChange;
        getStyleClass().add("dialog-shade");
        setVisible(false);

        spot.setId("booking-spot");
        plate.setId("booking-plate");
        plate.setPromptText("Licence plate");
        HBox presets = new HBox(8);
        for (int minutes : bookings.rules().presetMinutes()) {
            ToggleButton b = new ToggleButton(BookingRules.label(minutes));
            b.setId("duration-" + minutes);
            b.setUserData(minutes);
            b.setToggleGroup(duration);
            b.getStyleClass().add("preset");
            presets.getChildren().add(b);
        }
        error.setId("booking-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        Button confirm = button("Confirm", "booking-confirm", this::confirm);
        confirm.getStyleClass().add("confirm");
        Button close = button("Close", "booking-close", this::hide);
        form = card(title("Book a spot"), new HBox(12, new Label("Spot"), spot), plate, new OnScreenKeyboard(plate, "key"),
                new Label("How long"), presets, error, new HBox(12, confirm, close));

        code.setId("booking-code");
        code.getStyleClass().add("code");
        done = card(title("Booked"), doneText, new Label("Your code: keep it to cancel"), code,
                button("Done", "booking-done", this::hide));

        cancelCode.setId("cancel-code");
        cancelCode.setPromptText("Booking code");
        cancelMessage.setId("cancel-message");
        cancelMessage.setWrapText(true);
        cancel = card(title("Cancel a booking"), cancelCode, new OnScreenKeyboard(cancelCode, "code-key"), cancelMessage,
                new HBox(12, button("Cancel booking", "cancel-confirm", this::cancelBooking),
                        button("Close", "cancel-close", this::hide)));
        getChildren().addAll(form, done, cancel);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("dialog-title");
        return l;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static VBox card(javafx.scene.Node... children) {
        VBox card = new VBox(14, children);
        card.getStyleClass().add("dialog");
        card.setAlignment(Pos.CENTER_LEFT);
        card.setMaxSize(760, USE_PREF_SIZE);
        return card;
    }

    /** Opens the booking form, with the given spot picked when it is free. */
    void book(int spotId) {
        List<Integer> free = freeSpots.get();
        spot.getItems().setAll(free);
        spot.setValue(free.contains(spotId) ? Integer.valueOf(spotId) : free.isEmpty() ? null : free.get(0));
        plate.clear();
        error.setText(free.isEmpty() ? "No spot is free right now." : "");
        int first = bookings.rules().firstChoice();
        duration.getToggles().stream().filter(t -> (int) t.getUserData() == first).findFirst()
                .ifPresent(duration::selectToggle);
        show(form);
    }

    void cancel() {
        cancelCode.clear();
        cancelMessage.setText("");
        show(cancel);
    }

    private void show(VBox card) {
        form.setVisible(card == form);
        done.setVisible(card == done);
        cancel.setVisible(card == cancel);
        setVisible(true);
    }

    void hide() {
        setVisible(false);
    }

    private void confirm() {
        Integer chosen = spot.getValue();
        if (chosen == null) {
            error.setText("Pick a free spot.");
            return;
        }
        int minutes = duration.getSelectedToggle() == null ? bookings.rules().firstChoice()
                : (int) duration.getSelectedToggle().getUserData();
        String typed = plate.getText();
        run(() -> bookings.book(chosen, typed, minutes), booking -> {
            doneText.setText("Spot " + booking.spot() + " is yours until " + TIME.format(booking.end()) + ".");
            code.setText(booking.code());
            show(done);
            onChange.run();
        }, error);
    }

    private void cancelBooking() {
        String typed = cancelCode.getText();
        run(() -> bookings.cancel(typed), cancelled -> {
            cancelMessage.setText(cancelled ? "Booking cancelled." : "No active booking has that code.");
            if (cancelled) {
                onChange.run();
            }
        }, cancelMessage);
    }

    /** Runs database work off the FX thread; shows a refusal in the given label. */
    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onDone, Label message) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            message.setText(t instanceof BookingRejected || t instanceof StoreUnavailable ? t.getMessage()
                    : "Booking failed; please try again.");
        });
        background.execute(task);
    }

}
