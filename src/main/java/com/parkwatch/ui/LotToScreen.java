package com.parkwatch.ui;

import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotView;
import javafx.application.Platform;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Brings the live lot's changes to the view model on the FX thread: coalesced (a burst of changes is applied once,
 * as the lot is then) and in parts, since the lot's first state changes every tile, and on code not yet compiled,
 * taken at once, it held the FX thread for more than a frame.
 */
final class LotToScreen {

    /** Tiles a change reaches per call on the FX thread: a few milliseconds' work even on code not yet compiled. */
    private static final int TILES_PER_CALL = 100;

    private final LiveLot lot;
    private final LotViewModel model;
    private final FxTimings timings;
    private final AtomicBoolean pending = new AtomicBoolean();

    LotToScreen(LiveLot lot, LotViewModel model, FxTimings timings) {
        this.lot = lot;
        this.model = model;
        this.timings = timings;
    }

    /** From now on every change reaches the screen; the lot as it is now does at once. */
    void start() {
        lot.subscribe(view -> changed());
        changed();
    }

    /** On the FX thread, every second: a lot whose samples stopped turns stale on screen though nothing changed. */
    void refresh(Instant now) {
        model.applyLot(lot.view(), now);
    }

    private void changed() {
        if (pending.compareAndSet(false, true)) {
            Platform.runLater(this::apply);
        }
    }

    private void apply() {
        pending.set(false);
        LotView view = lot.view();
        Instant at = Instant.now();
        int spots = view.spots().size();
        for (int from = 0; from < spots; from += TILES_PER_CALL) {
            int first = from;
            int end = Math.min(spots, from + TILES_PER_CALL);
            onFxThread(() -> model.applyTiles(view, at, first, end));
        }
        onFxThread(() -> model.applyLot(view, at));
    }

    private void onFxThread(Runnable work) {
        Platform.runLater(() -> {
            long started = System.nanoTime();
            work.run();
            timings.record(started);
        });
    }
}
