package com.parkwatch.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where bookings live. The store itself guarantees at most one active booking per spot. */
public interface BookingStore extends AutoCloseable {

    /**
     * Stores the booking unless the spot already has an active one.
     *
     * @return false when the spot is already booked at {@code now}
     */
    boolean insert(Booking booking, Instant now);

    /** Ends the active booking with this code; false when there is none. */
    boolean cancel(String code, Instant now);

    List<Booking> active(Instant now);

    Optional<Booking> find(String code);

    @Override
    void close();
}
