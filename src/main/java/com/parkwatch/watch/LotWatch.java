package com.parkwatch.watch;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.BookingStore;
import com.parkwatch.booking.SpotAvailability;
import com.parkwatch.booking.StoreUnavailable;
import com.parkwatch.history.HistoryRecorder;
import com.parkwatch.lot.CameraNumbering;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.vision.track.EngineCounters;
import com.parkwatch.vision.track.EngineLoop;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The composition root of a running lot, built once by the kiosk, {@code serve} and the tests: its cameras (each a
 * {@link CameraWatch}: source, layout, tracker on its own engine thread, picture), the live lot they publish to, the
 * bookings and the history. With several cameras the spots are numbered across them ({@link CameraNumbering}); the
 * calls without a camera number (the layout, the source, the picture, showing the frames) are camera 1's.
 *
 * <p>Threads: each engine thread decodes, analyses and publishes to the {@link LiveLot}; it never touches the
 * database. The bookings thread re-reads the active bookings every few seconds (their ends, other kiosks sharing the
 * database) into the live lot, and writes the lot's changes to its history every second (queued by the engines,
 * which never wait for them); a database that fails there is logged once and the lot goes on.
 */
public final class LotWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LotWatch.class);
    /** How often the bookings are read again: how late a booking's end shows, at the most. */
    static final Duration BOOKINGS_REFRESH = Duration.ofSeconds(5);
    /** The least time without a new sample before the lot is no longer live. */
    static final Duration SHORTEST_STALE = Duration.ofSeconds(5);
    /** How often the lot's changes are written to the history: how much a crash may lose, at the most. */
    static final Duration HISTORY_WRITES = Duration.ofSeconds(1);

    private final List<CameraWatch> cameras;
    private final LiveLot lot;
    private final BookingService bookings;
    private final HistoryRecorder history;
    private volatile Duration historyRetention = HistoryRecorder.DEFAULT_RETENTION;
    private final ScheduledExecutorService bookingsThread = Executors.newSingleThreadScheduledExecutor(
            daemon("bookings"));
    private volatile boolean storeFailing;

    private LotWatch(List<CameraWatch.Opened> opened, WatchOptions options) {
        List<Layout> numbered = CameraNumbering.acrossCameras(opened.stream().map(CameraWatch.Opened::layout).toList());
        double slowest = opened.stream().mapToDouble(o -> o.source() == null ? CameraWatch.ASSUMED_FRAME_RATE
                : o.source().frameRate()).min().orElse(CameraWatch.ASSUMED_FRAME_RATE);
        Clock clock = options.clock();
        lot = new LiveLot(numbered, clock, staleAfter(options.tracker().step(), slowest));
        List<CameraWatch> built = new ArrayList<>();
        for (int c = 0; c < opened.size(); c++) {
            int number = c + 1;
            lot.health(number, CameraWatch.firstHealth(opened.get(c)));
            built.add(new CameraWatch(number, opened.get(c), numbered.get(c), options, lot,
                    next -> CameraNumbering.forCamera(layouts(), number, next)));
        }
        cameras = List.copyOf(built);
        bookings = bookingsFor(lot, options.store(), clock, options.rules());
        // Bookings tied to the cameras: arrivals and taken bays, worked out on the bookings thread.
        BookingArrivals.watch(lot, bookings, bookingsThread);
        // Every change kept: queued by the engines, written by the bookings thread.
        history = new HistoryRecorder(options.store(), clock);
        lot.subscribe(history::seen);
    }

    /**
     * Opens every camera's source and builds the lot on them; nothing runs until {@link #start}. A network camera
     * that does not answer at start is no reason to stay down: its spots start not live, say why, and its engine
     * keeps trying.
     */
    public static LotWatch open(WatchOptions options) throws SourceException {
        List<CameraWatch.Opened> opened = new ArrayList<>();
        try {
            for (WatchOptions.Camera camera : options.cameras()) {
                opened.add(CameraWatch.open(camera, options));
            }
            return new LotWatch(opened, options);
        } catch (SourceException | RuntimeException e) {
            opened.stream().filter(o -> o.source() != null).forEach(o -> o.source().close());
            throw e;
        }
    }

    /** No sample for three steps' time, and at least {@link #SHORTEST_STALE}: the states are no longer current. */
    static Duration staleAfter(int step, double frameRate) {
        Duration threeSteps = Duration.ofMillis(Math.round(3000.0 * step / frameRate));
        return threeSteps.compareTo(SHORTEST_STALE) > 0 ? threeSteps : SHORTEST_STALE;
    }

    /**
     * Someone who shows camera 1's frames (the kiosk's feed), on its engine thread; before {@link #start} only. A
     * viewer that is {@link AutoCloseable} is closed with the watch, once the engine has stopped using it.
     */
    public void show(EngineLoop.SampleListener viewer) {
        show(1, viewer);
    }

    /** As {@link #show(EngineLoop.SampleListener)}, for a camera's frames (1-based). */
    public void show(int camera, EngineLoop.SampleListener viewer) {
        camera(camera).show(viewer);
    }

    public void start() {
        cameras.forEach(CameraWatch::start);
        bookingsThread.scheduleWithFixedDelay(this::refreshBookings, 0, BOOKINGS_REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        bookingsThread.scheduleWithFixedDelay(this::keepHistory, HISTORY_WRITES.toMillis(), HISTORY_WRITES.toMillis(),
                TimeUnit.MILLISECONDS);
        bookingsThread.scheduleWithFixedDelay(this::pruneHistory, 1, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    /** How long the lot's history is kept ({@link HistoryRecorder#DEFAULT_RETENTION} unless told); before start. */
    public void keepHistoryFor(Duration retention) {
        historyRetention = retention;
    }

    private void keepHistory() {
        // The liveness turns stale with no change to tell of it: the view now says so.
        history.seen(lot.view());
        try {
            history.drain();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log it and keep the schedule.
            LOG.error("writing the history failed", e);
        }
    }

    private void pruneHistory() {
        try {
            history.prune(historyRetention);
        } catch (StoreUnavailable e) {
            LOG.warn("cannot prune the history ({}); tried again tomorrow", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("pruning the history failed", e);
        }
    }

    public LiveLot lot() {
        return lot;
    }

    public BookingService bookings() {
        return bookings;
    }

    /** The lot's cameras, in order: camera 1 first. */
    public List<CameraWatch> cameras() {
        return cameras;
    }

    /** A camera by its number, from 1. */
    public CameraWatch camera(int number) {
        if (number < 1 || number > cameras.size()) {
            throw new IllegalArgumentException("there is no camera " + number + ": the lot has " + cameras.size());
        }
        return cameras.get(number - 1);
    }

    /** Camera 1's spots. */
    public Layout layout() {
        return cameras.get(0).layout();
    }

    /** Every camera's spots, in camera order, numbered as the lot numbers them. */
    public List<Layout> layouts() {
        return cameras.stream().map(CameraWatch::layout).toList();
    }

    /** Camera 1's source, which only its engine thread reads frames from. */
    public FrameSource source() {
        return cameras.get(0).source();
    }

    /** Camera 1's frame rate, and whether it paces itself (a camera) or plays at that rate (a file). */
    public double frameRate() {
        return cameras.get(0).frameRate();
    }

    public boolean isLiveSource() {
        return cameras.get(0).isLiveSource();
    }

    /** Camera 1's latest sampled frame drawn with the lot's state now, as JPEG; null before the first sample. */
    public byte[] latestJpeg() {
        return cameras.get(0).latestJpeg();
    }

    /**
     * Camera 1's latest sampled frame as the camera gave it (no drawing on it), as JPEG: the still the layout editor
     * draws on. Null before the first sample.
     */
    public byte[] latestStill() {
        return cameras.get(0).latestStill();
    }

    /**
     * Watches camera 1 on another layout from the next sample on, without a restart: the engine thread takes it up
     * between two samples with a new tracker, and the live lot keeps the state of every spot whose number and
     * outline did not change. Bookings on spots the new layout lacks are kept (they end by themselves) and logged.
     * Another camera's: {@link CameraWatch#switchLayout}.
     *
     * @param next at the frames' size, or at a size of the same aspect ratio (it is scaled)
     * @throws com.parkwatch.lot.LayoutMismatchException when its aspect ratio is not the frames'
     */
    public void switchLayout(Layout next) {
        cameras.get(0).switchLayout(next);
    }

    /**
     * Told of each layout camera 1 switches to, on the thread that switched (the engine's, between frames), before
     * any sample on it: the kiosk's feed redraws its boxes, its screen rebuilds its spots.
     */
    public void onLayoutSwitched(Consumer<Layout> follower) {
        cameras.get(0).onLayoutSwitched(follower);
    }

    /**
     * When the engines last made progress (nanoTime; the least recent of the cameras'): a frame decoded, or a try at
     * reaching a blind camera. An engine stuck inside a decoder stops making progress, and systemd's watchdog
     * restarts the process.
     */
    public long lastProgressNanos() {
        long oldest = Long.MAX_VALUE;
        for (CameraWatch camera : cameras) {
            long progress = camera.lastProgressNanos();
            oldest = oldest == Long.MAX_VALUE || progress - oldest < 0 ? progress : oldest;
        }
        return oldest;
    }

    /** Each camera's frames decoded and analysed and analysis time, over every start of its engine: for the metrics. */
    public List<EngineCounters> counters() {
        return cameras.stream().map(CameraWatch::counters).toList();
    }

    /** How many times a source was lost and reconnecting began, over the cameras: for the metrics. */
    public long reconnects() {
        return cameras.stream().mapToLong(CameraWatch::reconnects).sum();
    }

    /** How many times the engines have started: once each, and once more after each failure. */
    public int engineStarts() {
        return cameras.stream().mapToInt(CameraWatch::engineStarts).sum();
    }

    /**
     * An operator's correction, applied by the spot's camera on its engine thread at the next frame: the spot takes
     * that state at once, its crop is kept and the classifier learns it.
     *
     * @return completes with whether the classifier learnt it, or exceptionally when the crop could not be kept
     */
    public CompletableFuture<Boolean> correct(int spotId, Occupancy truth) {
        return cameraOf(spotId).correct(spotId, truth);
    }

    /** The camera that watches a spot; camera 1 for a spot no camera has (a tile of a layout just replaced). */
    public CameraWatch cameraOf(int spotId) {
        return cameras.stream().filter(c -> c.watches(spotId)).findFirst().orElse(cameras.get(0));
    }

    /**
     * The booking service of a live lot: it books on what the lot shows now, from memory, and hands every change of
     * the active bookings back to the lot, which keeps them as its reservations.
     */
    public static BookingService bookingsFor(LiveLot lot, BookingStore store, Clock clock, BookingRules rules) {
        return new BookingService(store, new Availability(lot), clock, rules, (active, closed) -> {
            Map<Integer, Instant> held = new HashMap<>();
            active.forEach(b -> held.put(b.spot(), b.end()));
            lot.reservations(held);
            lot.closed(closed);
        });
    }

    private void refreshBookings() {
        try {
            bookings.refresh();
            if (storeFailing) {
                LOG.info("the booking database answers again");
                storeFailing = false;
            }
        } catch (StoreUnavailable e) {
            if (!storeFailing) {
                LOG.warn("cannot read the bookings ({}); the lot goes on, bookings wait for the database", e.getMessage());
                storeFailing = true;
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log it and keep the schedule.
            LOG.error("reading the bookings failed", e);
        }
    }

    @Override
    public void close() {
        cameras.forEach(CameraWatch::interrupt);
        bookingsThread.shutdownNow();
        try {
            if (bookingsThread.awaitTermination(3, TimeUnit.SECONDS)) {
                history.stopped();
                history.drain();
            }
            CameraWatch.join(cameras, TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cameras.forEach(CameraWatch::close);
    }

    /** The booking service's view of the lot: what the camera sees, from memory, and whether it is watching. */
    private record Availability(LiveLot lot) implements SpotAvailability {
        @Override
        public Optional<Occupancy> occupancyOf(int spot) {
            return lot.occupancyOf(spot);
        }

        @Override
        public boolean forDrivers(int spot) {
            return lot.view().spot(spot).map(s -> s.spot().forDrivers()).orElse(true);
        }

        @Override
        public boolean watching() {
            return lot.view().live();
        }

        @Override
        public Optional<String> notWatching(int spot) {
            return lot.view().notWatching(spot);
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return work -> {
            Thread t = new Thread(work, name);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.error("the {} thread failed", name, e));
            return t;
        };
    }
}
