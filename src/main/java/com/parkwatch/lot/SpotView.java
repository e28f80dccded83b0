package com.parkwatch.lot;

import java.time.Instant;

/**
 * One spot as every output shows it.
 *
 * @param occupancy     what the camera sees
 * @param state         what the spot shows, by {@link SpotState#of}
 * @param since         when the camera first saw the spot as it is now, by the wall clock
 * @param reservedUntil the end of the booking that holds it, or null
 * @param camera        the camera that watches it, 1-based
 */
public record SpotView(Spot spot, SpotState state, Occupancy occupancy, double confidence, Instant since,
                       Instant reservedUntil, int camera) {

    /** A spot of a lot with one camera. */
    public SpotView(Spot spot, SpotState state, Occupancy occupancy, double confidence, Instant since,
                    Instant reservedUntil) {
        this(spot, state, occupancy, confidence, since, reservedUntil, 1);
    }

    public int id() {
        return spot.id();
    }

    public boolean reserved() {
        return reservedUntil != null;
    }
}
