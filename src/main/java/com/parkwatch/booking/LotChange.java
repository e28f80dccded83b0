package com.parkwatch.booking;

import java.time.Instant;

/** Whether the lot was live (the camera watching, its states current) from {@code at}. */
public record LotChange(Instant at, boolean live) {
}
