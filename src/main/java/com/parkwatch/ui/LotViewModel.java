package com.parkwatch.ui;

import com.parkwatch.lot.FreeSpots;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.SpotState;
import com.parkwatch.lot.SpotView;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The kiosk's state of the lot as read-only properties that views bind to: counts, tiles, the camera's health and
 * whether the states are current. Changed only on the FX thread, from the live lot's views and the clock.
 */
public final class LotViewModel {

    private static final Duration HISTORY_SPACING = Duration.ofSeconds(10);
    private static final Duration HISTORY_LENGTH = Duration.ofHours(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    // ---- properties
    private final ReadOnlyStringWrapper availableText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper freeSpots = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("starting");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper lastSeen = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notLiveReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper framesPerSecond = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(Instant.now());
    private final ReadOnlyBooleanWrapper correcting = new ReadOnlyBooleanWrapper();
    private final ObservableList<SpotTile> tiles;
    /** Free spots over the last hour: x in minutes before now (negative), y the count; one point per 10 s. */
    private final ObservableList<XYChart.Data<Number, Number>> freeHistory = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> freeHistoryView =
            FXCollections.unmodifiableObservableList(freeHistory);
    private final Deque<Instant> historyTimes = new ArrayDeque<>();

    public LotViewModel(Layout layout) {
        List<SpotTile> all = new ArrayList<>();
        Instant start = Instant.now();
        layout.spots().forEach(s -> all.add(new SpotTile(s.id(), start)));
        tiles = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(all));
        availableText.set("Starting…");
    }

    // ---- commands

    /** The states of the tiles from {@code from} to {@code to} in a view of the lot. */
    public void applyTiles(LotView view, Instant at, int from, int to) {
        for (int i = from; i < to; i++) {
            SpotView s = view.spots().get(i);
            tiles.get(i).show(s.state(), at);
        }
    }

    /** The counts, the camera's health and the history of a view of the lot. */
    public void applyLot(LotView view, Instant at) {
        live.set(view.live());
        lastSeen.set(view.updated() == null ? "never seen" : "seen " + TIME.format(view.updated()));
        status.set(view.source().describe());
        notLiveReason.set(view.live() ? "" : "Not live: the camera is not watching the lot (" + view.source().describe()
                + "). Last " + lastSeen.get() + ".");
        // Blind means blind: no count is offered as current.
        availableText.set(view.live() ? "Available " + view.free() + " / " + view.total() : "Availability unknown");
        freeSpots.set(view.live() ? FreeSpots.text(view.freeSpotIds()) : "");
        if (view.live()) {
            remember(view.free(), at);
        }
    }

    private void remember(int free, Instant at) {
        if (!historyTimes.isEmpty() && Duration.between(historyTimes.peekLast(), at).compareTo(HISTORY_SPACING) < 0) {
            return;
        }
        historyTimes.addLast(at);
        freeHistory.add(new XYChart.Data<>(0, free));
        while (Duration.between(historyTimes.peekFirst(), at).compareTo(HISTORY_LENGTH) > 0) {
            historyTimes.removeFirst();
            freeHistory.remove(0);
        }
        Iterator<Instant> times = historyTimes.iterator();
        for (XYChart.Data<Number, Number> point : freeHistory) {
            point.setXValue(-Duration.between(times.next(), at).toSeconds() / 60.0);
        }
    }

    void setFramesPerSecond(double fps) {
        framesPerSecond.set(String.format("%.0f fps", fps));
    }

    void tick(Instant instant) {
        now.set(instant);
    }

    void setCorrecting(boolean on) {
        correcting.set(on);
    }

    // ---- read-only views

    /** "Available 12 / 72", or "Availability unknown" while the lot is not live. */
    public ReadOnlyStringProperty availableTextProperty() {
        return availableText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty freeSpotsProperty() {
        return freeSpots.getReadOnlyProperty();
    }

    /** The camera's health in words: "live", "reconnecting: connection refused". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the states shown are current: the camera is watching and its newest sample is recent. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** "seen 14:03": when the newest sample was analysed. */
    public ReadOnlyStringProperty lastSeenProperty() {
        return lastSeen.getReadOnlyProperty();
    }

    /** The banner's sentence while the lot is not live, else empty. */
    public ReadOnlyStringProperty notLiveReasonProperty() {
        return notLiveReason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty framesPerSecondProperty() {
        return framesPerSecond.getReadOnlyProperty();
    }

    /** Whether the operator is correcting tiles: a tap then corrects the spot instead of booking it. */
    public ReadOnlyBooleanProperty correctingProperty() {
        return correcting.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** Free spots over the last hour, for the history chart; read-only to views. */
    public ObservableList<XYChart.Data<Number, Number>> freeHistory() {
        return freeHistoryView;
    }

    /** The tiles in spot order; the list and the tiles are read-only to views. */
    public ObservableList<SpotTile> tiles() {
        return tiles;
    }

    /** The spots free now, as the tiles show them. */
    public List<Integer> freeSpotIds() {
        return tiles.stream().filter(t -> t.stateProperty().get() == SpotState.FREE).map(SpotTile::id)
                .toList();
    }
}
