package com.parkwatch.vision.track;

import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.SourceException;
import org.opencv.core.Mat;

/**
 * The one frame loop: plays a source through the tracker and tells a listener of each sampled frame and, if it
 * cares, of every frame. The kiosk, {@code serve}, {@code analyze} and {@code bench} all run it. Files and the
 * simulated lot play at their own frame rate when asked to (live sources pace themselves); the frames up to the
 * next sample, when no one looks at them, are skipped in one call: not converted to colour, and in a file their
 * non-reference pictures not decoded.
 */
public final class EngineLoop {

    /** Told of each sampled frame and, if it cares, of every frame; frames are valid only during the call. */
    public interface SampleListener {
        void sampled(LotSnapshot snapshot, Mat frame);

        /** Every frame, after {@link #sampled} when it was a sampled one. */
        default void frame(Mat frame, long index) {
        }

        /** False when only sampled frames matter: the others are then skipped without conversion to colour. */
        default boolean looksAtEveryFrame() {
            return true;
        }

        /** True to end the run after this frame (the lot's layout changes, and its tracker with it). */
        default boolean endsRunHere() {
            return false;
        }
    }

    /** How fast frames go: at the source's own rate (what a viewer sees), or as fast as they decode. */
    public enum Pace { SOURCE_RATE, AS_FAST_AS_DECODED }

    private final FrameSource source;
    private final OccupancyTracker tracker;
    private final SampleListener listener;
    private final Pace pace;
    private final EngineCounters counters;
    private long lastStepNanos;

    public EngineLoop(FrameSource source, OccupancyTracker tracker, SampleListener listener, Pace pace) {
        this(source, tracker, listener, pace, new EngineCounters());
    }

    /** Counting into {@code counters}, which outlive the loop (a restarted engine goes on counting). */
    public EngineLoop(FrameSource source, OccupancyTracker tracker, SampleListener listener, Pace pace,
                      EngineCounters counters) {
        this.source = source;
        this.tracker = tracker;
        this.listener = listener;
        this.pace = pace;
        this.counters = counters;
    }

    /** How long the tracker took over the latest sampled frame: for {@code bench}, read during {@code sampled}. */
    public long lastStepNanos() {
        return lastStepNanos;
    }

    /**
     * Plays frames numbered from {@code first} until the source ends, {@code limit} frames have played, the listener
     * ends the run or the thread is interrupted.
     *
     * @return how many frames played
     */
    public long run(long first, long limit) throws SourceException, InterruptedException {
        boolean paced = pace == Pace.SOURCE_RATE && !source.isLive();
        long frameNanos = Math.round(1e9 / source.frameRate());
        long started = 0;
        long began = System.nanoTime();
        long quickest = Long.MAX_VALUE;
        long played = 0;
        for (long index = first; played < limit && !Thread.currentThread().isInterrupted(); index++, played++) {
            if (!listener.looksAtEveryFrame() && !tracker.samples(index)) {
                // Up to the next sample in one go: the source can then leave out what that frame does not need.
                long wanted = framesBeforeSample(index, limit - played);
                long skipped = source.skip(wanted);
                counters.decoded(skipped);
                index += skipped - 1;
                played += skipped - 1;
                if (skipped < wanted) {
                    played++;
                    break;
                }
                continue;
            }
            Mat frame = source.next();
            if (frame == null) {
                break;
            }
            counters.decoded();
            double time = index / source.frameRate();
            if (tracker.samples(index)) {
                long stepStarted = System.nanoTime();
                LotSnapshot sampled = tracker.accept(frame, index, time).orElseThrow();
                lastStepNanos = System.nanoTime() - stepStarted;
                counters.analysed(lastStepNanos);
                listener.sampled(sampled, frame);
            }
            listener.frame(frame, index);
            if (listener.endsRunHere()) {
                return played + 1;
            }
            if (paced) {
                long handedOver = System.nanoTime();
                quickest = Math.min(quickest, handedOver - began);
                if (played == 0) {
                    // The clock starts when the first frame is out: a screen may have held it until it could show it.
                    started = handedOver;
                }
                // On time; but after a stall (a long step, the collector, a busy core) not straight after the late
                // frame: two frames closer than a screen refresh reach a screen together and it shows one. Half a
                // frame apart at least (no frame is quicker than the quickest), the lag is soon made up.
                long due = Math.max(started + (played + 1) * frameNanos, handedOver + frameNanos / 2 - quickest);
                long wait = due - handedOver;
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                began = System.nanoTime();
            }
        }
        return played;
    }

    /** How many frames from {@code index} on are not sampled, at most {@code most}. */
    private long framesBeforeSample(long index, long most) {
        long frames = 1;
        while (frames < most && !tracker.samples(index + frames)) {
            frames++;
        }
        return frames;
    }
}
