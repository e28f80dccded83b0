package com.parkwatch.booking;

import com.parkwatch.lot.Occupancy;

import java.util.Optional;

/** What the camera says of the lot now, read from memory: booking never waits on the engine. */
public interface SpotAvailability {

    /** What the camera sees of a spot now; empty when the lot has no such spot. */
    Optional<Occupancy> occupancyOf(int spot);

    /** Whether the layout offers the spot to drivers at all: not closed for good, not kept for staff. */
    default boolean forDrivers(int spot) {
        return true;
    }

    /** Whether the camera is watching the lot now: a spot is booked only on a state that is current. */
    default boolean watching() {
        return true;
    }

    /**
     * Why the camera that watches this spot cannot vouch for its state now, while others of the lot watch (a lot of
     * several cameras); empty when it can.
     */
    default Optional<String> notWatching(int spot) {
        return Optional.empty();
    }
}
