package com.parkwatch.ui;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The lot's history: free spots over the last hour (from memory), today's occupancy hour by hour and this week's
 * day by day (from the database, read by {@link HistoryViewModel} each time the dialog opens), and one spot's recent
 * changes. Every text follows the kiosk's language.
 */
final class HistoryPanel extends Dialog {

    private static final double CHART_WIDTH = 760;
    private static final double CHART_HEIGHT = 330;

    private final HistoryViewModel history;
    private final Texts texts;
    private final Label spotTitle = new Label();
    private final ListView<String> changes = new ListView<>();
    private final VBox spotBox;

    HistoryPanel(LotViewModel model, HistoryViewModel history) {
        this.history = history;
        this.texts = model.texts();
        TabPane tabs = new TabPane(tab("history.tab.hour", lastHour(model)), tab("history.tab.today", today()),
                tab("history.tab.week", week()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId(Ids.HISTORY_TABS);
        Label message = new Label();
        message.setId(Ids.HISTORY_MESSAGE);
        message.textProperty().bind(history.messageProperty());

        spotTitle.getStyleClass().add("dialog-title");
        spotTitle.setId(Ids.HISTORY_SPOT);
        changes.setId(Ids.HISTORY_CHANGES);
        changes.setPrefSize(340, 380);
        spotBox = new VBox(10, spotTitle, changes);
        getChildren().add(card(texts.bind("history"), new HBox(16, new VBox(8, tabs, message), spotBox),
                button(texts, "close", Ids.HISTORY_CLOSE, this::close)));
    }

    private Tab tab(String key, javafx.scene.Node content) {
        Tab tab = new Tab("", content);
        tab.textProperty().bind(texts.bind(key));
        return tab;
    }

    /** An axis whose title follows the language. */
    private <A extends javafx.scene.chart.Axis<?>> A titled(A axis, String key) {
        axis.labelProperty().bind(texts.bind(key));
        return axis;
    }

    private LineChart<Number, Number> lastHour(LotViewModel model) {
        NumberAxis minutes = titled(new NumberAxis(-60, 0, 10), "history.axis.minutes");
        NumberAxis free = titled(new NumberAxis(), "history.axis.free");
        free.setForceZeroInRange(true);
        LineChart<Number, Number> chart = chart(minutes, free);
        chart.setId(Ids.HISTORY_CHART);
        chart.getData().add(new XYChart.Series<>(model.freeHistory()));
        return chart;
    }

    private VBox today() {
        NumberAxis hours = titled(new NumberAxis(0, 24, 2), "history.axis.hour");
        LineChart<Number, Number> chart = chart(hours, percentAxis());
        chart.setId(Ids.HISTORY_TODAY);
        chart.getData().add(new XYChart.Series<>(history.today()));
        chart.setCreateSymbols(true);
        return withSummary(chart, history.todaySummaryProperty(), Ids.HISTORY_TODAY_SUMMARY);
    }

    private VBox week() {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), percentAxis());
        chart.setId(Ids.HISTORY_WEEK);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefSize(CHART_WIDTH, CHART_HEIGHT);
        chart.getData().add(new XYChart.Series<>(history.week()));
        return withSummary(chart, history.weekSummaryProperty(), Ids.HISTORY_WEEK_SUMMARY);
    }

    private NumberAxis percentAxis() {
        return titled(new NumberAxis(0, 100, 20), "history.axis.occupied");
    }

    private static LineChart<Number, Number> chart(NumberAxis x, NumberAxis y) {
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setLegendVisible(false);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setPrefSize(CHART_WIDTH, CHART_HEIGHT);
        return chart;
    }

    private static VBox withSummary(XYChart<?, ?> chart, javafx.beans.value.ObservableValue<String> summary, String id) {
        Label text = new Label();
        text.setId(id);
        text.setWrapText(true);
        text.setMaxWidth(CHART_WIDTH);
        text.textProperty().bind(summary);
        return new VBox(8, chart, text);
    }

    /** The charts alone. */
    void showLot() {
        spotBox.setVisible(false);
        spotBox.setManaged(false);
        open();
    }

    /** The charts and this spot's recent changes. */
    void showSpot(SpotTile tile) {
        spotTitle.textProperty().bind(texts.bind(() -> texts.get("history.spot", String.valueOf(tile.id()),
                texts.state(tile.stateProperty().get())), tile.stateProperty()));
        changes.setItems(tile.recentChanges());
        spotBox.setVisible(true);
        spotBox.setManaged(true);
        open();
    }

    private void open() {
        history.load();
        showCard(getChildren().get(0));
    }
}
