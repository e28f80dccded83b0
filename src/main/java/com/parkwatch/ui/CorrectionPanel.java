package com.parkwatch.ui;

import com.parkwatch.lot.Occupancy;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.BiConsumer;

/**
 * The operator's correction of one tile: what the camera says, and two large buttons for what is really there.
 * The engine learns the spot's picture, so that this camera answers so from now on.
 */
final class CorrectionPanel extends StackPane {

    private final Label title = new Label();
    private final Label says = new Label();
    private final BiConsumer<Integer, Occupancy> correct;
    private int spotId;

    /** @param correct told the spot number and its right state */
    CorrectionPanel(BiConsumer<Integer, Occupancy> correct) {
        this.correct = correct;
        getStyleClass().add("dialog-shade");
        setVisible(false);
        title.getStyleClass().add("dialog-title");
        says.setId("correction-says");
        Button free = new Button("Free");
        free.setId("correct-free");
        free.getStyleClass().add("choice");
        free.setOnAction(e -> choose(Occupancy.FREE));
        Button occupied = new Button("Occupied");
        occupied.setId("correct-occupied");
        occupied.getStyleClass().add("choice");
        occupied.setOnAction(e -> choose(Occupancy.OCCUPIED));
        Button cancel = new Button("Cancel");
        cancel.setId("correct-cancel");
        cancel.setOnAction(e -> setVisible(false));
        VBox card = new VBox(14, title, says, new Label("What is there?"), new HBox(12, free, occupied), cancel);
        card.getStyleClass().add("dialog");
        card.setAlignment(Pos.CENTER_LEFT);
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
    }

    void open(SpotTile tile) {
        spotId = tile.id();
        title.setText("Correct spot " + spotId);
        says.setText("The camera says: " + tile.stateProperty().get().word() + ".");
        setVisible(true);
    }

    private void choose(Occupancy truth) {
        correct.accept(spotId, truth);
        setVisible(false);
    }
}
