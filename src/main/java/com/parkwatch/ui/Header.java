package com.parkwatch.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Available X / N" (or "Availability unknown" while not live) in large type, never cut; the free spots' labels on
 * two lines of fixed height (so that nothing below moves when they wrap); the clock in the language's form, the
 * source's status and frames per second. Off the picture: the live feed hides no spot behind it.
 */
final class Header extends HBox {

    /** @param actions the buttons beside the counts (history, cancel, language), above the clock */
    Header(LotViewModel model, Node... actions) {
        getStyleClass().add("header");
        setAlignment(Pos.CENTER_LEFT);
        Label available = new Label();
        available.setId(Ids.AVAILABLE);
        available.getStyleClass().add("available");
        available.textProperty().bind(model.availableTextProperty());
        available.setMinWidth(Region.USE_PREF_SIZE);
        Label free = new Label();
        free.setId(Ids.FREE_SPOTS);
        free.getStyleClass().add("free-spots");
        free.setWrapText(true);
        free.textProperty().bind(model.freeSpotsProperty());
        free.setMinWidth(0);
        // As wide as the count at least (the free labels wrap below it): the count is never cut.
        VBox counts = new VBox(available, free);
        HBox.setHgrow(counts, Priority.ALWAYS);

        Label clock = new Label();
        clock.getStyleClass().add("clock");
        clock.setId(Ids.CLOCK);
        clock.textProperty().bind(model.texts().bind(() -> model.texts().time(model.nowProperty().get()), model.nowProperty()));
        Label status = new Label();
        status.setId(Ids.SOURCE_STATUS);
        status.getStyleClass().add("status");
        status.textProperty().bind(model.statusProperty());
        Label fps = new Label();
        fps.getStyleClass().add("status");
        fps.textProperty().bind(model.framesPerSecondProperty());
        HBox buttons = new HBox(12, actions);
        for (Node action : actions) {
            ((Region) action).setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox state = new HBox(12, status, fps, clock);
        state.setAlignment(Pos.BASELINE_RIGHT);
        VBox right = new VBox(8, buttons, state);
        right.setAlignment(Pos.CENTER_RIGHT);
        right.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        gap.setMinWidth(16);
        getChildren().addAll(counts, gap, right);
    }
}
