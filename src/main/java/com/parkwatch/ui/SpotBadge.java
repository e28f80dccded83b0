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
    private final Label name;
    private final Label word;

    SpotBadge(SpotTile tile, LotViewModel model) {
        this.tile = tile;
        this.model = model;
        name = new Label(tile.labelWithSymbols());
        name.getStyleClass().add("badge-label");
        word = new Label();
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

    /** Type as large as the badge holds: the label (a few characters) larger than the state's word. */
    void fit(double width, double height) {
        double label = Math.max(10, Math.min(height / 2.6, width / Math.max(2.5, 0.62 * name.getText().length() + 0.6)));
        double stateWord = Math.max(9, Math.min(height / 4.5, width / 5.2));
        name.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.0fpx;", label));
        word.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.0fpx;", stateWord));
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
