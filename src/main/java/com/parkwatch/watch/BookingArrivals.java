package com.parkwatch.watch;

import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.StoreUnavailable;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Ties the bookings to what the camera sees. Subscribed to the live lot, it hands each change to the bookings
 * thread (the engine never waits on the database) and there compares each booked bay with the view before: a booked
 * bay that turns from free to occupied is its booking's arrival; a booked bay seen occupied without that turn (it
 * was occupied when its booking reached this lot, or the camera saw it again after being blind) may have been taken
 * by another car, and raises an alert unless its car already arrived.
 */
final class BookingArrivals {

    private static final Logger LOG = LoggerFactory.getLogger(BookingArrivals.class);

    private final BookingService bookings;
    private final Executor bookingsThread;
    /** What each spot was and whether it was booked, at the last view seen: only the bookings thread touches it. */
    private final Map<Integer, SpotView> before = new HashMap<>();

    private BookingArrivals(BookingService bookings, Executor bookingsThread) {
        this.bookings = bookings;
        this.bookingsThread = bookingsThread;
    }

    /** Starts watching the lot's changes for the bookings. */
    static void watch(LiveLot lot, BookingService bookings, Executor bookingsThread) {
        BookingArrivals arrivals = new BookingArrivals(bookings, bookingsThread);
        lot.subscribe(view -> {
            try {
                arrivals.bookingsThread.execute(() -> arrivals.seen(view));
            } catch (RejectedExecutionException closing) {
                // The watch is closing: no more bookings to tie.
            }
        });
    }

    private void seen(LotView view) {
        for (SpotView spot : view.spots()) {
            SpotView last = before.put(spot.id(), spot);
            if (!spot.reserved() || spot.occupancy() != Occupancy.OCCUPIED
                    || (last != null && last.reserved() && last.occupancy() == Occupancy.OCCUPIED)) {
                continue;
            }
            try {
                if (last != null && last.reserved() && last.occupancy() == Occupancy.FREE) {
                    bookings.arrived(spot.id());
                } else {
                    bookings.taken(spot.id());
                }
            } catch (StoreUnavailable e) {
                LOG.warn("could not record what the camera saw of booked spot {}: {}", spot.id(), e.getMessage());
            }
        }
    }
}
