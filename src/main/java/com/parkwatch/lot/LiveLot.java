package com.parkwatch.lot;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lot as it is now: the engine publishes each snapshot here and every reader (web, kiosk, bookings) takes the
 * latest. It also dates each spot's state by the wall clock, since snapshot times are the source's own.
 */
public final class LiveLot {

    /** Everything a reader needs at once: the snapshot and the wall-clock dates. */
    public record View(LotSnapshot snapshot, Map<Integer, Instant> since) {
        public Instant since(int spotId) {
            return since.get(spotId);
        }
    }

    private final Clock clock;
    private volatile View view;

    public LiveLot(Layout layout, Clock clock) {
        this.clock = clock;
        Instant now = clock.instant();
        Map<Integer, Instant> since = new HashMap<>();
        List<SpotStatus> unknown = layout.spots().stream()
                .map(s -> new SpotStatus(s, Occupancy.UNKNOWN, 0, 0)).toList();
        layout.spots().forEach(s -> since.put(s.id(), now));
        view = new View(new LotSnapshot(-1, 0, unknown), Map.copyOf(since));
    }

    public synchronized void publish(LotSnapshot snapshot) {
        Instant now = clock.instant();
        Map<Integer, Instant> since = new HashMap<>(view.since());
        Map<Integer, Occupancy> before = new HashMap<>();
        view.snapshot().spots().forEach(s -> before.put(s.spot().id(), s.occupancy()));
        for (SpotStatus s : snapshot.spots()) {
            if (before.get(s.spot().id()) != s.occupancy()) {
                since.put(s.spot().id(), now);
            }
        }
        view = new View(snapshot, Map.copyOf(since));
    }

    public View view() {
        return view;
    }

    public Optional<Occupancy> occupancyOf(int spotId) {
        return view.snapshot().spots().stream().filter(s -> s.spot().id() == spotId)
                .map(SpotStatus::occupancy).findFirst();
    }
}
