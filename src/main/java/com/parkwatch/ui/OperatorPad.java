package com.parkwatch.ui;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * The operator's way in: a key combination (Ctrl+Alt+Q) opens this PIN pad; with the PIN from the configuration the
 * operator leaves kiosk mode or starts correcting tiles.
 */
final class OperatorPad extends StackPane {

    private final byte[] pin;
    private final PasswordField entered = new PasswordField();
    private final Label message = new Label();

    private final Runnable correct;

    /** @param correct starts the operator's correcting of tiles */
    OperatorPad(String pin, Runnable correct) {
        this.pin = pin.getBytes(StandardCharsets.UTF_8);
        this.correct = correct;
        getStyleClass().add("dialog-shade");
        setVisible(false);
        entered.setId("pin");
        entered.setEditable(false);
        message.setId("pin-message");
        message.getStyleClass().add("error");
        GridPane pad = new GridPane();
        pad.getStyleClass().add("keyboard");
        for (int d = 1; d <= 10; d++) {
            String digit = String.valueOf(d % 10);
            Button key = new Button(digit);
            key.setId("pin-" + digit);
            key.getStyleClass().add("key");
            key.setOnAction(e -> entered.appendText(digit));
            pad.add(key, (d - 1) % 3, (d - 1) / 3);
        }
        Button leave = new Button("Exit kiosk");
        leave.setId("pin-confirm");
        leave.setOnAction(e -> withPin(Platform::exit));
        Button corrections = new Button("Correct spots");
        corrections.setId("pin-correct");
        corrections.setOnAction(e -> withPin(() -> {
            setVisible(false);
            this.correct.run();
        }));
        Button back = new Button("Back");
        back.setId("pin-close");
        back.setOnAction(e -> setVisible(false));
        Label title = new Label("Operator PIN");
        title.getStyleClass().add("dialog-title");
        VBox card = new VBox(14, title, entered, pad, message, new HBox(12, leave, corrections, back));
        card.getStyleClass().add("dialog");
        card.setAlignment(Pos.CENTER_LEFT);
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
    }

    void open() {
        entered.clear();
        message.setText("");
        setVisible(true);
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
