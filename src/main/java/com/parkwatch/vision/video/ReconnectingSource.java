package com.parkwatch.vision.video;

import org.opencv.core.Mat;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A network stream that comes back by itself: when it drops or ends, it is reopened after a back-off that doubles
 * from one second up to thirty, and each outage is reported with its reason.
 */
public final class ReconnectingSource implements FrameSource {

    /** Opens the stream afresh. */
    public interface Opener {
        FrameSource open() throws SourceException;
    }

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration LONGEST_DELAY = Duration.ofSeconds(30);

    private final Opener opener;
    private final Consumer<SourceStatus> status;
    private final Sleeper sleeper;
    private FrameSource current;

    /** Waits between attempts; tests pass one that does not really sleep. */
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    public ReconnectingSource(Opener opener, Consumer<SourceStatus> status) throws SourceException {
        this(opener, status, delay -> Thread.sleep(delay.toMillis()));
    }

    ReconnectingSource(Opener opener, Consumer<SourceStatus> status, Sleeper sleeper) throws SourceException {
        this.opener = opener;
        this.status = status;
        this.sleeper = sleeper;
        current = opener.open();
        status.accept(SourceStatus.running());
    }

    @Override
    public Mat next() throws SourceException {
        Duration delay = FIRST_DELAY;
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
            delay = reconnect(reason, delay);
        }
    }

    /** Reopens the stream, waiting longer after each failure; returns the delay for the next outage. */
    private Duration reconnect(String reason, Duration delay) throws SourceException {
        while (true) {
            status.accept(new SourceStatus(SourceStatus.State.RECONNECTING, reason));
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("stopped while reconnecting: " + reason);
            }
            delay = delay.multipliedBy(2).compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay.multipliedBy(2);
            try {
                current = opener.open();
                status.accept(SourceStatus.running());
                return FIRST_DELAY;
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
