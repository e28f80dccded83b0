package com.parkwatch.booking;

/** A booking that the rules refuse; the message is one sentence fit for a driver. */
public class BookingRejected extends RuntimeException {

    /** Why: bad input, a spot that cannot be had now, or a lot the camera is not watching. */
    public enum Reason { INVALID, UNKNOWN_SPOT, NOT_FREE, ALREADY_BOOKED, NOT_WATCHING }

    private final Reason reason;

    public BookingRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
