package com.parkwatch.vision.video;

import java.time.Duration;

/**
 * How long to wait before each new try at something that keeps failing (a stream, an engine): the first retry at
 * once, then 1, 2, 4 and 8 seconds, then every 10 seconds, and at once again after a success. Ten seconds is as long
 * as a kiosk may show a lot that is back without knowing it.
 */
public final class Backoff {

    static final Duration LONGEST = Duration.ofSeconds(10);

    private Duration following = Duration.ZERO;

    /** The wait before the next try; each call lengthens the one after, up to ten seconds. */
    public Duration next() {
        Duration wait = following;
        Duration doubled = wait.isZero() ? Duration.ofSeconds(1) : wait.multipliedBy(2);
        following = doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
        return wait;
    }

    /** After a success: the next failure is retried at once. */
    public void reset() {
        following = Duration.ZERO;
    }
}
