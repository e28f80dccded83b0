package com.parkwatch.ui;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The kiosk's overlays: a shade over the whole window and one card at a time in its middle, each card with a large
 * title. The booking, cancel, history, correction and PIN dialogs are all one of these.
 */
abstract class Dialog extends StackPane {

    Dialog() {
        getStyleClass().add("dialog-shade");
        setVisible(false);
    }

    /** A card with a title, then the children top to bottom. */
    static VBox card(String title, Node... children) {
        Label heading = new Label(title);
        heading.getStyleClass().add("dialog-title");
        VBox card = new VBox(14, heading);
        card.getChildren().addAll(children);
        card.getStyleClass().add("dialog");
        card.setAlignment(Pos.CENTER_LEFT);
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        return card;
    }

    /** A card whose title follows the language. */
    static VBox card(ObservableValue<String> title, Node... children) {
        VBox card = card("", children);
        ((Label) card.getChildren().get(0)).textProperty().bind(title);
        return card;
    }

    /** A button whose text is a key's, following the language. */
    static Button button(Texts t, String key, String id, Runnable action) {
        Button b = button("", id, action);
        b.textProperty().bind(t.bind(key));
        return b;
    }

    static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Shows this dialog with only the given card, which must be one of its children. */
    void showCard(Node card) {
        getChildren().forEach(c -> c.setVisible(c == card));
        setVisible(true);
    }

    void close() {
        setVisible(false);
    }
}
