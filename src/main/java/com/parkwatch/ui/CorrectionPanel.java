package com.parkwatch.ui;

import com.parkwatch.lot.Occupancy;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.util.function.BiConsumer;

/**
 * The operator's correction of one tile: what the camera says, and two large buttons for what is really there.
 * The engine learns the spot's picture, so that this camera answers so from now on.
 */
final class CorrectionPanel extends Dialog {

    private final Label title = new Label();
    private final Label says = new Label();
    private final BiConsumer<Integer, Occupancy> correct;
    private int spotId;

    /** @param correct told the spot number and its right state */
    CorrectionPanel(BiConsumer<Integer, Occupancy> correct) {
        this.correct = correct;
        title.getStyleClass().add("dialog-title");
        says.setId(Ids.CORRECTION_SAYS);
        Button free = button("Free", Ids.CORRECT_FREE, () -> choose(Occupancy.FREE));
        free.getStyleClass().add("choice");
        Button occupied = button("Occupied", Ids.CORRECT_OCCUPIED, () -> choose(Occupancy.OCCUPIED));
        occupied.getStyleClass().add("choice");
        getChildren().add(card("Correct a spot", title, says, new Label("What is there?"), new HBox(12, free, occupied),
                button("Cancel", Ids.CORRECT_CANCEL, this::close)));
    }

    void open(SpotTile tile) {
        spotId = tile.id();
        title.setText("Spot " + spotId);
        says.setText("The camera says: " + tile.stateProperty().get().word() + ".");
        showCard(getChildren().get(0));
    }

    private void choose(Occupancy truth) {
        correct.accept(spotId, truth);
        close();
    }
}
