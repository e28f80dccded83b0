package com.parkwatch.ui;

import com.parkwatch.booking.BookingService;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.vision.Annotator;
import com.parkwatch.vision.EngineLoop;
import com.parkwatch.vision.FrameSource;
import com.parkwatch.vision.OccupancyTracker;
import com.parkwatch.vision.SourceStatus;
import javafx.application.Platform;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the engine off the FX thread: decodes, analyses, draws the annotated frame into the feed's hand-off, and
 * passes each new state of the lot and the source's status to the view model on the FX thread.
 */
final class EngineService extends Service<Void> {

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

    EngineService(KioskSetup setup, FrameHandOff<FeedBuffer> feed, LotViewModel model, FxTimings timings) {
        this.timings = timings;
        this.source = setup.source();
        this.tracker = setup.tracker();
        this.lot = setup.lot();
        this.publisher = setup.publisher();
        this.bookings = setup.bookings();
        this.annotator = new Annotator(setup.layout());
        this.feed = feed;
        this.model = model;
    }

    /** A booking was made or cancelled here: redraw reservations at the next frame instead of the next sample. */
    void reservationsChanged() {
        reservationsChanged.set(true);
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

        private void show(LotSnapshot snapshot) {
            Set<Integer> reserved = bookings.activeBySpot().keySet();
            annotator.show(snapshot, reserved);
            Instant at = Instant.now();
            Platform.runLater(() -> {
                long started = System.nanoTime();
                model.apply(snapshot, reserved, at);
                timings.record(started);
            });
        }

        @Override
        public void frame(Mat frame, long index) {
            if (reservationsChanged.getAndSet(false)) {
                show(lot.view().snapshot());
            }
            Mat target = feed.drawing().bgra;
            Imgproc.cvtColor(frame, target, Imgproc.COLOR_BGR2BGRA);
            annotator.draw(target);
            feed.publish();
            framesDecoded.incrementAndGet();
        }
    }
}
