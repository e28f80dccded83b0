package com.parkwatch.ui;

import com.parkwatch.booking.BookingService;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.vision.overlay.Annotator;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.track.EngineLoop;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.track.OccupancyTracker;
import com.parkwatch.vision.video.SourceStatus;
import javafx.application.Platform;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the engine off the FX thread: decodes, analyses, draws the annotated frame into the feed's hand-off, and
 * passes each new state of the lot and the source's status to the view model on the FX thread.
 */
final class EngineService extends Service<Void> {

    private static final Logger LOG = LoggerFactory.getLogger(EngineService.class);
    /** Tiles a state reaches per call on the FX thread: a few milliseconds' work even on code not yet compiled. */
    private static final int TILES_PER_CALL = 100;

    private final FrameSource source;
    private final OccupancyTracker tracker;
    private final LiveLot lot;
    private final EngineLoop.SampleListener publisher;
    private final BookingService bookings;
    private final Annotator annotator;
    private final FrameHandOff<FeedBuffer> feed;
    private final LotViewModel model;
    private final AtomicBoolean reservationsChanged = new AtomicBoolean();
    private final FxTimings timings;
    private final AtomicLong framesDecoded = new AtomicLong();
    private final Queue<Correction> corrections = new ConcurrentLinkedQueue<>();
    private final CorrectionFolder correctionFolder;
    private final Layout layout;
    private final Size shownSize;
    private final long frameNanos;
    /** The frame brought to the size it is shown at, when that is smaller. */
    private final Mat reduced = new Mat();
    /** Open once the screen is ready: a file's first frame waits for it rather than play to nobody. */
    private final CountDownLatch screenReady = new CountDownLatch(1);

    private record Correction(int spotId, Occupancy truth) {
    }

    /** @param shown the layout at the size the feed is shown at, which the frames are brought to before drawing */
    EngineService(KioskSetup setup, Layout shown, FrameHandOff<FeedBuffer> feed, LotViewModel model, FxTimings timings) {
        this.timings = timings;
        this.source = setup.source();
        this.tracker = setup.tracker();
        this.lot = setup.lot();
        this.publisher = setup.publisher();
        this.bookings = setup.bookings();
        this.annotator = new Annotator(shown);
        this.shownSize = new Size(shown.width(), shown.height());
        this.frameNanos = Math.round(1e9 / source.frameRate());
        this.layout = setup.layout();
        this.correctionFolder = setup.corrections();
        this.feed = feed;
        this.model = model;
    }

    /** An operator's correction, from the FX thread; the engine applies it on the next frame. */
    void correct(int spotId, Occupancy truth) {
        corrections.add(new Correction(spotId, truth));
    }

    /** A booking was made or cancelled here: redraw reservations at the next frame instead of the next sample. */
    void reservationsChanged() {
        reservationsChanged.set(true);
    }

    /** From the FX thread, once the window has drawn its first pulses: files start playing (cameras do not wait). */
    void screenReady() {
        screenReady.countDown();
    }

    long framesDecoded() {
        return framesDecoded.get();
    }

    @Override
    protected Task<Void> createTask() {
        return new Task<>() {
            @Override
            protected Void call() {
                new EngineLoop(source, tracker, new Listener(), this::status).run();
                return null;
            }

            private void status(SourceStatus status) {
                String text = switch (status.state()) {
                    case RUNNING -> "running";
                    case RECONNECTING -> "reconnecting: " + status.reason();
                    case STOPPED -> "stopped: " + status.reason();
                };
                Platform.runLater(() -> model.setStatus(text));
            }
        };
    }

    /** On the engine thread. */
    private final class Listener implements EngineLoop.SampleListener {

        @Override
        public void sampled(LotSnapshot snapshot, Mat frame) {
            publisher.sampled(snapshot, frame);
            show(snapshot);
        }

        private void apply(Correction c, Mat frame, double time) {
            int spot = layout.indexOf(c.spotId());
            try {
                if (tracker.correct(spot, c.truth(), frame, time, crop -> correctionFolder.keep(crop, c.spotId(), c.truth()))) {
                    publisher.sampled(tracker.latest(), frame);
                    show(tracker.latest());
                }
            } catch (UncheckedIOException e) {
                LOG.error("the correction of spot {} was not kept: {}", c.spotId(), e.getMessage());
                Platform.runLater(() -> model.setStatus("running; a correction could not be saved: " + e.getMessage()));
            }
        }

        private void show(LotSnapshot snapshot) {
            Set<Integer> reserved = bookings.activeBySpot().keySet();
            annotator.show(snapshot, reserved);
            Instant at = Instant.now();
            // In parts: the lot's first state changes every tile, on code not yet compiled, and taken at once it
            // held the FX thread for more than a frame.
            int spots = snapshot.spots().size();
            for (int from = 0; from < spots; from += TILES_PER_CALL) {
                int first = from;
                int end = Math.min(spots, from + TILES_PER_CALL);
                onFxThread(() -> model.applyTiles(snapshot, reserved, at, first, end));
            }
            onFxThread(() -> model.applyCounts(snapshot, reserved, at));
        }

        private void onFxThread(Runnable work) {
            Platform.runLater(() -> {
                long started = System.nanoTime();
                work.run();
                timings.record(started);
            });
        }

        @Override
        public void frame(Mat frame, long index) {
            if (index == 0 && !source.isLive()) {
                try {
                    screenReady.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reservationsChanged.getAndSet(false)) {
                show(lot.view().snapshot());
            }
            for (Correction c; (c = corrections.poll()) != null; ) {
                apply(c, frame, index / source.frameRate());
            }
            Mat target = feed.drawing().bgra;
            if (target.cols() == frame.cols()) {
                Imgproc.cvtColor(frame, target, Imgproc.COLOR_BGR2BGRA);
            } else {
                // The screen shows fewer pixels than the camera gives: the FX thread then draws without scaling.
                Imgproc.resize(frame, reduced, shownSize, 0, 0, Imgproc.INTER_LINEAR);
                Imgproc.cvtColor(reduced, target, Imgproc.COLOR_BGR2BGRA);
            }
            annotator.draw(target);
            // A file waits up to a frame for the screen to take the frame before, so that a screen pulse a little
            // late costs no frame; the loop's clock makes the wait up. A camera's frames come when they come.
            feed.publish(source.isLive() ? 0 : frameNanos);
            framesDecoded.incrementAndGet();
        }
    }
}
