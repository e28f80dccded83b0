package com.parkwatch.booking;

import java.time.Duration;
import java.util.List;

/**
 * How long a booking may last, and the durations the kiosk and the booking page offer as buttons. The lot's
 * operator sets them (a short-stay lot: 10 minutes to 2 hours; a commuter lot: up to a day).
 *
 * @param shortestMinutes the shortest booking, at least 1 minute
 * @param longestMinutes  the longest, at most a week
 * @param presetMinutes   the offered durations, 1 to 6 of them, ascending, each within the bounds
 * @param fairUse         how many bookings one plate and one address may hold and make
 * @param arrivalGrace    how long a booked bay waits for its car before the booking is released as a no-show
 */
public record BookingRules(int shortestMinutes, int longestMinutes, List<Integer> presetMinutes, FairUse fairUse,
                           Duration arrivalGrace) {

    public static final Duration DEFAULT_ARRIVAL_GRACE = Duration.ofMinutes(15);
    public static final BookingRules DEFAULT = new BookingRules(15, 24 * 60, List.of(30, 60, 120, 240));
    private static final int WEEK_MINUTES = 7 * 24 * 60;
    private static final int MOST_PRESETS = 6;

    /** With the default limits and arrival grace. */
    public BookingRules(int shortestMinutes, int longestMinutes, List<Integer> presetMinutes) {
        this(shortestMinutes, longestMinutes, presetMinutes, FairUse.DEFAULT, DEFAULT_ARRIVAL_GRACE);
    }

    public BookingRules {
        presetMinutes = List.copyOf(presetMinutes);
        if (arrivalGrace.isNegative() || arrivalGrace.isZero()) {
            throw new IllegalArgumentException("the arrival grace must be at least a minute, not " + arrivalGrace);
        }
        if (shortestMinutes < 1 || longestMinutes > WEEK_MINUTES || shortestMinutes > longestMinutes) {
            throw new IllegalArgumentException("bookings must last from at least 1 minute to at most a week, the"
                    + " shortest no longer than the longest; got " + shortestMinutes + " to " + longestMinutes
                    + " minutes");
        }
        if (presetMinutes.isEmpty() || presetMinutes.size() > MOST_PRESETS) {
            throw new IllegalArgumentException("give 1 to " + MOST_PRESETS + " booking durations to offer, not "
                    + presetMinutes.size());
        }
        for (int i = 0; i < presetMinutes.size(); i++) {
            int m = presetMinutes.get(i);
            if (m < shortestMinutes || m > longestMinutes || (i > 0 && m <= presetMinutes.get(i - 1))) {
                throw new IllegalArgumentException("the booking durations offered must rise and lie within "
                        + shortestMinutes + " to " + longestMinutes + " minutes; got " + presetMinutes);
            }
        }
    }

    /** Refuses a duration outside the bounds, in words a driver reads. */
    void check(int minutes) {
        if (minutes < shortestMinutes || minutes > longestMinutes) {
            throw new BookingRejected(BookingRejected.Reason.INVALID, "a booking lasts from "
                    + duration(shortestMinutes) + " to " + duration(longestMinutes) + ", not " + duration(minutes));
        }
    }

    /**
     * Refuses an extension that is not a positive number of minutes or would make the booking, counted from its
     * start, longer than the longest booking.
     */
    void checkExtension(Booking booking, int minutes) {
        int left = extensionLeft(booking);
        if (minutes < 1 || minutes > left) {
            throw new BookingRejected(BookingRejected.Reason.INVALID, left == 0
                    ? "this booking already lasts the longest a booking may (" + duration(longestMinutes) + ")"
                    : "a booking lasts at most " + duration(longestMinutes) + ": this one can be extended by at most "
                    + duration(left));
        }
    }

    /** How many minutes longer the booking may still be made, from 0. */
    public int extensionLeft(Booking booking) {
        long lasts = Duration.between(booking.start(), booking.end()).toMinutes();
        return (int) Math.max(0, longestMinutes - lasts);
    }

    /** The duration selected when a booking starts: an hour if offered, else the shortest offered. */
    public int firstChoice() {
        return presetMinutes.contains(60) ? 60 : presetMinutes.get(0);
    }

    /** "45 min", "2 h", "1 h 30 min", "24 h". */
    public static String label(int minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    /** "15 minutes", "1 hour", "24 hours", "90 minutes". */
    private static String duration(int minutes) {
        if (minutes % 60 != 0 || minutes == 0) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return minutes / 60 + (minutes == 60 ? " hour" : " hours");
    }
}
