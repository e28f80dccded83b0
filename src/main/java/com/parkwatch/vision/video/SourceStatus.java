package com.parkwatch.vision.video;

import java.time.Instant;

/**
 * What a frame source is doing, and why when it is not running.
 *
 * @param nextTry when a reconnecting source tries again; null in the other states
 */
public record SourceStatus(State state, String reason, Instant nextTry) {

    public enum State { RUNNING, RECONNECTING, STOPPED }

    /** A status with no next try. */
    public SourceStatus(State state, String reason) {
        this(state, reason, null);
    }

    public static SourceStatus running() {
        return new SourceStatus(State.RUNNING, "");
    }

    public static SourceStatus reconnecting(String reason, Instant nextTry) {
        return new SourceStatus(State.RECONNECTING, reason, nextTry);
    }
}
