package com.parkwatch.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The driver's side of the screen: a big "Book a spot" button (the best free spot, changeable on the map), the lot
 * as a map or as a list (both the view model's tiles, in reading order), and "free only".
 */
final class LotPane extends VBox {

    LotPane(LotViewModel model, Consumer<SpotTile> onTap, Runnable bookBest) {
        Texts t = model.texts();
        getStyleClass().add("lot-pane");
        Button book = BookingPanel.button(t, "book.best", Ids.BOOK_BEST, bookBest);
        book.getStyleClass().addAll("confirm", "book-best");
        book.setMaxWidth(Double.MAX_VALUE);
        // Nothing to offer while no spot is free or the lot is not live.
        book.disableProperty().bind(Bindings.createBooleanBinding(() -> model.bestFreeSpot().isEmpty(),
                model.availableTextProperty(), model.liveProperty()));

        ToggleGroup view = new ToggleGroup();
        ToggleButton map = toggle(t, "view.map", Ids.SHOW_MAP);
        ToggleButton list = toggle(t, "view.list", Ids.SHOW_LIST);
        map.setToggleGroup(view);
        list.setToggleGroup(view);
        ToggleButton freeOnly = toggle(t, "free.only", Ids.FREE_ONLY);
        map.setSelected(model.showingMapProperty().get());
        list.setSelected(!model.showingMapProperty().get());
        model.showingMapProperty().addListener((obs, was, now) -> (now ? map : list).setSelected(true));
        view.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                // A toggle group lets its selected button be tapped off: one view is always shown.
                was.setSelected(true);
            } else {
                model.showMap(now == map);
            }
        });
        freeOnly.setSelected(model.freeOnlyProperty().get());
        freeOnly.selectedProperty().addListener((obs, was, now) -> model.setFreeOnly(now));
        model.freeOnlyProperty().addListener((obs, was, now) -> freeOnly.setSelected(now));
        HBox choices = new HBox(8, map, list, freeOnly);
        choices.getStyleClass().add("lot-choices");

        LotMap lotMap = new LotMap(model, onTap);
        SpotGrid grid = new SpotGrid(model, onTap);
        grid.setId(Ids.SPOT_LIST);
        lotMap.visibleProperty().bind(model.showingMapProperty());
        grid.visibleProperty().bind(model.showingMapProperty().not());
        StackPane shown = new StackPane(lotMap, grid);
        shown.setMinSize(0, 0);
        VBox.setVgrow(shown, Priority.ALWAYS);
        getChildren().addAll(book, choices, shown);
        setMinWidth(0);
    }

    private static ToggleButton toggle(Texts t, String key, String id) {
        ToggleButton b = new ToggleButton();
        b.setId(id);
        b.textProperty().bind(t.bind(key));
        b.getStyleClass().add("choice-toggle");
        return b;
    }
}
