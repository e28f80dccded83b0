package com.parkwatch.booking;

/** A booking that the rules refuse; the message is one sentence fit for a driver. */
public class BookingRejected extends RuntimeException {

    /**
     * Why: bad input, a spot that cannot be had now (taken, booked, closed by the operator), a lot the camera is not
     * watching, or one person asking for more than the {@link FairUse} limits allow.
     */
    public enum Reason { INVALID, UNKNOWN_SPOT, NOT_FREE, ALREADY_BOOKED, CLOSED, NOT_WATCHING, TOO_MANY }

    private final Reason reason;

    public BookingRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
