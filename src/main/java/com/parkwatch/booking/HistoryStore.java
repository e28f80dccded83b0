package com.parkwatch.booking;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The lot's history: every change of a spot and of the lot's liveness, and every booking transition (kept by the
 * store itself, in the transaction that makes it). Read back for the utilisation reports; pruned to a retention.
 */
public interface HistoryStore {

    /** Keeps the changes, in one transaction. */
    void record(List<SpotChange> spots, List<LotChange> lot);

    /**
     * The spot changes that tell the spots' states over {@code [from, to)}: each spot's latest change at or before
     * {@code from}, then every change after it and before {@code to}, in time order, handed one by one.
     */
    void spotChanges(Instant from, Instant to, Consumer<SpotChange> each);

    /** The lot's liveness over {@code [from, to)}: its latest change at or before {@code from}, then the later ones. */
    List<LotChange> lotChanges(Instant from, Instant to);

    /** The booking transitions and alerts in {@code [from, to)}, in time order. */
    List<BookingEvent> bookingEvents(Instant from, Instant to);

    /**
     * Forgets what happened before {@code before}, except the state each spot and the lot were in then (their latest
     * change before it).
     *
     * @return how many rows were deleted
     */
    int pruneHistory(Instant before);
}
