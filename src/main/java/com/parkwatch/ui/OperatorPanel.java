package com.parkwatch.ui;

import com.parkwatch.booking.Alert;
import com.parkwatch.booking.Booking;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The operator's screen after the PIN: the bookings of the last day, each active one with a button that voids it,
 * the alerts, the bays closed and opened by stepping to a spot, and the way to the layout editor. It only binds to {@link OperatorViewModel}.
 */
final class OperatorPanel extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final double LIST_HEIGHT = 300;

    private final OperatorViewModel model;
    private final VBox rows = new VBox(6);
    private final VBox alerts = new VBox(4);

    /** @param setUp opens the layout editor ("Set up the lot") */
    OperatorPanel(OperatorViewModel model, Runnable setUp) {
        this.model = model;
        rows.setId(Ids.OPERATOR_BOOKINGS);
        alerts.setId(Ids.OPERATOR_ALERTS);
        model.rows().addListener((ListChangeListener<OperatorViewModel.Row>) change -> showRows());
        model.alerts().addListener((ListChangeListener<Alert>) change -> showAlerts());
        ScrollPane list = new ScrollPane(rows);
        list.setPrefViewportHeight(LIST_HEIGHT);
        list.setFitToWidth(true);
        Label spot = new Label();
        spot.setId(Ids.OPERATOR_SPOT);
        spot.textProperty().bind(model.spotProperty().asString("Spot %d"));
        Label closed = new Label();
        closed.setId(Ids.OPERATOR_CLOSED);
        closed.textProperty().bind(model.closedProperty());
        Label message = new Label();
        message.setId(Ids.OPERATOR_MESSAGE);
        message.textProperty().bind(model.messageProperty());
        HBox bays = new HBox(12, button("<", Ids.OPERATOR_SPOT_DOWN, () -> model.step(-1)), spot,
                button(">", Ids.OPERATOR_SPOT_UP, () -> model.step(1)),
                button("Close bay", Ids.OPERATOR_CLOSE_BAY, () -> model.closeBay(true)),
                button("Open bay", Ids.OPERATOR_OPEN_BAY, () -> model.closeBay(false)));
        getChildren().add(card("Bookings and bays", list, new Label("Alerts"), alerts, bays, closed, message,
                new HBox(12, button("Set up the lot", Ids.OPERATOR_SET_UP, () -> {
                    close();
                    setUp.run();
                }), button("Done", Ids.OPERATOR_DONE, this::close))));
    }

    void open() {
        model.refresh();
        showCard(getChildren().get(0));
    }

    private void showRows() {
        rows.getChildren().clear();
        if (model.rows().isEmpty()) {
            rows.getChildren().add(new Label("No bookings in the last day."));
        }
        for (OperatorViewModel.Row row : model.rows()) {
            Booking b = row.record().booking();
            HBox line = new HBox(12, new Label("Spot " + b.spot() + "  " + b.plate() + "  " + time(b.start()) + "-"
                    + time(b.end()) + "  " + row.state() + "  " + b.code()));
            if (row.voidable()) {
                line.getChildren().add(button("Void", Ids.voidBooking(b.code()), () -> model.voidBooking(b.code())));
            }
            rows.getChildren().add(line);
        }
    }

    private void showAlerts() {
        alerts.getChildren().setAll(model.alerts().isEmpty() ? java.util.List.of(new Label("None."))
                : model.alerts().stream().map(a -> new Label(time(a.raised()) + "  " + a.message())).toList());
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }
}
