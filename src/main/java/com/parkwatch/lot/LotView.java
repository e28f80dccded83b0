package com.parkwatch.lot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lot as every output shows it at one moment: each spot's state, the cameras' health and whether the states are
 * current. Immutable: readers on any thread take one and read it whole.
 *
 * <p>With several cameras the lot is live while any camera is; the spots of a camera that is not show unknown and
 * are never offered as free, and {@link #source()} says which cameras are down. With none live the lot is not live,
 * its spots keep the states last seen, as with one camera.
 *
 * @param snapshot the engine's latest analysed sample (with several cameras: every camera's spots, camera 1's time)
 * @param source   the lot's health: the camera's, or with several a summary of theirs in words
 * @param updated  the wall-clock time of the newest sample, or null before the first
 * @param live     a camera is watching and its newest sample is recent: only then is a free spot offered as free
 * @param cameras  each camera's health, in camera order
 */
public record LotView(LotSnapshot snapshot, List<SpotView> spots, SourceHealth source, Instant updated, boolean live,
                      List<CameraView> cameras) {

    public LotView {
        spots = List.copyOf(spots);
        cameras = List.copyOf(cameras);
    }

    /** A lot with one camera. */
    public LotView(LotSnapshot snapshot, List<SpotView> spots, SourceHealth source, Instant updated, boolean live) {
        this(snapshot, spots, source, updated, live, List.of(new CameraView(1, source, updated, live)));
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

    /** @param seen each camera's latest sample, in camera order, as {@code cameras} */
    static LotView of(List<LotSnapshot> seen, Map<Integer, Instant> since, Map<Integer, Instant> reservations,
                      Set<Integer> closed, List<CameraView> cameras) {
        boolean live = cameras.stream().anyMatch(CameraView::live);
        List<SpotView> spots = new ArrayList<>();
        List<SpotStatus> statuses = new ArrayList<>();
        for (int c = 0; c < seen.size(); c++) {
            boolean watched = !live || cameras.get(c).live();
            for (SpotStatus s : seen.get(c).spots()) {
                Instant until = reservations.get(s.spot().id());
                SpotState state = SpotState.of(s.occupancy(), until != null,
                        closed.contains(s.spot().id()) || !s.spot().forDrivers(), watched);
                spots.add(new SpotView(s.spot(), state, s.occupancy(), s.confidence(), since.get(s.spot().id()), until, c + 1));
                statuses.add(s);
            }
        }
        LotSnapshot first = seen.get(0);
        LotSnapshot snapshot = seen.size() == 1 ? first : new LotSnapshot(first.frame(), first.time(), statuses);
        Instant updated = cameras.stream().map(CameraView::updated).filter(Objects::nonNull).max(Instant::compareTo)
                .orElse(null);
        return new LotView(snapshot, spots, summary(cameras, live), updated, live, cameras);
    }

    /** One camera's health as the lot's; with several, live while one is, and in words which are not. */
    private static SourceHealth summary(List<CameraView> cameras, boolean live) {
        if (cameras.size() == 1) {
            return cameras.get(0).health();
        }
        String reason = cameras.stream().map(c -> c.live() ? (c.health().reason().isEmpty() ? ""
                        : "camera " + c.number() + ": " + c.health().reason()) : c.notLiveReason())
                .filter(r -> !r.isEmpty()).collect(Collectors.joining("; "));
        if (live) {
            return new SourceHealth(SourceHealth.State.LIVE, reason, null);
        }
        SourceHealth first = cameras.get(0).health();
        Instant nextTry = cameras.stream().map(c -> c.health().nextTry()).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        return new SourceHealth(first.state(), reason, nextTry);
    }

    /** Camera {@code number}'s part of the lot, as a lot of its own: for the picture of that camera. */
    public LotView camera(int number) {
        if (cameras.size() == 1) {
            return this;
        }
        CameraView camera = cameras.get(number - 1);
        List<SpotView> own = new ArrayList<>();
        List<SpotStatus> statuses = new ArrayList<>();
        // The snapshot holds the spots in the order of the views.
        for (int i = 0; i < spots.size(); i++) {
            if (spots.get(i).camera() == number) {
                own.add(spots.get(i));
                statuses.add(snapshot.spots().get(i));
            }
        }
        return new LotView(new LotSnapshot(snapshot.frame(), snapshot.time(), statuses), own, camera.health(),
                camera.updated(), camera.live(), List.of(camera));
    }

    /**
     * Why the camera that watches the spot cannot vouch for its state now, while others of the lot watch; empty when
     * it can, or when no camera watches (the lot is not live: said for the whole lot).
     */
    public Optional<String> notWatching(int spotId) {
        if (!live) {
            return Optional.empty();
        }
        return spot(spotId).map(s -> cameras.get(s.camera() - 1)).filter(c -> !c.live())
                .map(c -> c.notLiveReason() + ", so spot " + spotId + "'s state is not current");
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
