package com.parkwatch.ui;


import com.parkwatch.booking.BookingCodes;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.Plates;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The booking dialog, touch first and three taps long: the plate on the on-screen keyboard (its limit said before
 * typing), a duration, then a summary to confirm; the receipt (spot, plate, until, code and a QR code of its phone
 * page), which leaves by itself; and the cancel card, whose keyboard has only the code's characters. A view only: it
 * binds to a {@link BookingViewModel}, which holds the state and does the work.
 */
final class BookingPanel extends Dialog {

    /** How often the receipt's count-down is brought up to date. */
    private static final Duration TICK = Duration.millis(250);
    private static final int QR_PIXELS = 220;

    BookingPanel(BookingViewModel model, Runnable changeSpot) {
        Texts t = model.texts();
        VBox plate = plateCard(model, t, changeSpot);
        VBox duration = durationCard(model, t);
        VBox summary = summaryCard(model, t, changeSpot);
        VBox receipt = receiptCard(model, t);
        VBox cancel = cancelCard(model, t);
        getChildren().addAll(plate, duration, summary, receipt, cancel);
        Timeline countDown = new Timeline(new KeyFrame(TICK, e -> model.tick()));
        countDown.setCycleCount(Timeline.INDEFINITE);
        model.stepProperty().addListener((obs, was, now) -> {
            countDown.stop();
            switch (now) {
                case CLOSED -> close();
                case PLATE -> showCard(plate);
                case DURATION -> showCard(duration);
                case SUMMARY -> showCard(summary);
                case RECEIPT -> {
                    showCard(receipt);
                    countDown.play();
                }
                case CANCEL -> showCard(cancel);
            }
        });
    }

    private static VBox plateCard(BookingViewModel model, Texts t, Runnable changeSpot) {
        TextField plate = new TextField();
        plate.setId(Ids.BOOKING_PLATE);
        plate.promptTextProperty().bind(t.bind("plate.prompt"));
        plate.textProperty().bindBidirectional(model.plateProperty());
        plate.setOnAction(e -> model.plateDone());
        Button next = button(t, "next", Ids.PLATE_NEXT, model::plateDone);
        next.getStyleClass().add("confirm");
        Label limit = text(t.bind("plate.limit", Plates.MAX_LENGTH));
        limit.setId(Ids.PLATE_LIMIT);
        Label error = message(Ids.PLATE_ERROR, model.plateErrorProperty());
        error.getStyleClass().add("error");
        Label spot = spotLine(model, t);
        VBox card = card("", new HBox(16, spot, button(t, "change.spot", Ids.CHANGE_SPOT, changeSpot)),
                new HBox(12, plate, next), limit, error,
                new OnScreenKeyboard(plate, Ids.PLATE_KEY, OnScreenKeyboard.PLATE, true),
                button(t, "close", Ids.BOOKING_CLOSE, model::close));
        title(card, t.bind("plate.title"));
        return card;
    }

    private static VBox durationCard(BookingViewModel model, Texts t) {
        FlowPane presets = new FlowPane(12, 12);
        for (int minutes : model.rules().presetMinutes()) {
            Button b = button("", Ids.duration(minutes), () -> model.chooseDuration(minutes));
            b.setText(BookingRules.label(minutes));
            b.getStyleClass().add("preset");
            presets.getChildren().add(b);
        }
        presets.setPrefWrapLength(600);
        Label chosen = text(t.bind(() -> t.get("duration.for", model.spotLabelProperty().get(), model.plateProperty().get()),
                model.spotLabelProperty(), model.plateProperty()));
        VBox card = card("", chosen, presets, new HBox(12, button(t, "back", Ids.DURATION_BACK, model::back),
                button(t, "close", Ids.DURATION_CLOSE, model::close)));
        title(card, t.bind("duration.title"));
        return card;
    }

    private static VBox summaryCard(BookingViewModel model, Texts t, Runnable changeSpot) {
        GridPane facts = new GridPane();
        facts.getStyleClass().add("facts");
        fact(facts, 0, t.bind("summary.spot"), model.spotLabelProperty(), Ids.SUMMARY_SPOT);
        fact(facts, 1, t.bind("summary.plate"), model.plateProperty(), Ids.SUMMARY_PLATE);
        fact(facts, 2, t.bind("summary.until"), t.bind(() -> model.untilProperty().get() == null ? ""
                : t.time(model.untilProperty().get()) + " (" + BookingRules.label(model.minutesProperty().get()) + ")",
                model.untilProperty(), model.minutesProperty()), Ids.SUMMARY_UNTIL);
        Label rules = text(t.bind("summary.rules", model.rules().arrivalGrace().toMinutes()));
        rules.setWrapText(true);
        rules.setMaxWidth(640);
        Label error = message(Ids.BOOKING_ERROR, model.errorProperty());
        error.getStyleClass().add("error");
        error.setMaxWidth(640);
        Button confirm = button(t, "confirm", Ids.BOOKING_CONFIRM, model::confirm);
        confirm.getStyleClass().add("confirm");
        confirm.disableProperty().bind(model.busyProperty());
        VBox card = card("", facts, rules, error, new HBox(12, confirm, button(t, "back", Ids.SUMMARY_BACK, model::back),
                button(t, "change.spot", Ids.SUMMARY_CHANGE_SPOT, changeSpot),
                button(t, "close", Ids.SUMMARY_CLOSE, model::close)));
        title(card, t.bind("summary.title"));
        return card;
    }

