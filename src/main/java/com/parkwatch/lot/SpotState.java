package com.parkwatch.lot;

import java.util.Locale;

/**
 * What a spot shows to drivers and to other systems: the one rule that combines what the camera sees with the
 * bookings. The annotator, the kiosk, the web pages and the API all read it; none decides it again.
 */
public enum SpotState {
    FREE, RESERVED, OCCUPIED, UNKNOWN, CLOSED;

    /** A spot of a bay the operator has not closed. */
    public static SpotState of(Occupancy seen, boolean reserved) {
        return of(seen, reserved, false);
    }

    /**
     * A bay the operator closed is closed whatever the camera sees (out of service: never offered); otherwise a spot
     * the camera sees free is reserved while a booking holds it, and a car on a booked spot makes it occupied.
     */
    public static SpotState of(Occupancy seen, boolean reserved, boolean closed) {
        if (closed) {
            return CLOSED;
        }
        return switch (seen) {
            case FREE -> reserved ? RESERVED : FREE;
            case OCCUPIED -> OCCUPIED;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /**
     * As {@link #of(Occupancy, boolean, boolean)}, for a spot whose camera is down while others of the lot watch:
     * its last state is not current, so it shows unknown (closed still shows closed), and no output offers it.
     */
    public static SpotState of(Occupancy seen, boolean reserved, boolean closed, boolean watched) {
        return of(watched ? seen : Occupancy.UNKNOWN, reserved, closed);
    }

    /** The lower-case word used in JSON, in style classes and on screen. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
