package com.parkwatch.lot;

import java.time.Instant;
import java.util.Locale;

/**
 * Whether the camera is watching the lot: live, reconnecting (with the reason and the time of the next try), ended
 * (a file played out) or failed (with the reason). Every output carries it, so that no state is shown as current
 * while the camera is blind.
 *
 * @param reason  why it is not live, in words; when live, empty or a note for the operator (the camera moved and
 *                the layout followed it)
 * @param nextTry when the next attempt to reconnect is due, or null
 */
public record SourceHealth(State state, String reason, Instant nextTry) {

    public enum State {
        STARTING, LIVE, RECONNECTING, ENDED, FAILED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SourceHealth {
        reason = reason == null ? "" : reason;
    }

    public static SourceHealth starting() {
        return new SourceHealth(State.STARTING, "the camera has not sent a picture yet", null);
    }

    public static SourceHealth live() {
        return new SourceHealth(State.LIVE, "", null);
    }

    /** Live, with something the operator should know. */
    public static SourceHealth live(String note) {
        return new SourceHealth(State.LIVE, note, null);
    }

    /** "live", or the state and its reason: "reconnecting: connection refused". */
    public String describe() {
        return reason.isEmpty() ? state.word() : state.word() + ": " + reason;
    }
}
