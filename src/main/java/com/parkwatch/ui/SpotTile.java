package com.parkwatch.ui;

import com.parkwatch.lot.BayType;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotState;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One spot as the map and the grid show it: what drivers read of it, and its state; the view model changes it, views only read. */
public final class SpotTile {

    static final int REMEMBERED_CHANGES = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Spot spot;
    private final ReadOnlyObjectWrapper<SpotState> state = new ReadOnlyObjectWrapper<>(SpotState.UNKNOWN);
    private final ReadOnlyObjectWrapper<Instant> since;
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObservableList<String> changesView = FXCollections.unmodifiableObservableList(changes);

    SpotTile(Spot spot, Instant since) {
        this.spot = spot;
        this.since = new ReadOnlyObjectWrapper<>(since);
    }

    public int id() {
        return spot.id();
    }

    /** What drivers read: "A12", or its number in reading order. */
    public String label() {
        return spot.label();
    }

    /** The label with the bay's symbols: "12 ♿". */
    public String labelWithSymbols() {
        StringBuilder text = new StringBuilder(spot.label());
        for (BayType type : spot.types()) {
            if (type != BayType.CLOSED) {
                text.append(' ').append(type.symbol());
            }
        }
        return text.toString();
    }

    public Spot spot() {
        return spot;
    }

    public ReadOnlyObjectProperty<SpotState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> sinceProperty() {
        return since.getReadOnlyProperty();
    }

    /** The latest changes first, at most {@value #REMEMBERED_CHANGES}: "22:31:05  free → occupied". */
    public ObservableList<String> recentChanges() {
        return changesView;
    }

    void show(SpotState newState, Instant changedAt) {
        if (state.get() != newState) {
            changes.add(0, TIME.format(changedAt) + "  " + state.get().word() + " → " + newState.word());
            if (changes.size() > REMEMBERED_CHANGES) {
                changes.remove(REMEMBERED_CHANGES);
            }
            state.set(newState);
            since.set(changedAt);
        }
    }
}
