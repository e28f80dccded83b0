package com.parkwatch.booking;

import java.time.Duration;

/**
 * The limits that keep one person from taking the lot, in one place: how many bookings one plate and one client
 * address may hold at once, how many bookings an address may make in an hour, and how many wrong cancel codes an
 * address may try in ten minutes. The kiosk is shared by everyone at the lot, so only the per-plate limit counts
 * there.
 *
 * @param perPlate     active bookings one plate may hold
 * @param perClient    active bookings one client address may hold
 * @param perClientHourly bookings one client address may make in an hour
 * @param wrongCodes   wrong cancel codes one address may try in {@link #WRONG_CODE_WINDOW} before it waits
 */
public record FairUse(int perPlate, int perClient, int perClientHourly, int wrongCodes) {

    public static final FairUse DEFAULT = new FairUse(1, 3, 10, 10);
    public static final Duration HOUR = Duration.ofHours(1);
    public static final Duration WRONG_CODE_WINDOW = Duration.ofMinutes(10);

    public FairUse {
        if (perPlate < 1 || perClient < 1 || perClientHourly < perClient || wrongCodes < 1) {
            throw new IllegalArgumentException("booking limits must be at least 1, and an address must be allowed"
                    + " at least as many bookings an hour as it may hold at once");
        }
    }
}
