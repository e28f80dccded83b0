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
 *
 * <p>A lot may have several cameras, each with its own spots (numbered across cameras by {@link CameraNumbering}),
 * health and newest sample: a camera that is down takes only its own spots out of what is offered, and the lot is
 * not live only when no camera is (see {@link LotView}). The calls without a camera number are camera 1's.
 */
public final class LiveLot {

    private final Clock clock;
    private final Duration staleAfter;
    private final List<Consumer<LotView>> listeners = new CopyOnWriteArrayList<>();
    /** Per camera, in camera order: its latest sample, its source's health and that sample's wall-clock time. */
    private final LotSnapshot[] snapshots;
    private final SourceHealth[] healths;
    private final Instant[] updated;
    private Map<Integer, Instant> since;
    private Map<Integer, Instant> reservations = Map.of();
    private Set<Integer> closed = Set.of();
    private volatile LotView view;

    public LiveLot(Layout layout, Clock clock, Duration staleAfter) {
        this(List.of(layout), clock, staleAfter);
    }

    /** @param cameras each camera's layout, in camera order, numbered as one lot ({@link CameraNumbering}) */
    public LiveLot(List<Layout> cameras, Clock clock, Duration staleAfter) {
        this.clock = clock;
        this.staleAfter = staleAfter;
        int n = cameras.size();
        snapshots = new LotSnapshot[n];
        healths = new SourceHealth[n];
        updated = new Instant[n];
        Instant now = clock.instant();
        Map<Integer, Instant> start = new HashMap<>();
        for (int c = 0; c < n; c++) {
            snapshots[c] = new LotSnapshot(-1, 0, cameras.get(c).spots().stream()
                    .map(s -> new SpotStatus(s, Occupancy.UNKNOWN, 0, 0)).toList());
            healths[c] = SourceHealth.starting();
            cameras.get(c).spots().forEach(s -> start.put(s.id(), now));
        }
        since = Map.copyOf(start);
        rebuild();
    }

    /** How many cameras watch the lot. */
    public int cameras() {
        return snapshots.length;
    }

    /** A new analysed sample, from the engine. */
    public void publish(LotSnapshot next) {
        publish(1, next);
    }

    /** A new analysed sample of a camera (1-based), from its engine. */
    public void publish(int camera, LotSnapshot next) {
        LotView changed;
        synchronized (this) {
            Instant now = clock.instant();
            Map<Integer, Instant> dates = new HashMap<>(since);
            Map<Integer, Occupancy> before = new HashMap<>();
            snapshots[camera - 1].spots().forEach(s -> before.put(s.spot().id(), s.occupancy()));
            for (SpotStatus s : next.spots()) {
                if (before.get(s.spot().id()) != s.occupancy()) {
                    dates.put(s.spot().id(), now);
                }
            }
            snapshots[camera - 1] = next;
            since = Map.copyOf(dates);
            updated[camera - 1] = now;
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
        return relayout(1, layout);
    }

    /** As {@link #relayout(Layout)}, for one camera's spots (1-based), numbered as one lot. */
    public Set<Integer> relayout(int camera, Layout layout) {
        LotView changed;
        Set<Integer> orphans = new TreeSet<>();
        synchronized (this) {
            LotSnapshot snapshot = snapshots[camera - 1];
            Map<Integer, SpotStatus> before = new HashMap<>();
            snapshot.spots().forEach(s -> before.put(s.spot().id(), s));
            Instant now = clock.instant();
            Map<Integer, Instant> dates = new HashMap<>(since);
            before.keySet().forEach(dates::remove);
            List<SpotStatus> statuses = new ArrayList<>();
            for (Spot spot : layout.spots()) {
                SpotStatus old = before.get(spot.id());
                boolean same = old != null && old.spot().outline().equals(spot.outline());
                statuses.add(same ? new SpotStatus(spot, old.occupancy(), old.confidence(), old.since())
                        : new SpotStatus(spot, Occupancy.UNKNOWN, 0, snapshot.time()));
                dates.put(spot.id(), same ? since.getOrDefault(spot.id(), now) : now);
            }
            reservations.keySet().stream().filter(id -> dates.get(id) == null).forEach(orphans::add);
            snapshots[camera - 1] = new LotSnapshot(snapshot.frame(), snapshot.time(), statuses);
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
        health(1, next);
    }

    /** A camera's health (1-based), from its engine. */
    public void health(int camera, SourceHealth next) {
        LotView changed;
        synchronized (this) {
            if (next.equals(healths[camera - 1])) {
                return;
            }
            healths[camera - 1] = next;
            changed = rebuild();
        }
        tell(changed);
    }

    /**
     * The lot now; whether each camera is live is decided at this call, so a camera whose samples stopped turns
     * stale by itself.
     */
    public LotView view() {
        LotView now = view;
        // Indexed: readers call this often, and it allocates nothing while no camera turned stale.
        for (int c = 0; c < now.cameras().size(); c++) {
            CameraView camera = now.cameras().get(c);
            if (camera.live() != isLive(camera.health(), camera.updated())) {
                return rebuild();
            }
        }
        return now;
    }

    /** Told of every change, on the thread that made it: keep the work short and hand it on. */
    public void subscribe(Consumer<LotView> listener) {
        listeners.add(listener);
    }

    /** What the camera sees of a spot now; empty when the lot has no such spot. */
    public Optional<Occupancy> occupancyOf(int spotId) {
        return view.spot(spotId).map(SpotView::occupancy);
    }

    private synchronized LotView rebuild() {
        List<CameraView> cameras = new ArrayList<>();
        for (int c = 0; c < snapshots.length; c++) {
            cameras.add(new CameraView(c + 1, healths[c], updated[c], isLive(healths[c], updated[c])));
        }
        view = LotView.of(List.of(snapshots), since, reservations, closed, cameras);
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
