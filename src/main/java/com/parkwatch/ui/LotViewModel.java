package com.parkwatch.ui;

import com.parkwatch.lot.CameraView;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.SpotState;
import com.parkwatch.lot.SpotView;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kiosk's state of the lot as read-only properties that views bind to: counts, tiles, the camera's health and
 * whether the states are current; and what the driver chose to see (the map or the list, free spots only). The map
 * and the list show the same tiles, in label order (reading order where the layout names none). Changed only on
 * the FX thread, from the live lot's views and the clock.
 */
public final class LotViewModel {

    private static final Duration HISTORY_SPACING = Duration.ofSeconds(10);
    private static final Duration HISTORY_LENGTH = Duration.ofHours(1);
    /** Labels the header lists before "+N more": what two lines hold at 1024 px with three-digit labels. */
    static final int LISTED = 20;

    private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>();
    private final Texts texts;

    // ---- properties
    private final ReadOnlyObjectWrapper<LotView> lot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper availableText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper freeSpots = new ReadOnlyStringWrapper("");
    private final BooleanProperty freeOnly = new SimpleBooleanProperty();
    private final BooleanProperty showingMap = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private final Map<Integer, ReadOnlyBooleanWrapper> cameraLive = new HashMap<>();
    private final ReadOnlyStringWrapper lastSeen = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notLiveReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper framesPerSecond = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(Instant.now());
    private final ReadOnlyBooleanWrapper correcting = new ReadOnlyBooleanWrapper();
    private final ObservableList<SpotTile> allTiles = FXCollections.observableArrayList();
    private final ObservableList<SpotTile> tiles = FXCollections.unmodifiableObservableList(allTiles);
    private final Map<Integer, SpotTile> byId = new HashMap<>();
    private final List<SpotTile> inLabelOrder = new ArrayList<>();
    /**
     * What the map and the list show. Changed only when which tiles it holds changes, once per batch of states: the
     * list's cells watch their own tile's state, and a change of the list makes the grid lay out every cell again.
     */
    private final ObservableList<SpotTile> shown = FXCollections.observableArrayList();
    private final ObservableList<SpotTile> shownView = FXCollections.unmodifiableObservableList(shown);
    /** Free spots over the last hour: x in minutes before now (negative), y the count; one point per 10 s. */
    private final ObservableList<XYChart.Data<Number, Number>> freeHistory = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> freeHistoryView =
            FXCollections.unmodifiableObservableList(freeHistory);
    private final Deque<Instant> historyTimes = new ArrayDeque<>();

    /** In English. */
    public LotViewModel(Layout layout) {
        this(layout, new Texts(java.util.Locale.ENGLISH));
    }

    public LotViewModel(Layout layout, Texts texts) {
        this.texts = texts;
        relayout(layout);
        freeOnly.addListener(obs -> refreshShown());
        availableText.bind(texts.bind(() -> lot.get() == null ? texts.get("starting")
                : lot.get().live() ? texts.get("available", lot.get().free(), lot.get().total())
                : texts.get("availability.unknown"), lot));
        freeSpots.bind(texts.bind(() -> lot.get() == null || !lot.get().live() ? "" : freeText(lot.get()), lot));
        lastSeen.bind(texts.bind(() -> lot.get() == null || lot.get().updated() == null ? texts.get("never.seen")
                : texts.get("seen", texts.time(lot.get().updated())), lot));
        notLiveReason.bind(texts.bind(() -> lot.get() == null ? "" : lot.get().live() ? camerasDown(lot.get())
                : texts.get("not.live", health(lot.get().source()), lastSeen.get()), lot, lastSeen));
        status.bind(texts.bind(() -> lot.get() == null ? texts.get("health.starting")
                : lot.get().cameras().size() > 1 ? camerasHealth(lot.get()) : health(lot.get().source()), lot));
    }

    /** The camera's health in the kiosk's language: the state's word, and the engine's reason as it gives it. */
    private String health(SourceHealth source) {
        String state = texts.get("health." + source.state().word());
        return source.reason().isEmpty() ? state : texts.get("health.reason", state, source.reason());
    }

    /**
     * Several cameras' health in a few words for the header, "live: Camera 2 reconnecting", the reasons being in
     * the banner: the header keeps its width.
     */
    private String camerasHealth(LotView view) {
        String lot = texts.get("health." + view.source().state().word());
        String down = view.cameras().stream().filter(c -> !c.live())
                .map(c -> texts.get("camera.button", c.number()) + " " + texts.get("health." + c.health().state().word()))
                .collect(Collectors.joining(", "));
        return down.isEmpty() ? lot : texts.get("health.reason", lot, down);
    }

    /** "Camera 2 is not live: ended: the video ended", for each camera down while others watch; else empty. */
    private String camerasDown(LotView view) {
        return view.cameras().stream().filter(c -> !c.live())
                .map(c -> texts.get("camera.not.live", c.number(), health(c.health())))
                .collect(Collectors.joining(" "));
    }

