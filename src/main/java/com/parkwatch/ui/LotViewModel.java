package com.parkwatch.ui;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotStatus;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import javafx.scene.chart.XYChart;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kiosk's state as read-only properties that views bind to. Changed only on the FX thread, by the engine
 * service and the clock.
 */
public final class LotViewModel {

    private static final int MAX_LISTED_FREE = 36;
    private static final Duration HISTORY_SPACING = Duration.ofSeconds(10);
    private static final Duration HISTORY_LENGTH = Duration.ofHours(1);

    private final ReadOnlyIntegerWrapper available = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper freeSpots = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("starting");
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
        total.set(all.size());
    }

    /** Takes a new state of the lot and the spots reserved now, for the tiles from {@code from} to {@code to}. */
    void applyTiles(LotSnapshot snapshot, Set<Integer> reserved, Instant at, int from, int to) {
        for (int i = from; i < to; i++) {
            SpotStatus s = snapshot.spots().get(i);
            tiles.get(i).show(tileState(s.occupancy(), reserved.contains(s.spot().id())), at);
        }
    }

    /** Takes the counts of a new state of the lot: the header and the history. */
    void applyCounts(LotSnapshot snapshot, Set<Integer> reserved, Instant at) {
        List<Integer> open = new ArrayList<>();
        for (SpotStatus s : snapshot.spots()) {
            if (tileState(s.occupancy(), reserved.contains(s.spot().id())) == TileState.FREE) {
                open.add(s.spot().id());
            }
        }
        available.set(open.size());
        freeSpots.set(freeSpotsText(open));
        remember(open.size(), at);
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

    /** "Free: 3 7 12", at most two lines' worth on a big lot, with how many more there are. */
    static String freeSpotsText(List<Integer> open) {
        if (open.isEmpty()) {
            return "No free spot";
        }
        String shown = open.stream().limit(MAX_LISTED_FREE).map(String::valueOf).collect(Collectors.joining(" "));
        return "Free: " + shown + (open.size() > MAX_LISTED_FREE ? " +" + (open.size() - MAX_LISTED_FREE) + " more" : "");
    }

    static TileState tileState(Occupancy occupancy, boolean reserved) {
        return switch (occupancy) {
            case FREE -> reserved ? TileState.RESERVED : TileState.FREE;
            case OCCUPIED -> TileState.OCCUPIED;
            case UNKNOWN -> TileState.UNKNOWN;
        };
    }

    void setStatus(String text) {
        status.set(text);
    }

    void setFramesPerSecond(double fps) {
        framesPerSecond.set(String.format("%.0f fps", fps));
    }

    void tick(Instant instant) {
        now.set(instant);
    }

    public ReadOnlyIntegerProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty freeSpotsProperty() {
        return freeSpots.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty framesPerSecondProperty() {
        return framesPerSecond.getReadOnlyProperty();
    }

    /** Whether the operator is correcting tiles: a tap then corrects the spot instead of booking it. */
    public ReadOnlyBooleanProperty correctingProperty() {
        return correcting.getReadOnlyProperty();
    }

    void setCorrecting(boolean on) {
        correcting.set(on);
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
}
