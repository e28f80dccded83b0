package com.parkwatch.publish;

import java.time.Instant;
import java.util.Locale;

/**
 * Something that happened to a booking, as other systems hear of it. No plate and no code: a code cancels the
 * booking, and a plate is a person's.
 *
 * @param until   when the booking ends (for {@link Kind#EXTENDED}: its new end); null for an alert
 * @param outcome for {@link Kind#RELEASED}: ended, cancelled, voided or no-show; else the kind's word
 * @param message for {@link Kind#ALERT}: what the operator should look at; else empty
 */
public record BookingEvent(Kind kind, int spot, Instant at, Instant until, String outcome, String message) {

    public enum Kind {
        BOOKED, EXTENDED, ARRIVED, RELEASED, ALERT;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
