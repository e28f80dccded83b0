package com.parkwatch.booking;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotState;

import java.time.Instant;

/** A spot as the lot showed it from {@code at}: its state (as every output shows it) and what the camera saw. */
public record SpotChange(Instant at, int spot, SpotState state, Occupancy occupancy) {
}
