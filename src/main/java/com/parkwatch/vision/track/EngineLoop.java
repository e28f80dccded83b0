package com.parkwatch.vision.track;

import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.SourceException;
import com.parkwatch.vision.video.SourceStatus;

import com.parkwatch.lot.LotSnapshot;
import org.opencv.core.Mat;

import java.util.function.Consumer;

/**
 * Runs a source through the tracker until the source ends or the thread is interrupted, at the source's own pace
 * for files and the simulated lot (live sources pace themselves), and reports each sampled frame and the source's
 * status.
 */
public final class EngineLoop implements Runnable {

    /** Told of each sampled frame and, if it cares, of every frame; frames are valid only during the call. */
    public interface SampleListener {
        void sampled(LotSnapshot snapshot, Mat frame);

        /** Every frame, after {@link #sampled} when it was a sampled one. */
        default void frame(Mat frame, long index) {
        }
    }

    private final FrameSource source;
    private final OccupancyTracker tracker;
    private final SampleListener listener;
    private final Consumer<SourceStatus> status;

    public EngineLoop(FrameSource source, OccupancyTracker tracker, SampleListener listener, Consumer<SourceStatus> status) {
        this.source = source;
        this.tracker = tracker;
        this.listener = listener;
        this.status = status;
    }

    @Override
    public void run() {
        long frameNanos = Math.round(1e9 / source.frameRate());
        long started = 0;
        long began = System.nanoTime();
        long quickest = Long.MAX_VALUE;
        status.accept(SourceStatus.running());
        try {
            Mat frame;
            for (long index = 0; !Thread.currentThread().isInterrupted() && (frame = source.next()) != null; index++) {
                double time = index / source.frameRate();
                Mat sampledFrame = frame;
                tracker.accept(frame, index, time).ifPresent(s -> listener.sampled(s, sampledFrame));
                listener.frame(frame, index);
                if (!source.isLive()) {
                    long handedOver = System.nanoTime();
                    quickest = Math.min(quickest, handedOver - began);
                    if (index == 0) {
                        // The clock starts when the first frame is out: a screen may have held it until it could
                        // show it.
                        started = handedOver;
                    }
                    // On time; but after a stall (a long step, the collector, a busy core) not straight after the
                    // late frame: two frames closer than a screen refresh reach a screen together and it shows one.
                    // Half a frame apart at least (no frame is quicker than the quickest), the lag is soon made up.
                    long due = Math.max(started + (index + 1) * frameNanos, handedOver + frameNanos / 2 - quickest);
                    long wait = due - handedOver;
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    began = System.nanoTime();
                }
            }
            status.accept(new SourceStatus(SourceStatus.State.STOPPED,
                    Thread.currentThread().isInterrupted() ? "stopped" : "the video ended"));
        } catch (InterruptedException e) {
            status.accept(new SourceStatus(SourceStatus.State.STOPPED, "stopped"));
            Thread.currentThread().interrupt();
        } catch (SourceException e) {
            status.accept(new SourceStatus(SourceStatus.State.STOPPED, e.getMessage()));
        }
    }
}
