package com.parkwatch.vision.video;

/** What a frame source is doing, and why when it is not running. */
public record SourceStatus(State state, String reason) {

    public enum State { RUNNING, RECONNECTING, STOPPED }

    public static SourceStatus running() {
        return new SourceStatus(State.RUNNING, "");
    }
}
