package com.parkwatch.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Instant;

/** One spot as the grid shows it; the view model changes it, views only read. */
public final class SpotTile {

    private final int id;
    private final ReadOnlyObjectWrapper<TileState> state = new ReadOnlyObjectWrapper<>(TileState.UNKNOWN);
    private final ReadOnlyObjectWrapper<Instant> since;

    SpotTile(int id, Instant since) {
        this.id = id;
        this.since = new ReadOnlyObjectWrapper<>(since);
    }

    public int id() {
        return id;
    }

    public ReadOnlyObjectProperty<TileState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> sinceProperty() {
        return since.getReadOnlyProperty();
    }

    void show(TileState newState, Instant changedAt) {
        if (state.get() != newState) {
            state.set(newState);
            since.set(changedAt);
        }
    }
}
