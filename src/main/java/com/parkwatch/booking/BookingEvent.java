package com.parkwatch.booking;

import java.time.Instant;
import java.util.Locale;

/** One transition of a booking, or an alert about one, kept in the history. */
public record BookingEvent(Instant at, String code, int spot, Kind kind) {

    /** What happened; {@link #word()} is what the database and the reports say. */
    public enum Kind {
        BOOKED, ARRIVED, CANCELLED, VOIDED, NO_SHOW, ALERT, EXTENDED;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind of(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
