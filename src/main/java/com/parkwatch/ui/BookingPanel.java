package com.parkwatch.ui;

import com.parkwatch.booking.BookingRules;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The booking dialog, touch first: the spot (pre-filled from the tapped tile), the plate through an on-screen
 * keyboard, the duration by preset buttons, then the code in large type; and the cancel card. A view only: it binds
 * to a {@link BookingViewModel}, which holds the state and does the work.
 */
final class BookingPanel extends Dialog {

    BookingPanel(BookingViewModel model) {
        ChoiceBox<Integer> spot = new ChoiceBox<>(model.freeSpots());
        spot.setId(Ids.BOOKING_SPOT);
        spot.valueProperty().bindBidirectional(model.spotProperty());
        TextField plate = new TextField();
        plate.setId(Ids.BOOKING_PLATE);
        plate.setPromptText("Licence plate");
        plate.textProperty().bindBidirectional(model.plateProperty());
        ToggleGroup duration = new ToggleGroup();
        HBox presets = new HBox(8);
        for (int minutes : model.rules().presetMinutes()) {
            ToggleButton b = new ToggleButton(BookingRules.label(minutes));
            b.setId(Ids.duration(minutes));
            b.setUserData(minutes);
            b.setToggleGroup(duration);
            b.getStyleClass().add("preset");
            presets.getChildren().add(b);
        }
        duration.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.minutesProperty().set((int) now.getUserData());
            }
        });
        model.minutesProperty().addListener((obs, was, now) -> duration.getToggles().stream()
                .filter(t -> (int) t.getUserData() == now.intValue()).findFirst().ifPresent(duration::selectToggle));
        Label error = message(Ids.BOOKING_ERROR, model.errorProperty());
        error.getStyleClass().add("error");
        Button confirm = button("Confirm", Ids.BOOKING_CONFIRM, model::confirm);
        confirm.getStyleClass().add("confirm");
        confirm.disableProperty().bind(model.busyProperty());
        VBox form = card("Book a spot", new HBox(12, new Label("Spot"), spot), plate,
                new OnScreenKeyboard(plate, Ids.PLATE_KEY), new Label("How long"), presets, error,
                new HBox(12, confirm, button("Close", Ids.BOOKING_CLOSE, model::close)));

        Label code = message(Ids.BOOKING_CODE, model.codeProperty());
        code.getStyleClass().add("code");
        VBox receipt = card("Booked", message("booking-receipt", model.receiptProperty()),
                new Label("Your code: keep it to cancel"), code, button("Done", Ids.BOOKING_DONE, model::close));

        TextField cancelCode = new TextField();
        cancelCode.setId(Ids.CANCEL_CODE);
        cancelCode.setPromptText("Booking code");
        cancelCode.textProperty().bindBidirectional(model.cancelCodeProperty());
        VBox cancel = card("Cancel a booking", cancelCode, new OnScreenKeyboard(cancelCode, Ids.CODE_KEY),
                message(Ids.CANCEL_MESSAGE, model.cancelMessageProperty()),
                new HBox(12, button("Cancel booking", Ids.CANCEL_CONFIRM, model::cancel),
                        button("Close", Ids.CANCEL_CLOSE, model::close)));
        getChildren().addAll(form, receipt, cancel);
        model.stepProperty().addListener((obs, was, now) -> {
            switch (now) {
                case CLOSED -> close();
                case FORM -> showCard(form);
                case RECEIPT -> showCard(receipt);
                case CANCEL -> showCard(cancel);
            }
        });
    }

    private static Label message(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }
}
