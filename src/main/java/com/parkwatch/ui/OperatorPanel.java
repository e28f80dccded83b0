package com.parkwatch.ui;

import com.parkwatch.booking.Alert;
import com.parkwatch.booking.Booking;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;


/**
 * The operator's screen after the PIN: the bookings of the last day, each active one with a button that voids it,
 * the alerts, the bays closed and opened by stepping to a spot, and the way to the layout editor (which stays in
 * English). It only binds to {@link OperatorViewModel}; the lists are drawn again when the language changes.
 */
final class OperatorPanel extends Dialog {

    private static final double LIST_HEIGHT = 300;

    private final OperatorViewModel model;
    private final Texts texts;
    private final VBox rows = new VBox(6);
    private final VBox alerts = new VBox(4);

    /** @param setUp opens the layout editor ("Set up the lot") */
    OperatorPanel(OperatorViewModel model, Runnable setUp) {
        this.model = model;
        this.texts = model.texts();
        rows.setId(Ids.OPERATOR_BOOKINGS);
        alerts.setId(Ids.OPERATOR_ALERTS);
        model.rows().addListener((ListChangeListener<OperatorViewModel.Row>) change -> showRows());
        model.alerts().addListener((ListChangeListener<Alert>) change -> showAlerts());
        texts.languageProperty().addListener((o, was, is) -> {
            showRows();
            showAlerts();
        });
        ScrollPane list = new ScrollPane(rows);
        list.setPrefViewportHeight(LIST_HEIGHT);
        list.setFitToWidth(true);
        Label spot = new Label();
        spot.setId(Ids.OPERATOR_SPOT);
        spot.textProperty().bind(texts.bind(() -> texts.get("operator.spot", String.valueOf(model.spotProperty().get())),
                model.spotProperty()));
        Label closed = new Label();
        closed.setId(Ids.OPERATOR_CLOSED);
        closed.textProperty().bind(model.closedProperty());
        Label message = new Label();
        message.setId(Ids.OPERATOR_MESSAGE);
        message.textProperty().bind(model.messageProperty());
        HBox bays = new HBox(12, button("<", Ids.OPERATOR_SPOT_DOWN, () -> model.step(-1)), spot,
                button(">", Ids.OPERATOR_SPOT_UP, () -> model.step(1)),
                button(texts, "operator.close.bay", Ids.OPERATOR_CLOSE_BAY, () -> model.closeBay(true)),
                button(texts, "operator.open.bay", Ids.OPERATOR_OPEN_BAY, () -> model.closeBay(false)));
        Label alertsTitle = new Label();
        alertsTitle.textProperty().bind(texts.bind("operator.alerts"));
        getChildren().add(card(texts.bind("operator.title"), list, alertsTitle, alerts, bays, closed, message,
                new HBox(12, button(texts, "operator.set.up", Ids.OPERATOR_SET_UP, () -> {
                    close();
                    setUp.run();
                }), button(texts, "done", Ids.OPERATOR_DONE, this::close))));
    }

    void open() {
        model.refresh();
        showCard(getChildren().get(0));
    }

    private void showRows() {
        rows.getChildren().clear();
        if (model.rows().isEmpty()) {
            rows.getChildren().add(new Label(texts.get("operator.no.bookings")));
        }
        for (OperatorViewModel.Row row : model.rows()) {
            Booking b = row.record().booking();
            HBox line = new HBox(12, new Label(texts.get("operator.row", String.valueOf(b.spot()), b.plate(),
                    texts.time(b.start()), texts.time(b.end()), texts.get("operator.state." + row.state()), b.code())));
            if (row.voidable()) {
                line.getChildren().add(button(texts, "operator.void", Ids.voidBooking(b.code()), () -> model.voidBooking(b.code())));
            }
            rows.getChildren().add(line);
        }
    }

    private void showAlerts() {
        alerts.getChildren().setAll(model.alerts().isEmpty() ? java.util.List.of(new Label(texts.get("operator.alerts.none")))
                : model.alerts().stream().map(a -> new Label(texts.time(a.raised()) + "  " + a.message())).toList());
    }
}