    /** "Free: 3 7 12 +40 more", by the labels drivers read, in their order. */
    private String freeText(LotView view) {
        List<String> free = inLabelOrder.stream().filter(t -> t.stateProperty().get() == SpotState.FREE)
                .map(SpotTile::label).toList();
        if (free.isEmpty()) {
            return texts.get("free.none");
        }
        String listed = String.join(" ", free.subList(0, Math.min(free.size(), LISTED)));
        return texts.get("free.list", listed) + (free.size() > LISTED ? " " + texts.get("free.more", free.size() - LISTED) : "");
    }

    // ---- commands

    /**
     * The lot's spots from now on (the operator saved a new layout): new tiles, unknown until the next view. The map
     * and the list follow {@link #layoutProperty()} and {@link #shownTiles()}.
     */
    public void relayout(Layout next) {
        Instant start = Instant.now();
        List<SpotTile> all = new ArrayList<>();
        next.spots().forEach(s -> all.add(new SpotTile(s, start)));
        byId.clear();
        all.forEach(t -> byId.put(t.id(), t));
        allTiles.setAll(all);
        inLabelOrder.clear();
        next.inLabelOrder().forEach(s -> inLabelOrder.add(byId.get(s.id())));
        refreshShown();
        layout.set(next);
    }

    /**
     * The states of the tiles from {@code from} to {@code to} in a view of the lot; a view of another layout (one
     * taken before a switch of layout reached the screen) is passed over: the next one is of this layout.
     */
    public void applyTiles(LotView view, Instant at, int from, int to) {
        if (view.spots().size() != allTiles.size()) {
            return;
        }
        for (int i = from; i < to; i++) {
            SpotView s = view.spots().get(i);
            if (s.id() != allTiles.get(i).id()) {
                return;
            }
            allTiles.get(i).show(s.state(), at);
        }
        refreshShown();
    }

    /** The tiles in label order, only the free ones while "free only" is on; the list is left alone if they are the same. */
    private void refreshShown() {
        List<SpotTile> next = freeOnly.get()
                ? inLabelOrder.stream().filter(t -> t.stateProperty().get() == SpotState.FREE).toList()
                : inLabelOrder;
        if (!next.equals(shown)) {
            shown.setAll(next);
        }
    }

    /** The counts, the camera's health and the history of a view of the lot. */
    public void applyLot(LotView view, Instant at) {
        live.set(view.live());
        for (CameraView camera : view.cameras()) {
            cameraLive(camera.number()).set(camera.live());
        }
        // Blind means blind: no count is offered as current (the bindings read the view's live flag).
        lot.set(view);
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

    void setFreeOnly(boolean on) {
        freeOnly.set(on);
    }

    void showMap(boolean map) {
        showingMap.set(map);
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

    /** Whether a camera's spots are current (1-based): its feed is dimmed while they are not. */
    public ReadOnlyBooleanProperty cameraLiveProperty(int camera) {
        return cameraLive(camera).getReadOnlyProperty();
    }

    private ReadOnlyBooleanWrapper cameraLive(int camera) {
        return cameraLive.computeIfAbsent(camera, c -> new ReadOnlyBooleanWrapper());
    }

    /** "seen 14:03": when the newest sample was analysed. */
    public ReadOnlyStringProperty lastSeenProperty() {
        return lastSeen.getReadOnlyProperty();
    }

    /**
     * The banner's sentence while the lot is not live, or while a camera of several is not ("Camera 2 is not live:
     * ..."), else empty.
     */
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

    /** The tiles in label order, only the free ones while "free only" is on: what the map and the list show. */
    public ObservableList<SpotTile> shownTiles() {
        return shownView;
    }

    /** Whether the map (else the list) is shown. */
    public ReadOnlyBooleanProperty showingMapProperty() {
        return BooleanProperty.readOnlyBooleanProperty(showingMap);
    }

    public ReadOnlyBooleanProperty freeOnlyProperty() {
        return BooleanProperty.readOnlyBooleanProperty(freeOnly);
    }

    public Layout layout() {
        return layout.get();
    }

    /** The layout the tiles are of: a new one when the operator saves one. */
    public ReadOnlyObjectProperty<Layout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public Texts texts() {
        return texts;
    }

    public SpotTile tile(int id) {
        return byId.get(id);
    }

    /** The free spot "Book a spot" offers first ({@link BestSpot}), if the lot is live and any is free. */
    public Optional<SpotTile> bestFreeSpot() {
        if (!live.get()) {
            return Optional.empty();
        }
        return BestSpot.of(layout.get(), freeSpotIds()).map(Spot::id).map(byId::get);
    }

    /** The spots free now, as the tiles show them. */
    public List<Integer> freeSpotIds() {
        return tiles.stream().filter(t -> t.stateProperty().get() == SpotState.FREE).map(SpotTile::id)
                .toList();
    }
}
