package com.parkwatch.booking;

import java.time.Instant;

/**
 * A booking as the operator sees it: the booking, who made it, and when each of its transitions happened (null when
 * it did not). Its state follows from those times.
 *
 * @param client    the address that booked it on the web, or {@link BookingService#KIOSK}
 * @param arrived   when its bay turned occupied during it
 * @param cancelled when the driver cancelled it with the code
 * @param voided    when the operator voided it
 * @param released  when it was released as a no-show, its car not there within the arrival grace
 */
public record BookingRecord(Booking booking, String client, Instant arrived, Instant cancelled, Instant voided,
                            Instant released) {

    /** {@code voided}, {@code cancelled}, {@code no-show}, {@code ended}, {@code arrived} or {@code booked}. */
    public String state(Instant now) {
        if (voided != null) {
            return "voided";
        }
        if (cancelled != null) {
            return "cancelled";
        }
        if (released != null) {
            return "no-show";
        }
        if (!booking.end().isAfter(now)) {
            return "ended";
        }
        return arrived != null ? "arrived" : "booked";
    }
}
