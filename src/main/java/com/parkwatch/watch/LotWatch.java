package com.parkwatch.watch;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.BookingStore;
import com.parkwatch.booking.SpotAvailability;
import com.parkwatch.booking.StoreUnavailable;
import com.parkwatch.history.HistoryRecorder;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.vision.FrameSources;
import com.parkwatch.vision.align.ReferenceStill;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.SpotClassifier;
import com.parkwatch.vision.track.EngineCounters;
import com.parkwatch.vision.track.EngineLoop;
import com.parkwatch.vision.track.OccupancyTracker;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.Backoff;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.RtspTransport;
import com.parkwatch.vision.video.SourceException;
import com.parkwatch.vision.video.SourceStatus;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The composition root of a running lot, built once by the kiosk, {@code serve} and the tests: the source, the
 * layout, the tracker on its engine thread, the live lot, the bookings and the web's picture.
 *
 * <p>Threads: the engine thread decodes, analyses and publishes to the {@link LiveLot}; it never touches the
 * database. The bookings thread re-reads the active bookings every few seconds (their ends, other kiosks sharing the
 * database) into the live lot, and writes the lot's changes to its history every second (queued by the engine, which
 * never waits for them); a database that fails there is logged once and the lot goes on. An engine that
 * fails is logged once, shown as the source's health, and started again after a back-off.
 */
