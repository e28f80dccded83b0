package com.parkwatch.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/**
 * The operator's way in: a key combination (Ctrl+Alt+Q) opens this PIN pad; with the PIN the operator leaves kiosk
 * mode, starts correcting tiles or manages the bookings and bays. The PIN is checked against its salted hash off the
 * FX thread; wrong PINs slow the pad down and five in a row lock it for a minute ({@link PinAttempts}).
 */
final class OperatorPad extends Dialog {

    private final OperatorPin pin;
    private final PinAttempts attempts;
    private final BackgroundTasks tasks;
    private final PasswordField entered = new PasswordField();
    private final Label message = new Label();
    private boolean checking;

    /**
     * @param correct  starts the operator's correcting of tiles
     * @param bookings opens the operator's bookings and bays
     * @param exit     leaves the kiosk
     */
    OperatorPad(OperatorPin pin, PinAttempts attempts, BackgroundTasks tasks, Runnable correct, Runnable bookings,
                Runnable exit) {
        this.pin = pin;
        this.attempts = attempts;
        this.tasks = tasks;
        entered.setId(Ids.PIN);
        entered.setEditable(false);
        message.setId(Ids.PIN_MESSAGE);
        message.getStyleClass().add("error");
        GridPane pad = new GridPane();
        pad.getStyleClass().add("keyboard");
        for (int d = 1; d <= 10; d++) {
            String digit = String.valueOf(d % 10);
            Button key = button(digit, Ids.pinDigit(d % 10), () -> entered.appendText(digit));
            key.getStyleClass().add("key");
            pad.add(key, (d - 1) % 3, (d - 1) / 3);
        }
        getChildren().add(card("Operator PIN", entered, pad, message, new HBox(12,
                button("Exit kiosk", Ids.PIN_EXIT, () -> withPin(exit)),
                button("Correct spots", Ids.PIN_CORRECT, () -> withPin(correct)),
                button("Bookings and bays", Ids.PIN_BOOKINGS, () -> withPin(bookings)),
                button("Back", Ids.PIN_CLOSE, this::close))));
    }

    void open() {
        entered.clear();
        message.setText("");
        showCard(getChildren().get(0));
    }

    private void withPin(Runnable action) {
        long wait = attempts.secondsToWait();
        if (wait > 0) {
            entered.clear();
            message.setText("Too many wrong PINs: try again in " + wait + " s.");
            return;
        }
        if (checking) {
            return;
        }
        checking = true;
        String typed = entered.getText();
        entered.clear();
        tasks.run(() -> pin.matches(typed), right -> {
            checking = false;
            if (right) {
                attempts.right();
                close();
                action.run();
            } else {
                message.setText(attempts.wrong() ? "Wrong PIN. Locked for a minute."
                        : "Wrong PIN. Wait " + attempts.secondsToWait() + " s.");
            }
        }, failure -> {
            checking = false;
            message.setText("The PIN could not be checked.");
        });
    }
}
