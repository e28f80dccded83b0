package com.parkwatch.booking;

/** The booking database cannot be reached or failed; nothing was booked or cancelled. */
public class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
