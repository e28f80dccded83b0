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
    private final Texts texts;
    private final PasswordField entered = new PasswordField();
    private final Label message = new Label();
    /** The message shown, told again when the language changes. */
    private java.util.function.Supplier<String> said = () -> "";
    private boolean checking;

    /**
     * @param correct  starts the operator's correcting of tiles
     * @param bookings opens the operator's bookings and bays
     * @param exit     leaves the kiosk
     */
    OperatorPad(OperatorPin pin, PinAttempts attempts, BackgroundTasks tasks, Texts texts, Runnable correct,
                Runnable bookings, Runnable exit) {
        this.texts = texts;
        this.pin = pin;
        this.attempts = attempts;
        this.tasks = tasks;
        entered.setId(Ids.PIN);
        entered.setEditable(false);
        message.setId(Ids.PIN_MESSAGE);
        message.getStyleClass().add("error");
        texts.languageProperty().addListener((o, was, is) -> {
            if (!message.getText().isEmpty()) {
                message.setText(said.get());
            }
        });
        GridPane pad = new GridPane();
        pad.getStyleClass().add("keyboard");
        for (int d = 1; d <= 10; d++) {
            String digit = String.valueOf(d % 10);
            Button key = button(digit, Ids.pinDigit(d % 10), () -> entered.appendText(digit));
            key.getStyleClass().add("key");
            pad.add(key, (d - 1) % 3, (d - 1) / 3);
        }
        getChildren().add(card(texts.bind("pin.title"), entered, pad, message, new HBox(12,
                button(texts, "pin.exit", Ids.PIN_EXIT, () -> withPin(exit)),
                button(texts, "pin.correct", Ids.PIN_CORRECT, () -> withPin(correct)),
                button(texts, "pin.bookings", Ids.PIN_BOOKINGS, () -> withPin(bookings)),
                button(texts, "back", Ids.PIN_CLOSE, this::close))));
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
            say("pin.wait", wait);
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
                if (attempts.wrong()) {
                    say("pin.locked");
                } else {
                    say("pin.wrong", attempts.secondsToWait());
                }
            }
        }, failure -> {
            checking = false;
            say("pin.unchecked");
        });
    }

    private void say(String key, Object... args) {
        said = () -> texts.get(key, args);
        message.setText(said.get());
    }
}
