package com.parkwatch.ui;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The list of spot tiles, in reading order: label and bay symbols, state by colour and word, and how long in that
 * state. Tapping a tile reports it. Shows the same tiles as the {@link LotMap}.
 */
final class SpotGrid extends GridView<SpotTile> {

    static final double TILE_WIDTH = 96;
    static final double TILE_HEIGHT = 84;

    SpotGrid(LotViewModel model, Consumer<SpotTile> onTap) {
        super(model.shownTiles());
        getStyleClass().add("spot-grid");
        setCellWidth(TILE_WIDTH);
        setCellHeight(TILE_HEIGHT);
        setHorizontalCellSpacing(6);
        setVerticalCellSpacing(6);
        setCellFactory(grid -> new Tile(model, onTap));
    }

    private static final class Tile extends GridCell<SpotTile> {
        private final Label number = new Label();
        private final Label word = new Label();
        private final Label age = new Label();
        private final VBox box = new VBox(number, word, age);
        private final LotViewModel model;
        private final ChangeListener<Object> restyle = (obs, was, now) -> style();
        private SpotTile watched;

        Tile(LotViewModel model, Consumer<SpotTile> onTap) {
            this.model = model;
            model.liveProperty().addListener(restyle);
            setOnMouseClicked(e -> {
                if (getItem() != null) {
                    onTap.accept(getItem());
                }
            });
            getStyleClass().add("spot-tile");
            number.getStyleClass().add("spot-number");
            word.getStyleClass().add("spot-word");
            age.getStyleClass().add("spot-age");
            box.getStyleClass().add("spot-box");
        }

        @Override
        protected void updateItem(SpotTile tile, boolean empty) {
            super.updateItem(tile, empty);
            word.textProperty().unbind();
            age.textProperty().unbind();
            if (watched != null) {
                watched.stateProperty().removeListener(restyle);
                watched = null;
            }
            if (empty || tile == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            setId(Ids.spot(tile.id()));
            number.setText(tile.labelWithSymbols());
            // Not live: the tile, grey, says what was last seen and when, never as the spot's state now.
            Texts texts = model.texts();
            word.textProperty().bind(texts.bind(() -> texts.state(tile.stateProperty().get()),
                    tile.stateProperty()));
            age.textProperty().bind(texts.bind(() -> model.liveProperty().get()
                            ? since(texts, tile.sinceProperty().get(), model.nowProperty().get()) : model.lastSeenProperty().get(),
                    tile.sinceProperty(), model.nowProperty(), model.liveProperty(), model.lastSeenProperty()));
            watched = tile;
            tile.stateProperty().addListener(restyle);
            style();
            setGraphic(box);
        }

        private void style() {
            if (watched == null) {
                return;
            }
            box.getStyleClass().removeIf(c -> c.startsWith("spot-") && !c.equals("spot-box"));
            box.getStyleClass().add(model.liveProperty().get() ? "spot-" + watched.stateProperty().get().word() : "spot-stale");
        }
    }

    /**
     * "< 1 min", "4 min", "2 h 5 min". Not to the second: every visible tile would then change its text, and the
     * screen would lay out and draw the grid again, every second.
     */
    static String since(Texts texts, Instant since, Instant now) {
        long seconds = Math.max(0, Duration.between(since, now).getSeconds());
        if (seconds < 60) {
            return texts.get("since.seconds");
        }
        if (seconds < 3600) {
            return texts.get("since.minutes", seconds / 60);
        }
        return texts.get("since.hours", seconds / 3600, seconds % 3600 / 60);
    }
}
