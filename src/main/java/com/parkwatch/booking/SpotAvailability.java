package com.parkwatch.booking;

import com.parkwatch.lot.Occupancy;

import java.util.Optional;

/** What the camera says of a spot now; empty when the lot has no such spot. */
public interface SpotAvailability {
    Optional<Occupancy> occupancyOf(int spot);
}
