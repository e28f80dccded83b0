package com.parkwatch.lot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lot as every output shows it at one moment: each spot's state, the camera's health and whether the states are
 * current. Immutable: readers on any thread take one and read it whole.
 *
 * @param snapshot the engine's latest analysed sample
 * @param updated  the wall-clock time of that sample, or null before the first
 * @param live     the camera is watching and the newest sample is recent: only then is a free spot offered as free
 */
public record LotView(LotSnapshot snapshot, List<SpotView> spots, SourceHealth source, Instant updated, boolean live) {

    public LotView {
        spots = List.copyOf(spots);
    }

    /**
     * A sample with no bookings, as the camera sees it, live: for the command line, which has no bookings and where
     * every sample is fresh.
     */
    public static LotView of(LotSnapshot snapshot) {
        List<SpotView> spots = snapshot.spots().stream()
                .map(s -> new SpotView(s.spot(), SpotState.of(s.occupancy(), false), s.occupancy(), s.confidence(), null, null))
                .toList();
        return new LotView(snapshot, spots, SourceHealth.live(), null, true);
    }

    static LotView of(LotSnapshot snapshot, Map<Integer, Instant> since, Map<Integer, Instant> reservations,
                      Set<Integer> closed, SourceHealth source, Instant updated, boolean live) {
        List<SpotView> spots = snapshot.spots().stream().map(s -> {
            Instant until = reservations.get(s.spot().id());
            SpotState state = SpotState.of(s.occupancy(), until != null,
                    closed.contains(s.spot().id()) || !s.spot().forDrivers());
            return new SpotView(s.spot(), state, s.occupancy(), s.confidence(),
                    since.get(s.spot().id()), until);
        }).toList();
        return new LotView(snapshot, spots, source, updated, live);
    }

    LotView withLive(boolean isLive) {
        return isLive == live ? this : new LotView(snapshot, spots, source, updated, isLive);
    }

    /** The spots a driver may take or book now, in spot order. */
    public List<Integer> freeSpotIds() {
        return spots.stream().filter(s -> s.state() == SpotState.FREE).map(SpotView::id).toList();
    }

    /** The bays the operator closed, in spot order. */
    public List<Integer> closedSpotIds() {
        return spots.stream().filter(s -> s.state() == SpotState.CLOSED).map(SpotView::id).toList();
    }

    public List<Integer> reservedSpotIds() {
        return spots.stream().filter(SpotView::reserved).map(SpotView::id).toList();
    }

    public int free() {
        return (int) spots.stream().filter(s -> s.state() == SpotState.FREE).count();
    }

    public int total() {
        return spots.size();
    }

    public Optional<SpotView> spot(int id) {
        return spots.stream().filter(s -> s.id() == id).findFirst();
    }
}
