package com.parkwatch.ui;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Finger-sized keys that type into a text field: letters, digits, space, hyphen and backspace. */
public final class OnScreenKeyboard extends GridPane {

    private static final String[] ROWS = {"1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM"};

    /** @param idPrefix names this keyboard's keys ({@code PREFIX-A}, {@code PREFIX-space}), unique per scene */
    public OnScreenKeyboard(TextField target, String idPrefix) {
        getStyleClass().add("keyboard");
        for (int r = 0; r < ROWS.length; r++) {
            for (int c = 0; c < ROWS[r].length(); c++) {
                String key = String.valueOf(ROWS[r].charAt(c));
                add(key(key, idPrefix + "-" + key, () -> target.appendText(key)), c, r);
            }
        }
        add(key("Space", idPrefix + "-space", () -> target.appendText(" ")), 7, 3, 2, 1);
        add(key("⌫", idPrefix + "-backspace", () -> {
            String t = target.getText();
            if (!t.isEmpty()) {
                target.setText(t.substring(0, t.length() - 1));
            }
        }), 9, 3);
    }

    private static Button key(String label, String id, Runnable action) {
        Button b = new Button(label);
        b.setId(id);
        b.getStyleClass().add("key");
        b.setFocusTraversable(false);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> action.run());
        return b;
    }
}
