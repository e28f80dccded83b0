package com.parkwatch.booking;

/** A booking that the rules refuse; the message is one sentence fit for a driver. */
public class BookingRejected extends RuntimeException {

    /** Why: bad input, or a spot that cannot be had now. */
    public enum Reason { INVALID, UNKNOWN_SPOT, NOT_FREE, ALREADY_BOOKED }

    private final Reason reason;

    public BookingRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
