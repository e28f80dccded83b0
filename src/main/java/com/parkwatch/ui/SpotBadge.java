package com.parkwatch.ui;

import com.parkwatch.lot.SpotState;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.VBox;

/**
 * A spot's label with its bay symbols over its state's word, on its state's colour (grey while the lot is not live):
 * colour is never the only cue.
 */
class SpotBadge extends VBox {

    private final SpotTile tile;
    private final LotViewModel model;

    SpotBadge(SpotTile tile, LotViewModel model) {
        this.tile = tile;
        this.model = model;
        Label name = new Label(tile.labelWithSymbols());
        name.getStyleClass().add("badge-label");
        Label word = new Label();
        word.getStyleClass().add("badge-word");
        word.textProperty().bind(model.texts().bind(() -> stateWord(model.texts(), tile.stateProperty().get()),
                tile.stateProperty()));
        for (Label l : new Label[]{name, word}) {
            l.setTextOverrun(OverrunStyle.CLIP);
            l.setMinWidth(0);
        }
        getChildren().addAll(name, word);
        setAlignment(Pos.CENTER);
        getStyleClass().add("spot-badge");
        setMinSize(0, 0);
        ChangeListener<Object> restyle = (obs, was, now) -> style();
        tile.stateProperty().addListener(restyle);
        model.liveProperty().addListener(restyle);
        style();
    }

    private void style() {
        getStyleClass().removeIf(c -> c.startsWith("spot-") && !c.equals("spot-badge"));
        getStyleClass().add(model.liveProperty().get() ? "spot-" + tile.stateProperty().get().word() : "spot-stale");
    }

    /** "free", "frei". */
    static String stateWord(Texts texts, SpotState state) {
        return texts.get("state." + state.word());
    }
}
