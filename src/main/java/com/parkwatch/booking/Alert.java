package com.parkwatch.booking;

import java.time.Instant;

/** Something the operator should look at, kept in the database: a booked bay taken by another car. */
public record Alert(Instant raised, int spot, String code, String message) {
}
