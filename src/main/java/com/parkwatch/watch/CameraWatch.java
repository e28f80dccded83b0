package com.parkwatch.watch;

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
import java.util.List;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One camera of a running lot: its source, its layout (its spots, numbered as the lot numbers them), its tracker on
 * its own engine thread, its picture for the web, the corrections of its spots and the switching of its layout. It
 * publishes its samples and its source's health to the lot's {@link LiveLot} under its number; {@link LotWatch}
 * builds one per camera.
 *
 * <p>An engine that fails is logged once, shown as this camera's health, and started again after a back-off.
 */
public final class CameraWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraWatch.class);
    /** For a camera not reached yet, whose own rate is not known. */
    static final double ASSUMED_FRAME_RATE = 25;

    private final int number;
    private final String video;
    private final int loopCount;
    private final RtspTransport transport;
    private final WatchOptions.Layouts layouts;
    /** Numbers a layout of this camera's as the lot does: spots after the cameras before it, labels unique. */
    private final UnaryOperator<Layout> numbered;
    /** Whether the layout was switched since the last tracker was made: its reference picture is out of date. */
    private volatile boolean redrawn;
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
    private volatile SnapshotPicture picture;
    private final List<EngineLoop.SampleListener> viewers = new CopyOnWriteArrayList<>();
    private final Queue<Correction> pendingCorrections = new ConcurrentLinkedQueue<>();
    /** A layout the operator saved, taken up by the engine between two samples. */
    private final AtomicReference<Layout> nextLayout = new AtomicReference<>();
    private final List<Consumer<Layout>> layoutFollowers = new CopyOnWriteArrayList<>();
    private final Thread engine;
    /** nanoTime of the engine's latest progress: a frame, or a try at a blind camera. */
    private volatile long progress = System.nanoTime();
    private volatile int engineStarts;
    private final EngineCounters counters = new EngineCounters();
    /** Times the camera was lost and reconnecting began: counted where the source tells its status, one thread. */
    private volatile long reconnects;

    private record Correction(int spotId, Occupancy truth, CompletableFuture<Boolean> done) {
    }

    /**
     * The source opened (or not yet reachable), and where its spots are; nothing runs until {@link #start}.
     *
     * @param source null for a camera that does not answer yet: the engine keeps trying
     */
    record Opened(WatchOptions.Camera camera, FrameSource source, Layout layout, StatusRelay relay) {
    }

    CameraWatch(int number, Opened opened, Layout layout, WatchOptions options, LiveLot lot,
                UnaryOperator<Layout> numbered) {
        this.number = number;
        this.source = opened.source();
        this.layout = layout;
        this.video = opened.camera().video();
        this.layouts = opened.camera().layouts();
        this.classifier = opened.camera().classifier();
        this.loopCount = options.loopCount();
        this.transport = options.transport();
        this.settings = options.tracker();
        this.corrections = options.corrections();
        this.clock = options.clock();
        this.lot = lot;
        this.numbered = numbered;
        picture = new SnapshotPicture(lot, layout, number, this::followedLayout);
        engine = LotWatch.daemon(number == 1 ? "engine" : "engine-" + number).newThread(this::runEngine);
        opened.relay().target = this::sourceStatus;
    }

    /**
     * Opens a camera's source; a network camera that does not answer at start is no reason to stay down: the camera
     * starts on the layout's own size, says why it is not live, and its engine keeps trying.
     */
    static Opened open(WatchOptions.Camera camera, WatchOptions options) throws SourceException {
        StatusRelay relay = new StatusRelay();
        FrameSource source;
        try {
            source = FrameSources.open(camera.video(), options.loopCount(), options.transport(), relay);
        } catch (SourceException e) {
            if (!FrameSources.isStream(camera.video())) {
                throw e;
            }
            LOG.warn("the camera does not answer yet ({}); the lot starts and keeps trying", e.getMessage());
            return new Opened(camera, null, camera.layouts().beforeSource(), relay.waiting(e.getMessage()));
        }
        try {
            return new Opened(camera, source, camera.layouts().fittedTo(source), relay);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** The health to start with: starting, or reconnecting to a camera that did not answer at start. */
    static SourceHealth firstHealth(Opened opened) {
        return opened.relay().firstHealth;
    }

    /** This camera's number in the lot, from 1. */
    public int number() {
        return number;
    }

    void show(EngineLoop.SampleListener viewer) {
        viewers.add(viewer);
    }

    void start() {
        engine.start();
    }

    /** Its spots, numbered as the lot numbers them. */
    public Layout layout() {
        return layout;
    }

    /** Its layout where the camera follower moved it at the last sample (see docs/engine.md); else its layout. */
    public Layout followedLayout() {
        Layout moved = followed;
        return moved != null ? moved : layout;
    }

    /** The source watched, which only the engine thread reads frames from; null before a blind camera answers. */
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

    /** The latest sampled frame drawn with its spots' state now, as JPEG; null before the first sample. */
    public byte[] latestJpeg() {
        return picture.latestJpeg();
    }

    /** The latest sampled frame as the camera gave it (no drawing on it), as JPEG; null before the first sample. */
    public byte[] latestStill() {
        return picture.latestStill();
    }

    /** See {@link LotWatch#switchLayout}: the layout is numbered as the lot numbers this camera's spots. */
    public void switchLayout(Layout next) {
        Layout now = layout;
        nextLayout.set(numbered.apply(next.fittedTo(now.width(), now.height())));
        if (!engine.isAlive()) {
            // Not started, or the file has played out: no engine will take it up, so take it up here.
            takeNextLayout();
        }
    }

    /** See {@link LotWatch#onLayoutSwitched}. */
    public void onLayoutSwitched(Consumer<Layout> follower) {
        layoutFollowers.add(follower);
    }

    /** Whether a spot of the lot is this camera's. */
    boolean watches(int spotId) {
        return layout.spots().stream().anyMatch(s -> s.id() == spotId);
    }

    CompletableFuture<Boolean> correct(int spotId, Occupancy truth) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        pendingCorrections.add(new Correction(spotId, truth, done));
        return done;
    }

    long lastProgressNanos() {
        return progress;
    }

    EngineCounters counters() {
        return counters;
    }

    long reconnects() {
        return reconnects;
    }

    int engineStarts() {
        return engineStarts;
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
        SnapshotPicture replaced = new SnapshotPicture(lot, next, number, this::followedLayout);
        replaced.takeFrameOf(before);
        picture = replaced;
        before.close();
        for (Consumer<Layout> follower : layoutFollowers) {
            follower.accept(next);
        }
        Set<Integer> orphans = lot.relayout(number, next);
        LOG.info("camera {} now watches {} spots of the new layout", number, next.size());
        if (!orphans.isEmpty()) {
            LOG.warn("bookings on spots {} are kept, but the new layout has no such spots: they end by themselves", orphans);
        }
        return true;
    }

    private void sourceStatus(SourceStatus status) {
        progress = System.nanoTime();
        switch (status.state()) {
            // Live again at the next analysed sample, not before.
            case RUNNING -> { }
            case RECONNECTING -> {
                if (lot.view().cameras().get(number - 1).health().state() != SourceHealth.State.RECONNECTING) {
                    reconnects = reconnects + 1;
                }
                lot.health(number, new SourceHealth(SourceHealth.State.RECONNECTING, status.reason(), status.nextTry()));
            }
            case STOPPED -> lot.health(number, new SourceHealth(SourceHealth.State.FAILED, status.reason(), null));
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
                    lot.health(number, new SourceHealth(SourceHealth.State.ENDED, endReason(first + played), null));
                }
                return;
            } catch (InterruptedException e) {
                return;
            } catch (SourceException e) {
                LOG.warn("the source of camera {} stopped: {}", number, e.getMessage());
                lot.health(number, new SourceHealth(SourceHealth.State.FAILED, e.getMessage(), null));
                return;
            } catch (RuntimeException e) {
                switched = false;
                Duration wait = restarts.next();
                LOG.error("the engine of camera {} failed at frame {}; it starts again in {} s", number, listener.next,
                        wait.toSeconds(), e);
                lot.health(number, new SourceHealth(SourceHealth.State.FAILED, "the engine failed (" + e.getMessage()
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
                return FrameSources.open(video, loopCount, transport, this::sourceStatus);
            } catch (SourceException e) {
                progress = System.nanoTime();
                Duration wait = backoff.next();
                lot.health(number, new SourceHealth(SourceHealth.State.RECONNECTING, e.getMessage(),
                        clock.instant().plus(wait)));
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
        Layout fitted = numbered.apply(layouts.fittedTo(source));
        if (!fitted.equals(layout)) {
            layout = fitted;
            SnapshotPicture before = picture;
            picture = new SnapshotPicture(lot, fitted, number, this::followedLayout);
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
            lot.health(number, camera.of(tracker));
            followed = tracker.followedLayout();
            lot.publish(number, snapshot);
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
                    lot.publish(number, tracker.latest());
                }
                c.done().complete(learnt);
            } catch (UncheckedIOException e) {
                LOG.error("the correction of spot {} was not kept: {}", c.spotId(), e.getMessage());
                c.done().completeExceptionally(e);
            }
        }
    }

    void interrupt() {
        engine.interrupt();
    }

    /**
     * Frees the source, the picture and the viewers' native buffers; only once the engine has stopped: freeing a
     * decoder under a thread still inside it would crash the process.
     */
    @Override
    public void close() {
        if (engine.isAlive()) {
            LOG.warn("the engine of camera {} did not stop within 5 s; its source is left open", number);
            return;
        }
        for (EngineLoop.SampleListener viewer : viewers) {
            if (viewer instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("a viewer of camera {} did not close: {}", number, e.getMessage());
                }
            }
        }
        picture.close();
        if (source != null) {
            source.close();
        }
    }

    /** Hands the source's status on to the camera's watch, which exists only once the source is open. */
    static final class StatusRelay implements Consumer<SourceStatus> {
        volatile Consumer<SourceStatus> target = status -> { };
        SourceHealth firstHealth = SourceHealth.starting();

        StatusRelay waiting(String reason) {
            firstHealth = new SourceHealth(SourceHealth.State.RECONNECTING, reason, null);
            return this;
        }

        @Override
        public void accept(SourceStatus status) {
            target.accept(status);
        }
    }

    /** Waits for the engine to end, at most this long. */
    static void join(List<CameraWatch> cameras, long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (CameraWatch camera : cameras) {
            camera.engine.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
        }
    }
}
