package com.parkwatch.ui;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Free spots over the last hour, and one spot's recent changes. */
final class HistoryPanel extends Dialog {

    private final Label spotTitle = new Label();
    private final ListView<String> changes = new ListView<>();
    private final VBox spotBox;

    HistoryPanel(LotViewModel model) {
        NumberAxis minutes = new NumberAxis(-60, 0, 10);
        minutes.setLabel("minutes ago");
        NumberAxis free = new NumberAxis();
        free.setLabel("free spots");
        free.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(minutes, free);
        chart.setId(Ids.HISTORY_CHART);
        chart.setLegendVisible(false);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.getData().add(new XYChart.Series<>(model.freeHistory()));
        chart.setPrefSize(760, 380);

        spotTitle.getStyleClass().add("dialog-title");
        spotTitle.setId(Ids.HISTORY_SPOT);
        changes.setId(Ids.HISTORY_CHANGES);
        changes.setPrefSize(340, 380);
        spotBox = new VBox(10, spotTitle, changes);
        getChildren().add(card("Free spots, last hour", new HBox(16, chart, spotBox),
                button("Close", Ids.HISTORY_CLOSE, this::close)));
    }

    /** The chart alone. */
    void showLot() {
        spotBox.setVisible(false);
        spotBox.setManaged(false);
        showCard(getChildren().get(0));
    }

    /** The chart and this spot's recent changes. */
    void showSpot(SpotTile tile) {
        spotTitle.setText("Spot " + tile.id() + ": " + tile.stateProperty().get().word());
        changes.setItems(tile.recentChanges());
        spotBox.setVisible(true);
        spotBox.setManaged(true);
        showCard(getChildren().get(0));
    }
}
