package com.parkwatch.booking;

import com.parkwatch.lot.Occupancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Bookings, shared by the kiosk and the web: a spot is booked only while the camera sees it free and no other
 * booking holds it, for a duration the lot's {@link BookingRules} allow, by a valid plate; the driver gets a short
 * unguessable code, the only way to cancel. Bookings end by themselves. After each booking and cancellation, and at
 * each {@link #refresh}, the active bookings are handed to a listener (the live lot keeps them in memory, so that
 * nothing that draws or serves the lot's state reads the database).
 */
public final class BookingService {

    private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);
    /** Letters and digits, optionally grouped by single spaces or hyphens: "AB 123 CD", "B-MW-2024". */
    private static final Pattern PLATE = Pattern.compile("[A-Z0-9]+(?:[ -][A-Z0-9]+)*");
    private static final int PLATE_MIN_CHARACTERS = 2;
    private static final int PLATE_MAX_LENGTH = 12;
    /** Crockford's base 32: no I, L, O or U to misread. Eight characters carry 40 random bits. */
    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 8;

    private final BookingStore store;
    private final SpotAvailability lot;
    private final Clock clock;
    private final BookingRules rules;
    private final Consumer<List<Booking>> activeChanged;
    private final SecureRandom random = new SecureRandom();

    /** With the default rules (15 minutes to 24 hours), telling nobody of changes. */
    public BookingService(BookingStore store, SpotAvailability lot, Clock clock) {
        this(store, lot, clock, BookingRules.DEFAULT, active -> { });
    }

    /** @param activeChanged told the active bookings after every change and refresh, on the thread that made it */
    public BookingService(BookingStore store, SpotAvailability lot, Clock clock, BookingRules rules,
                          Consumer<List<Booking>> activeChanged) {
        this.store = store;
        this.lot = lot;
        this.clock = clock;
        this.rules = rules;
        this.activeChanged = activeChanged;
    }

    public BookingRules rules() {
        return rules;
    }

    public Booking book(int spot, String plate, int minutes) {
        String normalised = normalisePlate(plate);
        rules.check(minutes);
        if (!lot.watching()) {
            throw new BookingRejected(BookingRejected.Reason.NOT_WATCHING,
                    "the camera is not watching the lot right now, so no spot can be booked; try again in a moment");
        }
        Optional<Occupancy> seen = lot.occupancyOf(spot);
        if (seen.isEmpty()) {
            throw new BookingRejected(BookingRejected.Reason.UNKNOWN_SPOT, "there is no spot " + spot);
        }
        if (seen.get() != Occupancy.FREE) {
            throw new BookingRejected(BookingRejected.Reason.NOT_FREE, "spot " + spot + " is not free now");
        }
        // Whole milliseconds: what the database keeps, so a booking reads back exactly as it was made.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Booking booking = new Booking(newCode(), spot, normalised, now, now.plus(Duration.ofMinutes(minutes)));
        if (!store.insert(booking, now)) {
            throw new BookingRejected(BookingRejected.Reason.ALREADY_BOOKED, "spot " + spot + " is already booked");
        }
        refreshAfterChange();
        return booking;
    }

    /** Upper case, trimmed, inner blanks folded; refuses what cannot be a plate. */
    static String normalisePlate(String plate) {
        if (plate == null || plate.length() > 4 * PLATE_MAX_LENGTH) {
            throw new BookingRejected(BookingRejected.Reason.INVALID, "give a licence plate of at most "
                    + PLATE_MAX_LENGTH + " characters");
        }
        String p = plate.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        long characters = p.chars().filter(Character::isLetterOrDigit).count();
        if (p.length() > PLATE_MAX_LENGTH || characters < PLATE_MIN_CHARACTERS || !PLATE.matcher(p).matches()) {
            throw new BookingRejected(BookingRejected.Reason.INVALID, "\"" + (p.length() > 20 ? p.substring(0, 20) + "..." : p)
                    + "\" is not a licence plate: use 2 to 12 letters and digits, spaces or hyphens between groups");
        }
        return p;
    }

    private String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    /** Cancels the active booking with this code (any case); false when there is none. */
    public boolean cancel(String code) {
        boolean cancelled = code != null && store.cancel(code.strip().toUpperCase(Locale.ROOT), clock.instant());
        if (cancelled) {
            refreshAfterChange();
        }
        return cancelled;
    }

    public List<Booking> active() {
        return store.active(clock.instant());
    }

    /**
     * Reads the active bookings and hands them on: bookings that ended, and those other kiosks sharing the database
     * made. Throws {@link StoreUnavailable} when the database cannot be read, and then tells nobody.
     */
    public void refresh() {
        activeChanged.accept(active());
    }

    /** The change is made and must be reported as made: a failed read now is mended by the next refresh. */
    private void refreshAfterChange() {
        try {
            refresh();
        } catch (StoreUnavailable e) {
            LOG.warn("the bookings were changed but could not be read back: {}", e.getMessage());
        }
    }
}
