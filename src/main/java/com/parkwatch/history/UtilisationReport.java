package com.parkwatch.history;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * How the lot was used over a range; docs/reports.md says what each figure means. Shares are from 0 to 1 and
 * count only the time a bay was observed: the lot live, the bay not closed, the camera sure of it.
 *
 * @param observed    the share of the range's bay-time that was observed
 * @param occupancy   the lot's occupied share of its observed bay-time
 * @param arrivals    cars seen arriving (a bay turning from free to occupied) in the range
 * @param turnover    arrivals per observed bay per day
 * @param averageStay the mean length of the stays seen whole (arrival and departure) in the range; null if none
 * @param peak        when most bays were occupied at once, and how many; null when the lot was never observed
 */
public record UtilisationReport(Instant from, Instant to, ZoneId zone, double observed, double occupancy, int arrivals,
                                double turnover, Duration averageStay, int stays, Peak peak, List<Bay> bays,
                                List<Hour> hours, Bookings bookings) {

    public UtilisationReport {
        bays = List.copyOf(bays);
        hours = List.copyOf(hours);
    }

    /** One bay over the range. */
    public record Bay(int spot, double observed, double occupancy, int arrivals, Duration averageStay) {
    }

    /** One hour of the range (the first and last may be cut by it): the lot's occupied share and average cars. */
    public record Hour(Instant start, double observed, double occupancy, double occupiedBays) {
    }

    public record Peak(Instant at, int occupied) {
    }

    /**
     * The bookings' transitions in the range.
     *
     * @param kept     bookings whose car arrived
     * @param noShows  bookings released because their car did not arrive in time
     * @param alerts   booked bays found taken by another car
     */
    public record Bookings(int made, int kept, int noShows, int cancelled, int voided, int alerts) {
    }
}
