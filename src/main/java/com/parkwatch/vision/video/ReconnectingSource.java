package com.parkwatch.vision.video;

import org.opencv.core.Mat;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A network stream that comes back by itself: when it drops or ends, it is reopened after the waits of a
 * {@link Backoff}, and each try is reported with its reason and the time of the next one.
 */
public final class ReconnectingSource implements FrameSource {

    /** Opens the stream afresh. */
    public interface Opener {
        FrameSource open() throws SourceException;
    }

    private final Opener opener;
    private final Consumer<SourceStatus> status;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Backoff backoff = new Backoff();
    private FrameSource current;

    /** Waits between attempts; tests pass one that does not really sleep. */
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    public ReconnectingSource(Opener opener, Consumer<SourceStatus> status) throws SourceException {
        this(opener, status, delay -> Thread.sleep(delay.toMillis()), Clock.systemUTC());
    }

    ReconnectingSource(Opener opener, Consumer<SourceStatus> status, Sleeper sleeper, Clock clock) throws SourceException {
        this.opener = opener;
        this.status = status;
        this.sleeper = sleeper;
        this.clock = clock;
        current = opener.open();
        status.accept(SourceStatus.running());
    }

    @Override
    public Mat next() throws SourceException {
        while (true) {
            String reason;
            try {
                Mat frame = current.next();
                if (frame != null) {
                    return frame;
                }
                reason = "the stream ended";
            } catch (SourceException e) {
                reason = e.getMessage();
            }
            current.close();
            reconnect(reason);
        }
    }

    /** Skips on the stream without converting to colour, reconnecting as {@link #next} does. */
    @Override
    public long skip(long frames) throws SourceException {
        long skipped = 0;
        while (true) {
            String reason;
            try {
                skipped += current.skip(frames - skipped);
                if (skipped == frames) {
                    return skipped;
                }
                reason = "the stream ended";
            } catch (SourceException e) {
                reason = e.getMessage();
            }
            current.close();
            reconnect(reason);
        }
    }

    /** Reopens the stream, waiting longer after each failure. */
    private void reconnect(String reason) throws SourceException {
        while (true) {
            Duration wait = backoff.next();
            status.accept(SourceStatus.reconnecting(reason, clock.instant().plus(wait)));
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("stopped while reconnecting: " + reason);
            }
            try {
                current = opener.open();
                backoff.reset();
                status.accept(SourceStatus.running());
                return;
            } catch (SourceException e) {
                reason = e.getMessage();
            }
        }
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public int width() {
        return current.width();
    }

    @Override
    public int height() {
        return current.height();
    }

    @Override
    public double frameRate() {
        return current.frameRate();
    }

    @Override
    public void close() {
        current.close();
    }
}
