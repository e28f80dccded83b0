package com.parkwatch.lot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one owner of the lot's current state. The engine publishes each analysed sample and the camera's health, the
 * booking service the reservations it holds and the bays the operator closed (kept here in memory, so the engine
 * never waits on the database); every
 * reader takes the latest {@link LotView} and listeners hear of each change on the thread that made it. The lot is
 * live while the camera is and its newest sample is younger than {@code staleAfter}; after that no output offers
 * its states as current.
 */
public final class LiveLot {

    private final Clock clock;
    private final Duration staleAfter;
    private final List<Consumer<LotView>> listeners = new CopyOnWriteArrayList<>();
    private LotSnapshot snapshot;
    private Map<Integer, Instant> since;
    private Map<Integer, Instant> reservations = Map.of();
    private Set<Integer> closed = Set.of();
    private SourceHealth health = SourceHealth.starting();
    private Instant updated;
    private volatile LotView view;

    public LiveLot(Layout layout, Clock clock, Duration staleAfter) {
        this.clock = clock;
        this.staleAfter = staleAfter;
        Instant now = clock.instant();
        snapshot = new LotSnapshot(-1, 0, layout.spots().stream()
                .map(s -> new SpotStatus(s, Occupancy.UNKNOWN, 0, 0)).toList());
        Map<Integer, Instant> start = new HashMap<>();
        layout.spots().forEach(s -> start.put(s.id(), now));
        since = Map.copyOf(start);
        rebuild();
    }

    /** A new analysed sample, from the engine. */
    public void publish(LotSnapshot next) {
        LotView changed;
        synchronized (this) {
            Instant now = clock.instant();
            Map<Integer, Instant> dates = new HashMap<>(since);
            Map<Integer, Occupancy> before = new HashMap<>();
            snapshot.spots().forEach(s -> before.put(s.spot().id(), s.occupancy()));
            for (SpotStatus s : next.spots()) {
                if (before.get(s.spot().id()) != s.occupancy()) {
                    dates.put(s.spot().id(), now);
                }
            }
            snapshot = next;
            since = Map.copyOf(dates);
            updated = now;
            changed = rebuild();
        }
        tell(changed);
    }

    /** The spots booked now and when each booking ends, from the booking service. */
    public void reservations(Map<Integer, Instant> held) {
        LotView changed;
        synchronized (this) {
            if (held.equals(reservations)) {
                return;
            }
            reservations = Map.copyOf(held);
            changed = rebuild();
        }
        tell(changed);
    }

    /**
     * The lot on a new layout, from the engine between two samples: a spot with the same number and outline keeps
     * its state and its date, any other starts unknown. Reservations and closed bays are kept by number: a booking on
     * a spot the layout no longer has stays in the database and shows nowhere.
     *
     * @return the spots booked now that the new layout does not have
     */
    public Set<Integer> relayout(Layout layout) {
        LotView changed;
        Set<Integer> orphans = new TreeSet<>();
        synchronized (this) {
            Map<Integer, SpotStatus> before = new HashMap<>();
            snapshot.spots().forEach(s -> before.put(s.spot().id(), s));
            Instant now = clock.instant();
            Map<Integer, Instant> dates = new HashMap<>();
            List<SpotStatus> statuses = new ArrayList<>();
            for (Spot spot : layout.spots()) {
                SpotStatus old = before.get(spot.id());
                boolean same = old != null && old.spot().outline().equals(spot.outline());
                statuses.add(same ? new SpotStatus(spot, old.occupancy(), old.confidence(), old.since())
                        : new SpotStatus(spot, Occupancy.UNKNOWN, 0, snapshot.time()));
                dates.put(spot.id(), same ? since.getOrDefault(spot.id(), now) : now);
            }
            reservations.keySet().stream().filter(id -> dates.get(id) == null).forEach(orphans::add);
            snapshot = new LotSnapshot(snapshot.frame(), snapshot.time(), statuses);
            since = Map.copyOf(dates);
            changed = rebuild();
        }
        tell(changed);
        return orphans;
    }

    /** The bays the operator closed (out of service), from the booking service. */
    public void closed(Set<Integer> spots) {
        LotView changed;
        synchronized (this) {
            if (spots.equals(closed)) {
                return;
            }
            closed = Set.copyOf(spots);
            changed = rebuild();
        }
        tell(changed);
    }

    /** The camera's health, from the engine. */
    public void health(SourceHealth next) {
        LotView changed;
        synchronized (this) {
            if (next.equals(health)) {
                return;
            }
            health = next;
            changed = rebuild();
        }
        tell(changed);
    }

    /** The lot now; its {@code live} flag is decided at this call, so a lot whose samples stopped turns stale by itself. */
    public LotView view() {
        return view.withLive(isLive(view.source(), view.updated()));
    }

    /** Told of every change, on the thread that made it: keep the work short and hand it on. */
    public void subscribe(Consumer<LotView> listener) {
        listeners.add(listener);
    }

    /** What the camera sees of a spot now; empty when the lot has no such spot. */
    public Optional<Occupancy> occupancyOf(int spotId) {
        return view.spot(spotId).map(SpotView::occupancy);
    }

    private LotView rebuild() {
        view = LotView.of(snapshot, since, reservations, closed, health, updated, isLive(health, updated));
        return view;
    }

    private boolean isLive(SourceHealth source, Instant newest) {
        return source.state() == SourceHealth.State.LIVE && newest != null
                && !clock.instant().isAfter(newest.plus(staleAfter));
    }

    private void tell(LotView changed) {
        for (Consumer<LotView> listener : listeners) {
            listener.accept(changed);
        }
    }
}
