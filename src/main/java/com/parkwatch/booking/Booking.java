package com.parkwatch.booking;

import java.time.Instant;

/** A reservation of one spot for a car, from start until end, cancellable with its code. */
public record Booking(String code, int spot, String plate, Instant start, Instant end) {
}
