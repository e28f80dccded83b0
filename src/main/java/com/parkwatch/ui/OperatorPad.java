package com.parkwatch.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * The operator's way in: a key combination (Ctrl+Alt+Q) opens this PIN pad; with the PIN from the configuration the
 * operator leaves kiosk mode or starts correcting tiles.
 */
final class OperatorPad extends Dialog {

    private final byte[] pin;
    private final PasswordField entered = new PasswordField();
    private final Label message = new Label();

    /**
     * @param correct starts the operator's correcting of tiles
     * @param exit    leaves the kiosk
     */
    OperatorPad(String pin, Runnable correct, Runnable exit) {
        this.pin = pin.getBytes(StandardCharsets.UTF_8);
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
                button("Correct spots", Ids.PIN_CORRECT, () -> withPin(() -> {
                    close();
                    correct.run();
                })),
                button("Back", Ids.PIN_CLOSE, this::close))));
    }

    void open() {
        entered.clear();
        message.setText("");
        showCard(getChildren().get(0));
    }

    private void withPin(Runnable action) {
        // Constant-time comparison: the PIN is the only thing guarding the kiosk.
        if (MessageDigest.isEqual(pin, entered.getText().getBytes(StandardCharsets.UTF_8))) {
            action.run();
        } else {
            entered.clear();
            message.setText("Wrong PIN.");
        }
    }
}