public final class LotWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LotWatch.class);
    /** How often the bookings are read again: how late a booking's end shows, at the most. */
    static final Duration BOOKINGS_REFRESH = Duration.ofSeconds(5);
    /** The least time without a new sample before the lot is no longer live. */
    static final Duration SHORTEST_STALE = Duration.ofSeconds(5);
    /** How often the lot's changes are written to the history: how much a crash may lose, at the most. */
    static final Duration HISTORY_WRITES = Duration.ofSeconds(1);
    /** For a camera not reached yet, whose own rate is not known. */
    private static final double ASSUMED_FRAME_RATE = 25;

    private final String video;
    private final int loopCount;
    private final RtspTransport transport;
    private final WatchOptions.Layouts layouts;
    /** Whether the layout was switched since the last tracker was made: its reference picture is out of date. */
    private volatile boolean redrawn;
    private final StatusRelay relay;
    /** Null until a camera unreachable at start answers; then only the engine thread reads frames from it. */
    private volatile FrameSource source;
    private volatile Layout layout;
    /** The layout as the camera follower moved it at the last sample: where the feed draws the boxes. */
    private volatile Layout followed;
    private final SpotClassifier classifier;
    private final TrackerSettings settings;
    private final CorrectionFolder corrections;
    private final Clock clock;
    private final LiveLot lot;
    private final BookingService bookings;
    private final HistoryRecorder history;
    private volatile Duration historyRetention = HistoryRecorder.DEFAULT_RETENTION;
    private volatile SnapshotPicture picture;
    private final List<EngineLoop.SampleListener> viewers = new CopyOnWriteArrayList<>();
    private final Queue<Correction> pendingCorrections = new ConcurrentLinkedQueue<>();
    /** A layout the operator saved, taken up by the engine between two samples. */
    private final AtomicReference<Layout> nextLayout = new AtomicReference<>();
    private final List<Consumer<Layout>> layoutFollowers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService bookingsThread = Executors.newSingleThreadScheduledExecutor(
            daemon("bookings"));
    private final Thread engine = daemon("engine").newThread(this::runEngine);
    private volatile boolean storeFailing;
    /** nanoTime of the engine's latest progress: a frame, or a try at a blind camera. */
    private volatile long progress = System.nanoTime();
    private volatile int engineStarts;
    private final EngineCounters counters = new EngineCounters();
    /** Times the camera was lost and reconnecting began: counted where the source tells its status, one thread. */
    private volatile long reconnects;

    private record Correction(int spotId, Occupancy truth, CompletableFuture<Boolean> done) {
    }

    private LotWatch(FrameSource source, Layout layout, WatchOptions options, StatusRelay relay) {
        this.source = source;
        this.layout = layout;
        this.video = options.video();
        this.loopCount = options.loopCount();
        this.transport = options.transport();
        this.layouts = options.layouts();
        this.relay = relay;
        this.classifier = options.classifier();
        this.settings = options.tracker();
        this.corrections = options.corrections();
        this.clock = options.clock();
        double frameRate = source == null ? ASSUMED_FRAME_RATE : source.frameRate();
        lot = new LiveLot(layout, clock, staleAfter(settings.step(), frameRate));
        bookings = bookingsFor(lot, options.store(), clock, options.rules());
        picture = new SnapshotPicture(lot, layout);
        relay.target = this::sourceStatus;
        // Bookings tied to the camera: arrivals and taken bays, worked out on the bookings thread.
        BookingArrivals.watch(lot, bookings, bookingsThread);
        // Every change kept: queued by the engine, written by the bookings thread.
        history = new HistoryRecorder(options.store(), clock);
        lot.subscribe(history::seen);
    }

    /**
     * Opens the source and builds the lot on it; nothing runs until {@link #start}. A network camera that does not
     * answer at start is no reason to stay down: the lot starts on the layout's own size, says why it is not live,
     * and the engine keeps trying.
     */
    public static LotWatch open(WatchOptions options) throws SourceException {
        StatusRelay relay = new StatusRelay();
        FrameSource source;
        try {
            source = FrameSources.open(options.video(), options.loopCount(), options.transport(), relay);
        } catch (SourceException e) {
            if (!FrameSources.isStream(options.video())) {
                throw e;
            }
            LotWatch waiting = new LotWatch(null, options.layouts().beforeSource(), options, relay);
            waiting.lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, e.getMessage(), null));
            LOG.warn("the camera does not answer yet ({}); the lot starts and keeps trying", e.getMessage());
            return waiting;
        }
        try {
            return new LotWatch(source, options.layouts().fittedTo(source), options, relay);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** No sample for three steps' time, and at least {@link #SHORTEST_STALE}: the states are no longer current. */
    static Duration staleAfter(int step, double frameRate) {
        Duration threeSteps = Duration.ofMillis(Math.round(3000.0 * step / frameRate));
        return threeSteps.compareTo(SHORTEST_STALE) > 0 ? threeSteps : SHORTEST_STALE;
    }

    /**
     * Someone who shows the frames (the kiosk's feed), on the engine thread; before {@link #start} only. A viewer
     * that is {@link AutoCloseable} is closed with the watch, once the engine has stopped using it.
     */
    public void show(EngineLoop.SampleListener viewer) {
        viewers.add(viewer);
    }

    public void start() {
        engine.start();
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

    public Layout layout() {
        return layout;
    }

    /** The layout where the camera follower moved it at the last sample (see docs/engine.md); the layout before it. */
    public Layout followedLayout() {
        Layout moved = followed;
        return moved != null ? moved : layout;
    }

    /** The source watched, which only the engine thread reads frames from. */
    public FrameSource source() {
        return source;
    }

    /** The source's own frame rate, and whether it paces itself (a camera) or plays at that rate (a file). */
    public double frameRate() {
        FrameSource s = source;
        return s == null ? ASSUMED_FRAME_RATE : s.frameRate();
    }

    public boolean isLiveSource() {
        FrameSource s = source;
        return s == null || s.isLive();
    }

    /** The latest sampled frame drawn with the lot's state now, as JPEG; null before the first sample. */
    public byte[] latestJpeg() {
        return picture.latestJpeg();
    }

    /**
     * The latest sampled frame as the camera gave it (no drawing on it), as JPEG: the still the layout editor draws
     * on. Null before the first sample.
     */
    public byte[] latestStill() {
        return picture.latestStill();
    }

    /**
     * Watches the lot on another layout from the next sample on, without a restart: the engine thread takes it up
     * between two samples with a new tracker, and the live lot keeps the state of every spot whose number and
     * outline did not change. Bookings on spots the new layout lacks are kept (they end by themselves) and logged.
     *
     * @param next at the frames' size, or at a size of the same aspect ratio (it is scaled)
     * @throws com.parkwatch.lot.LayoutMismatchException when its aspect ratio is not the frames'
     */
    public void switchLayout(Layout next) {
        Layout now = layout;
        nextLayout.set(next.fittedTo(now.width(), now.height()));
        if (!engine.isAlive()) {
            // Not started, or the file has played out: no engine will take it up, so take it up here.
            takeNextLayout();
        }
    }

    /**
     * Told of each layout switched to, on the thread that switched (the engine's, between frames), before any sample
     * on it: the kiosk's feed redraws its boxes, its screen rebuilds its spots.
     */
    public void onLayoutSwitched(Consumer<Layout> follower) {
        layoutFollowers.add(follower);
    }

    /** Switches to the layout waiting, if any; true when it did. */
    private synchronized boolean takeNextLayout() {
        Layout next = nextLayout.getAndSet(null);
        if (next == null) {
            return false;
        }
        layout = next;
        followed = null;
        // The new layout was drawn on today's picture: the next tracker keeps that as the reference.
        redrawn = true;
        SnapshotPicture before = picture;
        SnapshotPicture replaced = new SnapshotPicture(lot, next);
        replaced.takeFrameOf(before);
        picture = replaced;
        before.close();
        for (Consumer<Layout> follower : layoutFollowers) {
            follower.accept(next);
        }
        Set<Integer> orphans = lot.relayout(next);
        LOG.info("the lot now watches {} spots of the new layout", next.size());
        if (!orphans.isEmpty()) {
            LOG.warn("bookings on spots {} are kept, but the new layout has no such spots: they end by themselves", orphans);
        }
        return true;
    }

    /**
     * When the engine last made progress (nanoTime): a frame decoded, or a try at reaching a blind camera. An engine
     * stuck inside a decoder stops making progress, and systemd's watchdog restarts the process.
     */
    public long lastProgressNanos() {
        return progress;
    }

    /** Frames decoded and analysed and the analysis time, over every start of the engine: for the metrics. */
    public EngineCounters counters() {
        return counters;
    }

    /** How many times the source was lost and reconnecting began: for the metrics. */
    public long reconnects() {
        return reconnects;
    }

    /** How many times the engine has started: once, and once more after each failure. */
    public int engineStarts() {
        return engineStarts;
    }

    /**
     * An operator's correction, applied on the engine thread at the next frame: the spot takes that state at once,
     * its crop is kept and the classifier learns it.
     *
     * @return completes with whether the classifier learnt it, or exceptionally when the crop could not be kept
     */
    public CompletableFuture<Boolean> correct(int spotId, Occupancy truth) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        pendingCorrections.add(new Correction(spotId, truth, done));
        return done;
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

    private void sourceStatus(SourceStatus status) {
        progress = System.nanoTime();
        switch (status.state()) {
            // Live again at the next analysed sample, not before.
            case RUNNING -> { }
            case RECONNECTING -> {
                if (lot.view().source().state() != SourceHealth.State.RECONNECTING) {
                    reconnects = reconnects + 1;
                }
                lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, status.reason(), status.nextTry()));
            }
            case STOPPED -> lot.health(new SourceHealth(SourceHealth.State.FAILED, status.reason(), null));
        }
    }

    private void runEngine() {
        if (source == null) {
            try {
                source = connect();
            } catch (InterruptedException e) {
                return;
            }
            fitToSource();
        }
        Engine listener = new Engine();
        Backoff restarts = new Backoff();
        restarts.next();
        boolean switched = false;
        while (!Thread.currentThread().isInterrupted()) {
            engineStarts += switched ? 0 : 1;
            try (OccupancyTracker tracker = new OccupancyTracker(layout, classifier, settings, referenceStill())) {
                listener.tracker = tracker;
                long first = listener.next;
                long played = new EngineLoop(source, tracker, listener, EngineLoop.Pace.SOURCE_RATE, counters)
                        .run(first, Long.MAX_VALUE);
                switched = takeNextLayout();
                if (switched) {
                    continue;
                }
                if (!Thread.currentThread().isInterrupted()) {
                    // Counted by the loop: without a kiosk, frames between samples are skipped, never seen here.
                    lot.health(new SourceHealth(SourceHealth.State.ENDED, endReason(first + played), null));
                }
                return;
            } catch (InterruptedException e) {
                return;
            } catch (SourceException e) {
                LOG.warn("the source stopped: {}", e.getMessage());
                lot.health(new SourceHealth(SourceHealth.State.FAILED, e.getMessage(), null));
                return;
            } catch (RuntimeException e) {
                switched = false;
                Duration wait = restarts.next();
                LOG.error("the engine failed at frame {}; it starts again in {} s", listener.next, wait.toSeconds(), e);
                lot.health(new SourceHealth(SourceHealth.State.FAILED, "the engine failed (" + e.getMessage()
                        + "); it starts again", clock.instant().plus(wait)));
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    /** "the video ended", and when it ended before its header's count of frames, that it was cut short. */
    private String endReason(long played) {
        OptionalLong declared = source.declaredFrames();
        if (declared.isPresent() && played < declared.getAsLong()) {
            return "the video ended at frame " + played + ": it is shorter than its header says ("
                    + declared.getAsLong() + " frames)";
        }
        return "the video ended";
    }

    /** Opens a camera that did not answer at start, trying again as {@link Backoff} says. */
    private FrameSource connect() throws InterruptedException {
        Backoff backoff = new Backoff();
        backoff.next();
        while (true) {
            try {
                return FrameSources.open(video, loopCount, transport, relay);
            } catch (SourceException e) {
                progress = System.nanoTime();
                Duration wait = backoff.next();
                lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, e.getMessage(), clock.instant().plus(wait)));
                Thread.sleep(wait.toMillis());
            }
        }
    }

    /** The picture kept for the layout's file, replaced once after the layout was drawn again; null for none. */
    private ReferenceStill referenceStill() {
        Path file = layouts.referenceStill();
        boolean stale = redrawn;
        redrawn = true;
        return file == null ? null : new ReferenceStill(file, stale);
    }

    /** The layout and the web's picture at the size of the frames the camera turned out to send. */
    private void fitToSource() {
        Layout fitted = layouts.fittedTo(source);
        if (!fitted.equals(layout)) {
            layout = fitted;
            SnapshotPicture before = picture;
            picture = new SnapshotPicture(lot, fitted);
            before.close();
        }
    }

    /** On the engine thread: publishes samples, applies corrections, and hands frames to the viewers. */
    private final class Engine implements EngineLoop.SampleListener {
        OccupancyTracker tracker;
        final CameraHealth camera = new CameraHealth(clock);
        /** The index of the next frame seen: a restarted engine goes on counting from about here. */
        long next;

        @Override
        public void sampled(LotSnapshot snapshot, Mat frame) {
            lot.health(camera.of(tracker));
            followed = tracker.followedLayout();
            lot.publish(snapshot);
            picture.sampled(frame);
            for (EngineLoop.SampleListener viewer : viewers) {
                viewer.sampled(snapshot, frame);
            }
        }

        @Override
        public void frame(Mat frame, long index) {
            next = index + 1;
            progress = System.nanoTime();
            for (Correction c; (c = pendingCorrections.poll()) != null; ) {
                apply(c, frame, index);
            }
            for (EngineLoop.SampleListener viewer : viewers) {
                viewer.frame(frame, index);
            }
        }

        @Override
        public boolean endsRunHere() {
            return nextLayout.get() != null;
        }

        @Override
        public boolean looksAtEveryFrame() {
            // Corrections need a frame, but only the kiosk makes them, and it shows every frame.
            return !viewers.isEmpty();
        }

        private void apply(Correction c, Mat frame, long index) {
            if (layout.spots().stream().noneMatch(s -> s.id() == c.spotId())) {
                // A tile of the layout before the operator saved a new one.
                c.done().complete(false);
                return;
            }
            try {
                boolean learnt = tracker.correct(layout.indexOf(c.spotId()), c.truth(), frame, index / source.frameRate(),
                        crop -> corrections.keep(crop, c.spotId(), c.truth()));
                if (learnt) {
                    lot.publish(tracker.latest());
                }
                c.done().complete(learnt);
            } catch (UncheckedIOException e) {
                LOG.error("the correction of spot {} was not kept: {}", c.spotId(), e.getMessage());
                c.done().completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() {
        engine.interrupt();
        bookingsThread.shutdownNow();
        try {
            if (bookingsThread.awaitTermination(3, TimeUnit.SECONDS)) {
                history.stopped();
                history.drain();
            }
            engine.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (engine.isAlive()) {
            // Freeing the decoder under a thread still inside it would crash the process: leave it to the exit.
            LOG.warn("the engine did not stop within 5 s; its source is left open");
            return;
        }
        for (EngineLoop.SampleListener viewer : viewers) {
            if (viewer instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("a viewer of the lot did not close: {}", e.getMessage());
                }
            }
        }
        picture.close();
        if (source != null) {
            source.close();
        }
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
    }

    /** Hands the source's status on to the watch, which exists only once the source is open. */
    private static final class StatusRelay implements Consumer<SourceStatus> {
        volatile Consumer<SourceStatus> target = status -> { };

        @Override
        public void accept(SourceStatus status) {
            target.accept(status);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return work -> {
            Thread t = new Thread(work, name);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.error("the {} thread failed", name, e));
            return t;
        };
    }
}
