package com.parkwatch.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where bookings, their transitions, the closed bays, the operator's alerts and the lot's history live. The store itself guarantees at
 * most one active booking per spot.
 */
public interface BookingStore extends HistoryStore, AutoCloseable {

    /**
     * Stores the booking, made by {@code client}, unless the spot already has an active one.
     *
     * @return false when the spot is already booked at {@code now}
     */
    boolean insert(Booking booking, String client, Instant now);

    /** Ends the active booking with this code, as the driver's cancellation; false when there is none. */
    boolean cancel(String code, Instant now);

    /**
     * Moves the end of the active booking with this code from {@code end} to {@code newEnd}, only if it still ends at
     * {@code end}: two extensions at once never both count. False when it ended or its end moved meanwhile.
     */
    boolean extend(String code, Instant end, Instant newEnd, Instant now);

    /** Ends the active booking with this code, as the operator's voiding; false when there is none. */
    boolean voidBooking(String code, Instant now);

    List<Booking> active(Instant now);

    /** How many active bookings have this plate. */
    int activeWithPlate(String plate, Instant now);

    /** How many active bookings this client address made. */
    int activeFromClient(String client, Instant now);

    Optional<Booking> find(String code);

    /** The active booking of a spot with its transitions; empty when the spot is not booked. */
    Optional<BookingRecord> holder(int spot, Instant now);

    /** Marks the active booking of a spot arrived, once; its code, or empty when there was none to mark. */
    Optional<String> arrive(int spot, Instant now);

    /** Releases the active bookings made by {@code startedBy} whose car has not arrived; those released. */
    List<Booking> releaseNoShows(Instant startedBy, Instant now);

    /** Every booking still active or that ended after {@code from}, newest first, with its transitions. */
    List<BookingRecord> since(Instant from);

    /** Closes a bay (out of service) or opens it again. */
    void setClosed(int spot, boolean closed, Instant now);

    Set<Integer> closedSpots();

    void raise(Alert alert);

    /** Alerts raised after {@code from}, newest first. */
    List<Alert> alerts(Instant from);

    @Override
    void close();
}