    private static VBox receiptCard(BookingViewModel model, Texts t) {
        var booked = model.bookedProperty();
        Label spot = text(t.bind(() -> booked.get() == null ? "" : t.get("receipt.spot", model.spotLabelProperty().get()),
                booked));
        spot.setId(Ids.RECEIPT_SPOT);
        spot.getStyleClass().add("receipt-spot");
        GridPane facts = new GridPane();
        facts.getStyleClass().add("facts");
        fact(facts, 0, t.bind("summary.plate"), t.bind(() -> booked.get() == null ? "" : booked.get().plate(), booked),
                Ids.RECEIPT_PLATE);
        fact(facts, 1, t.bind("summary.until"), t.bind(() -> booked.get() == null ? "" : t.time(booked.get().end()), booked),
                Ids.RECEIPT_UNTIL);
        Label code = text(t.bind(() -> booked.get() == null ? "" : booked.get().code(), booked));
        code.setId(Ids.BOOKING_CODE);
        code.getStyleClass().add("code");
        Label codeHint = text(t.bind("receipt.code"));
        VBox left = new VBox(10, spot, facts, codeHint, code);

        ImageView qr = new ImageView();
        qr.setId(Ids.RECEIPT_QR);
        model.receiptUrlProperty().addListener((obs, was, url) -> qr.setImage(url == null ? null : QrCode.of(url, QR_PIXELS)));
        Label scan = text(t.bind(model.webOn() ? "receipt.scan" : "receipt.web.off"));
        scan.setId(Ids.RECEIPT_PHONE);
        scan.setWrapText(true);
        scan.setMaxWidth(QR_PIXELS + 40);
        VBox right = new VBox(10, qr, scan);
        right.setAlignment(Pos.TOP_CENTER);
        qr.setVisible(model.webOn());
        qr.setManaged(model.webOn());

        Label leaves = text(t.bind(() -> t.get("receipt.leaves", model.secondsLeftProperty().get()),
                model.secondsLeftProperty()));
        leaves.setId(Ids.RECEIPT_LEAVES);
        leaves.getStyleClass().add("hint");
        Button done = button(t, "done", Ids.BOOKING_DONE, model::close);
        done.getStyleClass().add("confirm");
        VBox card = card("", new HBox(32, left, right), leaves, done);
        card.setId(Ids.RECEIPT);
        title(card, t.bind("receipt.title"));
        return card;
    }

    private static VBox cancelCard(BookingViewModel model, Texts t) {
        TextField code = new TextField();
        code.setId(Ids.CANCEL_CODE);
        code.promptTextProperty().bind(t.bind("cancel.prompt", BookingCodes.LENGTH));
        code.textProperty().bindBidirectional(model.cancelCodeProperty());
        code.setOnAction(e -> model.cancel());
        Label message = message(Ids.CANCEL_MESSAGE, model.cancelMessageProperty());
        Button cancel = button(t, "cancel.confirm", Ids.CANCEL_CONFIRM, model::cancel);
        cancel.disableProperty().bind(model.busyProperty());
        VBox card = card("", code, text(t.bind("cancel.alphabet")),
                new OnScreenKeyboard(code, Ids.CODE_KEY, OnScreenKeyboard.codeRows(BookingCodes.ALPHABET), false),
                message, new HBox(12, cancel, button(t, "close", Ids.CANCEL_CLOSE, model::close)));
        title(card, t.bind("cancel.title"));
        return card;
    }

    /** "Spot A12" in large type: the spot being booked. */
    private static Label spotLine(BookingViewModel model, Texts t) {
        Label spot = text(t.bind(() -> t.get("summary.spot") + " " + model.spotLabelProperty().get(),
                model.spotLabelProperty()));
        spot.setId(Ids.BOOKING_SPOT);
        spot.getStyleClass().add("booking-spot");
        return spot;
    }

    private static void fact(GridPane facts, int row, ObservableValue<String> name, ObservableValue<String> value, String id) {
        Label n = text(name);
        n.getStyleClass().add("fact-name");
        Label v = text(value);
        v.setId(id);
        v.getStyleClass().add("fact-value");
        facts.addRow(row, n, v);
    }

    /** A dialog title that follows the language. */
    private static void title(VBox card, ObservableValue<String> text) {
        ((Label) card.getChildren().get(0)).textProperty().bind(text);
    }

    private static Label text(ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        return label;
    }

    private static Label message(String id, ObservableValue<String> text) {
        Label label = text(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(640);
        return label;
    }

}
