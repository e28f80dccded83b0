package com.parkwatch.ui;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Finger-sized keys that type into a text field: the given rows of characters, then space (if any) and backspace. */
public final class OnScreenKeyboard extends GridPane {

    /** A plate's keys: digits, Latin letters, the hyphen, and a row of the letters with diacritics plates carry. */
    public static final String[] PLATE = {"1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM", "ÄÖÜÅÉÈÇÑØ"};

    /** A booking code's keys: only the characters codes are made of (no I, L, O, U to misread). */
    static String[] codeRows(String alphabet) {
        int rows = (alphabet.length() + 9) / 10;
        String[] split = new String[rows];
        for (int r = 0; r < rows; r++) {
            split[r] = alphabet.substring(r * 10, Math.min(alphabet.length(), r * 10 + 10));
        }
        return split;
    }

    /** @param idPrefix names this keyboard's keys ({@code PREFIX-A}, {@code PREFIX-space}), unique per scene */
    public OnScreenKeyboard(TextField target, String idPrefix, String[] rows, boolean space) {
        getStyleClass().add("keyboard");
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length(); c++) {
                String key = String.valueOf(rows[r].charAt(c));
                add(key(key, idPrefix + "-" + key, () -> target.appendText(key)), c, r);
            }
        }
        int last = rows.length - 1;
        int free = rows[last].length();
        if (space) {
            // Beside the shortest row, so the keyboard keeps its height.
            int row = shortest(rows);
            add(key("␣", idPrefix + "-space", () -> target.appendText(" ")), rows[row].length(), row, 2, 1);
            if (row == last) {
                free += 2;
            }
        }
        add(key("⌫", idPrefix + "-backspace", () -> {
            String t = target.getText();
            if (!t.isEmpty()) {
                target.setText(t.substring(0, t.offsetByCodePoints(t.length(), -1)));
            }
        }), Math.max(free, 9), last, 1, 1);
    }

    private static int shortest(String[] rows) {
        int shortest = 0;
        for (int r = 1; r < rows.length; r++) {
            if (rows[r].length() < rows[shortest].length()) {
                shortest = r;
            }
        }
        return shortest;
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
