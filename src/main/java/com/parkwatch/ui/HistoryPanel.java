package com.parkwatch.ui;

import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Free spots over the last hour, and one spot's recent changes. */
final class HistoryPanel extends StackPane {

    private final Label spotTitle = new Label();
    private final ListView<String> changes = new ListView<>();
    private final VBox spotBox;

    HistoryPanel(LotViewModel model) {
        getStyleClass().add("dialog-shade");
        setVisible(false);
        NumberAxis minutes = new NumberAxis(-60, 0, 10);
        minutes.setLabel("minutes ago");
        NumberAxis free = new NumberAxis();
        free.setLabel("free spots");
        free.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(minutes, free);
        chart.setId("free-history");
        chart.setLegendVisible(false);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.getData().add(new XYChart.Series<>(model.freeHistory()));
        chart.setPrefSize(760, 380);

        spotTitle.getStyleClass().add("dialog-title");
        spotTitle.setId("history-spot");
        changes.setId("history-changes");
        changes.setPrefSize(340, 380);
        spotBox = new VBox(10, spotTitle, changes);

        Label title = new Label("Free spots, last hour");
        title.getStyleClass().add("dialog-title");
        Button close = new Button("Close");
        close.setId("history-close");
        close.setOnAction(e -> setVisible(false));
        VBox card = new VBox(14, title, new HBox(16, chart, spotBox), close);
        card.getStyleClass().add("dialog");
        card.setAlignment(Pos.CENTER_LEFT);
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
    }

    /** The chart alone. */
    void showLot() {
        spotBox.setVisible(false);
        spotBox.setManaged(false);
        setVisible(true);
    }

    /** The chart and this spot's recent changes. */
    void showSpot(SpotTile tile) {
        spotTitle.setText("Spot " + tile.id() + ": " + tile.stateProperty().get().word());
        changes.setItems(tile.recentChanges());
        spotBox.setVisible(true);
        spotBox.setManaged(true);
        setVisible(true);
    }
}
